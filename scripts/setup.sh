#!/usr/bin/env bash
# Installs what building, running and testing Bedside Capture needs on Debian 12, only where it is
# missing: JDK 17 and Maven, the PixelMed DICOM toolkit (Debian's libpixelmed-java, put into the
# local Maven repository), the independent peers the tests use (dcmtk, dicom3tools, ffmpeg),
# fakeroot, under which jpackage builds the .deb, rpm (rpmbuild, rpm2cpio) for the .rpm, and
# rsyslog with its OpenSSL driver, the tests' audit repository, and OpenLDAP's slapd, the tests'
# directory.
# Run as root, or as a user with sudo; elsewhere it names what to install and stops.
set -euo pipefail

PIXELMED_VERSION=20220618
PIXELMED_JAR=/usr/share/java/pixelmed.jar
packages=(libpixelmed-java dcmtk dicom3tools ffmpeg bc orthanc orthanc-dicomweb socat openssl libv4l-0 fakeroot rpm cpio rsyslog rsyslog-openssl slapd)
# The app's window (JavaFX on GTK) on a desktop, and bench-app on a virtual display; the tests draw
# the screens without a display (Monocle), so `setup.sh tests` leaves these out.
[ "${1:-}" = tests ] || packages+=(libgtk-3-0 xvfb xauth)
command -v java >/dev/null 2>&1 && java -version 2>&1 | grep -q 'version "17' || packages+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || packages+=(maven)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: not a Debian system; install these yourself: ${missing[*]} (see README, 'Other systems')" >&2
    exit 1
  fi
  if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
    echo "setup: need root to install: ${missing[*]}" >&2
    exit 1
  fi
  echo "setup: installing ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

repo_jar="${HOME}/.m2/repository/com/pixelmed/pixelmed/${PIXELMED_VERSION}/pixelmed-${PIXELMED_VERSION}.jar"
if [ ! -f "$repo_jar" ]; then
  echo "setup: installing the PixelMed toolkit into the local Maven repository"
  mvn -B -q org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file \
    -Dfile="$PIXELMED_JAR" -DgroupId=com.pixelmed -DartifactId=pixelmed \
    -Dversion="$PIXELMED_VERSION" -Dpackaging=jar -DgeneratePom=true
fi
