#!/bin/sh
# What the Linux packages (.deb, .rpm) of Bedside Capture do on the machine they are installed on,
# called by their maintainer scripts:
#   station-package.sh configure   after an install or an upgrade
#   station-package.sh remove      before the package's files are removed
#
# configure: makes /etc/bedside-capture, puts the menu entry and the icon in place, and takes the
# site file an installer gives at install time (BEDSIDE_CAPTURE_SITE=/path/site.properties),
# validated first by the app's own validation; a site file already in place is checked and kept.
# remove: takes the menu entry away and says what stays: each account's outbox (captures the
# archive has not yet confirmed are never deleted by a package) and the site file.
#
# DPKG_ROOT is honoured (dpkg sets it when installing into another root), so the tests install the
# package into a temporary root and run these steps there.
set -e

ROOT="${DPKG_ROOT:-}"
APP=/opt/bedside-capture
LAUNCHER="$ROOT$APP/bin/bedside-capture"
SITE_DIR="$ROOT/etc/bedside-capture"
SITE_FILE="$SITE_DIR/site.properties"
MENU="$ROOT/usr/share/applications/bedside-capture.desktop"
ICON="$ROOT/usr/share/icons/hicolor/256x256/apps/bedside-capture.png"

say() {
  echo "bedside-capture: $*"
}

menu_entry() {
  mkdir -p "$(dirname "$MENU")" "$(dirname "$ICON")"
  cat > "$MENU" <<ENTRY
[Desktop Entry]
Type=Application
Name=Bedside Capture
GenericName=Clinical photo capture
Comment=Photos and clips for a patient's encounter, sent to the archive
Exec=$APP/bin/bedside-capture
Icon=bedside-capture
Terminal=false
Categories=Science;MedicalSoftware;Graphics;Photography;
Keywords=DICOM;wound;photo;camera;
Actions=diagnostic;

[Desktop Action diagnostic]
Name=Start with a diagnostic log
Exec=$APP/bin/bedside-capture-diagnostic
ENTRY
  chmod 0644 "$MENU"
  cp "$ROOT$APP/lib/bedside-capture.png" "$ICON"
  chmod 0644 "$ICON"
  if [ -z "$ROOT" ]; then
    if command -v update-desktop-database > /dev/null 2>&1; then
      update-desktop-database -q /usr/share/applications || true
    fi
    if command -v gtk-update-icon-cache > /dev/null 2>&1; then
      gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
    fi
  fi
}

validate() {
  BEDSIDE_CAPTURE_SITE_DIR="$SITE_DIR" "$LAUNCHER" settings validate "$1"
}

take_site_file() {
  given="$1"
  if [ ! -r "$given" ]; then
    say "BEDSIDE_CAPTURE_SITE names $given, which cannot be read: no site file was taken" >&2
    exit 1
  fi
  if ! validate "$given"; then
    say "the site file $given was not taken (the line above names the key); fix it and run" \
      "the install again, or: BEDSIDE_CAPTURE_SITE=$given dpkg --configure bedside-capture" >&2
    exit 1
  fi
  if [ -f "$SITE_FILE" ] && ! cmp -s "$given" "$SITE_FILE"; then
    cp -p "$SITE_FILE" "$SITE_FILE.previous"
  fi
  cp "$given" "$SITE_FILE.part"
  chmod 0644 "$SITE_FILE.part"
  mv -f "$SITE_FILE.part" "$SITE_FILE"
  say "site settings taken from $given into /etc/bedside-capture/site.properties"
}

configure() {
  mkdir -p "$SITE_DIR"
  chmod 0755 "$SITE_DIR"
  menu_entry
  if [ -n "${BEDSIDE_CAPTURE_SITE:-}" ]; then
    take_site_file "$BEDSIDE_CAPTURE_SITE"
  elif [ -f "$SITE_FILE" ]; then
    validate "$SITE_FILE" > /dev/null ||
      say "the site file in /etc/bedside-capture is kept as it is; the app will refuse to start" \
        "until the key named above is fixed" >&2
  else
    say "no site file yet: put one at /etc/bedside-capture/site.properties (or install with" \
      "BEDSIDE_CAPTURE_SITE=/path/site.properties); until then only 'bedside-capture demo' runs"
  fi
}

what_stays() {
  for home in "$ROOT/root" "$ROOT"/home/*; do
    outbox="$home/.local/share/bedside-capture/outbox"
    if [ -d "$outbox" ]; then
      files=$(find "$outbox" -type f | wc -l)
      say "kept: the outbox $outbox (${files} files); captures in it the archive has not" \
        "confirmed are sent once the app is installed again"
    fi
  done
  if [ -f "$SITE_FILE" ]; then
    say "kept: the site file /etc/bedside-capture/site.properties (a purge removes it)"
  fi
}

remove() {
  rm -f "$MENU" "$ICON"
  what_stays
}

case "$1" in
  configure) configure ;;
  remove) remove ;;
  *)
    say "station-package.sh: unknown step '$1'" >&2
    exit 2
    ;;
esac
