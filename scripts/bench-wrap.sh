#!/usr/bin/env bash
# Wrap benchmark: the same N 12-megapixel JPEGs wrapped by our `wrap` (one JVM, JVM start
# included) and by dcmtk's img2dcm (one process per file, as people use it), side by side in one
# run. Prints seconds, files/s, MB/s and the ratio to img2dcm, medians of ROUNDS rounds.
#
# Our wrap makes every file durable (fsync) before giving it its final name; img2dcm does not, so
# the table also shows img2dcm followed by `sync`, the like-for-like durable comparison, and the
# disk's floors for the same bytes: a copy flushing each file before renaming it (what a naive
# durable writer pays), and a copy followed by one `sync` (the least any durable writer can pay).
# A wrap of the first photo alone is timed too: the fixed start (JVM, settings, HAPI's model and
# the Bundle), which the rest of the run is shown without, as in an app already running.
#   usage: scripts/bench-wrap.sh [N]      (default 200; ROUNDS=3, BENCH_DIR=target/bench-wrap)
set -euo pipefail
cd "$(dirname "$0")/.."

n=${1:-200}
rounds=${ROUNDS:-3}
work=${BENCH_DIR:-target/bench-wrap}
jar=capture-app/target/bedside-capture.jar
jsa=capture-app/target/bedside-capture.jsa
input="$work/in-$n"

for tool in ffmpeg img2dcm java; do
  command -v "$tool" >/dev/null || { echo "bench-wrap: $tool is missing (run scripts/setup.sh)" >&2; exit 2; }
done
[ -f "$jar" ] || { echo "bench-wrap: build first (./bedside.sh bench-wrap does)" >&2; exit 2; }

if [ ! -f "$input/done" ]; then
  echo "making $n synthetic 12-megapixel JPEGs (4000x3000, about 4 MB each) in $input"
  rm -rf "$input"; mkdir -p "$input"
  ffmpeg -v error -f lavfi -i "testsrc2=s=4000x3000:r=1,noise=alls=16:allf=t+u" \
    -frames:v "$n" -q:v 2 "$input/photo%04d.jpg"
  touch "$input/done"
fi
context="$work/encounter-bundle.json"
java -jar "$jar" demo-ehr --bundle "$context" >/dev/null
mb=$(du -sm --apparent-size "$input" | cut -f1)

now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc -l; }

run_ours() { # $1: "one" for the first photo only (the fixed start), "all"; then extra JVM options
  local which=$1; shift
  local out="$work/out-ours"; rm -rf "$out"; sync
  local photos=("$input"/*.jpg)
  [ "$which" = one ] && photos=("${photos[0]}")
  local t0; t0=$(now)
  java "$@" -jar "$jar" wrap --context "$context" --body-site 54735007 --laterality U \
    --out "$out" "${photos[@]}" >/dev/null
  elapsed "$t0" "$(now)"
}
run_img2dcm() { # $1: "sync" to wait for the disk as our wrap does
  local out="$work/out-img2dcm"; rm -rf "$out"; mkdir -p "$out"; sync
  local t0; t0=$(now)
  for f in "$input"/*.jpg; do img2dcm -q "$f" "$out/$(basename "$f" .jpg).dcm"; done
  [ "${1:-}" = sync ] && sync
  elapsed "$t0" "$(now)"
}
run_floor() { # $1: "each" to flush every file before its rename, "once" for one sync at the end
  local out="$work/out-floor"; rm -rf "$out"; mkdir -p "$out"; sync
  local t0; t0=$(now)
  if [ "$1" = each ]; then
    python3 - "$out" "$input"/*.jpg <<'PY'
import os, sys
out = sys.argv[1]
for f in sys.argv[2:]:
    name = os.path.join(out, os.path.basename(f)[:-4] + ".dcm")
    with open(f, "rb") as src, open(name + ".part", "wb") as dst:
        dst.write(src.read())
        dst.flush()
        os.fsync(dst.fileno())
    os.rename(name + ".part", name)
d = os.open(out, os.O_RDONLY)
os.fsync(d)
os.close(d)
PY
  else
    cp "$input"/*.jpg "$out"/
    sync
  fi
  elapsed "$t0" "$(now)"
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

declare -a ours one cds img img_sync floor_each floor_once
for r in $(seq "$rounds"); do
  echo "round $r of $rounds"
  img+=("$(run_img2dcm)")
  img_sync+=("$(run_img2dcm sync)")
  floor_each+=("$(run_floor each)")
  floor_once+=("$(run_floor once)")
  ours+=("$(run_ours all)")
  one+=("$(run_ours one)")
  [ -f "$jsa" ] && cds+=("$(run_ours all -XX:SharedArchiveFile="$jsa")")
done

base=$(median "${img[@]}")
row() { # name seconds
  printf '%-44s %7.2f s %7.1f files/s %7.0f MB/s %6.2fx\n' "$1" "$2" \
    "$(echo "$n / $2" | bc -l)" "$(echo "$mb / $2" | bc -l)" "$(echo "$base / $2" | bc -l)"
}
echo
echo "$n JPEGs, $mb MB, medians of $rounds rounds; ratio = img2dcm time / this time"
row "img2dcm, one process per file" "$base"
row "img2dcm, one process per file, then sync" "$(median "${img_sync[@]}")"
row "floor: copy, flush each file, rename" "$(median "${floor_each[@]}")"
row "floor: copy, then one sync" "$(median "${floor_once[@]}")"
row "bedside-capture wrap (java -jar)" "$(median "${ours[@]}")"
[ ${#cds[@]} -gt 0 ] && row "bedside-capture wrap (java -jar, CDS archive)" "$(median "${cds[@]}")"
batch=$(echo "$(median "${ours[@]}") - $(median "${one[@]}")" | bc -l)
printf '%-44s %7.2f s\n' "  of which the start (wrap of one photo)" "$(median "${one[@]}")"
row "  the other photos (JVM running)" "$batch"
printf '%-44s %7.2fx (goal: at most 1.3x)\n' "wrap / the one-sync floor" \
  "$(echo "$(median "${ours[@]}") / $(median "${floor_once[@]}")" | bc -l)"
printf '%-44s %7.2fx\n' "the other photos / the one-sync floor" \
  "$(echo "$batch / $(median "${floor_once[@]}")" | bc -l)"
rm -rf "$work/out-ours" "$work/out-img2dcm" "$work/out-floor"
