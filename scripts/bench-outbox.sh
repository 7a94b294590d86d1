#!/usr/bin/env bash
# Outbox benchmark: how long putting a wrapped 12-megapixel photo (about 4 MB) into the outbox
# takes, encryption and flush to disk included, per put (p50/p95/p99/max), next to the floor this
# disk sets: a Python loop writing the same bytes to a new file, flushing it, renaming it and
# flushing the folder, with no encryption.
#   usage: scripts/bench-outbox.sh [N]    (default 200 files; ROUNDS=3, BENCH_DIR=target/bench-send)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200}
rounds=${ROUNDS:-3}
work=${BENCH_DIR:-target/bench-send}
jar=capture-app/target/bedside-capture.jar
jsa=capture-app/target/bedside-capture.jsa
java_opts=()
[ -f "$jsa" ] && java_opts=(-XX:SharedArchiveFile="$jsa")
dicom=$(scripts/bench-data.sh "$n" "$work")

echo "disk floor (write + flush + rename + folder flush of the same files, no encryption):"
python3 - "$dicom" "$work/floor" <<'PY'
import os, sys, time
src, d = sys.argv[1], sys.argv[2]
os.makedirs(d, exist_ok=True)
ts = []
for name in sorted(os.listdir(src)):
    data = open(os.path.join(src, name), 'rb').read()
    t = time.perf_counter()
    part = os.path.join(d, '.' + name + '.part')
    fd = os.open(part, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    os.write(fd, data); os.fsync(fd); os.close(fd)
    os.rename(part, os.path.join(d, name))
    dfd = os.open(d, os.O_RDONLY); os.fsync(dfd); os.close(dfd)
    ts.append(time.perf_counter() - t)
for f in os.listdir(d): os.remove(os.path.join(d, f))
ts.sort()
pick = lambda p: ts[max(int(-(-p * len(ts) // 100)), 1) - 1] * 1e3
print("  %d writes: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms"
      % (len(ts), pick(50), pick(95), pick(99), ts[-1] * 1e3))
PY
echo "bedside-capture outbox bench (encrypt + write + flush + state + folder flush):"
printf '  '
BEDSIDE_CAPTURE_HOME="$work/home-outbox" java "${java_opts[@]}" -jar "$jar" outbox bench \
  --rounds "$rounds" "$dicom"
rm -rf "$work/home-outbox"
