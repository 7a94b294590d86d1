#!/usr/bin/env bash
# Makes (once) N synthetic 12-megapixel photos (about 4 MB each as JPEG) and wraps them into DICOM
# for the benchmarks; prints the folder of the wrapped objects.
#   usage: scripts/bench-data.sh N WORK_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
n=$1
work=$2
jar=capture-app/target/bedside-capture.jar
photos="$work/photos-$n"
dicom="$work/dicom-$n"
if [ ! -f "$dicom.done" ]; then
  rm -rf "$photos" "$dicom"; mkdir -p "$photos"
  echo "making $n synthetic 12-megapixel photos and wrapping them" >&2
  ffmpeg -v error -f lavfi -i "testsrc2=s=4000x3000:r=1,noise=alls=16:allf=t+u" \
    -frames:v "$n" -q:v 2 "$photos/photo%04d.jpg"
  java -jar "$jar" demo-ehr --bundle "$work/encounter-bundle.json" >/dev/null
  java -jar "$jar" wrap --context "$work/encounter-bundle.json" --body-site 54735007 \
    --laterality U --out "$dicom" "$photos"/*.jpg >/dev/null
  touch "$dicom.done"
fi
echo "$dicom"
