#!/usr/bin/env bash
# The project's commands: set up what is missing, build, then run the demo, the tests or a benchmark.
#   ./bedside.sh demo        set up, build, and open the app on embedded defaults (headless demo without a display)
#   ./bedside.sh test        set up and run every test (what CI runs)
#   ./bedside.sh bench-wrap  set up, build, and compare `wrap` with dcmtk's img2dcm
#   ./bedside.sh bench-send  set up, build, and compare `send` with dcmtk's storescu
#   ./bedside.sh bench-outbox  set up, build, and time putting 4 MB captures into the outbox
#   ./bedside.sh bench-scan  set up, build, and time barcode decoding and scan-to-context
#   ./bedside.sh bench-capture  set up, build, and time preview, stills and clip recording
#   ./bedside.sh bench-app   set up, build, and time the app: start, scan, shutter, preview, a shift
#   ./bedside.sh fuzz [SECONDS]  set up, build, and fuzz each parser of outside input SECONDS long (300)
#   ./bedside.sh installers  set up and build the app image, the .deb and the .rpm (packaging/target/)
set -euo pipefail
cd "$(dirname "$0")"

# The app's jar and what it needs; the installers only when asked for (they take a few minutes).
build() { mvn -B -q -DskipTests package -pl capture-app -am; }

case "${1:-}" in
  demo)
    scripts/setup.sh
    build
    exec java -jar capture-app/target/bedside-capture.jar demo
    ;;
  test)
    scripts/setup.sh tests
    exec mvn -B verify
    ;;
  bench-wrap)
    scripts/setup.sh
    build
    shift
    exec scripts/bench-wrap.sh "$@"
    ;;
  bench-send)
    scripts/setup.sh
    build
    shift
    exec scripts/bench-send.sh "$@"
    ;;
  bench-outbox)
    scripts/setup.sh
    build
    shift
    exec scripts/bench-outbox.sh "$@"
    ;;
  bench-scan)
    scripts/setup.sh
    build
    shift
    exec scripts/bench-scan.sh "$@"
    ;;
  bench-capture)
    scripts/setup.sh
    build
    shift
    exec java -jar capture-app/target/bedside-capture.jar bench-preview "$@"
    ;;
  bench-app)
    scripts/setup.sh
    build
    if [ -z "${DISPLAY:-}" ]; then
      exec xvfb-run -a -s "-screen 0 1280x800x24" java -XX:SharedArchiveFile=capture-app/target/bedside-capture.jsa -jar capture-app/target/bedside-capture.jar bench-app
    fi
    exec java -XX:SharedArchiveFile=capture-app/target/bedside-capture.jsa -jar capture-app/target/bedside-capture.jar bench-app
    ;;
  installers)
    scripts/setup.sh
    mvn -B -q -DskipTests package
    ls -d packaging/target/image/bedside-capture packaging/target/deb/*.deb packaging/target/rpm/*.rpm
    ;;
  fuzz)
    scripts/setup.sh
    mvn -B -q -DskipTests install
    exec mvn -B -pl dicom-wrapper,capture-app surefire:test@fuzz -Dfuzz.seconds="${2:-300}"
    ;;
  *)
    sed -n '2,13p' "$0" >&2
    exit 2
    ;;
esac
