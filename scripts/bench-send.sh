#!/usr/bin/env bash
# Send benchmark: the same N wrapped 12-megapixel photos (about 4 MB each) sent over one
# association to dcmtk's storescp on loopback by dcmtk's storescu and by us, side by side in one
# run, against a receiver with default settings and one started with TCP_NODELAY=1 (Nagle off),
# the receiver discarding what it gets (--ignore) so that only the transfer is measured.
# "ours, delivery" is `outbox retry` of objects already in the outbox (decrypt + C-STORE, JVM
# start included); the row under it is the batch's own time as the command reports it (JVM start
# and outbox opening left out: what the capture app, which keeps running, pays); "ours, send" also
# puts them into the outbox first (encrypt + flush to disk).
# Prints seconds, files/s, MB/s and the ratio to storescu; medians of ROUNDS rounds.
#   usage: scripts/bench-send.sh [N]      (default 200; ROUNDS=3, BENCH_DIR=target/bench-send)
set -euo pipefail
cd "$(dirname "$0")/.."

n=${1:-200}
rounds=${ROUNDS:-3}
work=${BENCH_DIR:-target/bench-send}
jar=capture-app/target/bedside-capture.jar
jsa=capture-app/target/bedside-capture.jsa
java_opts=()
[ -f "$jsa" ] && java_opts=(-XX:SharedArchiveFile="$jsa")
for tool in storescp storescu ffmpeg java; do
  command -v "$tool" >/dev/null || { echo "bench-send: $tool is missing (run scripts/setup.sh)" >&2; exit 2; }
done

dicom=$(scripts/bench-data.sh "$n" "$work")
files=("$dicom"/*.dcm)
mb=$(du -cm --apparent-size "${files[@]}" | tail -1 | cut -f1)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
receiver_pid=
start_receiver() { # $1: port, $2: nodelay 0|1
  TCP_NODELAY=$2 storescp --ignore +xa -aet ARCHIVE "$1" >/dev/null 2>&1 &
  receiver_pid=$!
  for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/"$1") 2>/dev/null && return; sleep 0.05; done
  echo "bench-send: storescp did not start" >&2; exit 2
}
stop_receiver() { kill "$receiver_pid" 2>/dev/null || true; wait "$receiver_pid" 2>/dev/null || true; }
trap stop_receiver EXIT

run_storescu() { # $1 port
  local t0; t0=$(now)
  storescu -xy -aec ARCHIVE 127.0.0.1 "$1" "${files[@]}" >/dev/null 2>&1
  echo "$(now) - $t0" | bc -l
}
run_ours_send() { # $1 port
  local home="$work/home-send"; rm -rf "$home"; sync
  local t0; t0=$(now)
  BEDSIDE_CAPTURE_HOME="$home" java "${java_opts[@]}" -jar "$jar" send \
    --to "dicom://ARCHIVE@127.0.0.1:$1" "$dicom" >/dev/null
  echo "$(now) - $t0" | bc -l
}
queue_for() { # $1 port, no receiver there yet: the objects wait in the outbox of $work/home-retry
  rm -rf "$work/home-retry"
  BEDSIDE_CAPTURE_HOME="$work/home-retry" java -jar "$jar" send \
    --to "dicom://ARCHIVE@127.0.0.1:$1" "$dicom" >/dev/null 2>&1 || true
  sync
}
run_ours_delivery() { # prints the command's time, then the batch's own time (JVM running)
  local t0 line; t0=$(now)
  line=$(BEDSIDE_CAPTURE_HOME="$work/home-retry" java "${java_opts[@]}" -jar "$jar" outbox retry)
  echo "$(now) - $t0" | bc -l
  echo "$line" | sed -n 's/.* in \([0-9.]*\) s$/\1/p'
}

row() { # name seconds base
  printf '  %-36s %7.2f s %7.1f files/s %7.0f MB/s %6.2fx\n' "$1" "$2" \
    "$(echo "$n / $2" | bc -l)" "$(echo "$mb / $2" | bc -l)" "$(echo "$3 / $2" | bc -l)"
}

echo "$n objects, $mb MB, one association each, medians of $rounds rounds; ratio = storescu time / this time"
for nodelay in 0 1; do
  declare -a su=() send=() delivery=() batch=()
  for r in $(seq "$rounds"); do
    port=$(free_port); queue_for "$port"; start_receiver "$port" "$nodelay"
    su+=("$(run_storescu "$port")")
    mapfile -t d < <(run_ours_delivery)
    delivery+=("${d[0]}"); batch+=("${d[1]}")
    send+=("$(run_ours_send "$port")")
    stop_receiver
  done
  base=$(median "${su[@]}")
  [ "$nodelay" = 1 ] && echo "receiver storescp with TCP_NODELAY=1:" || echo "receiver storescp with defaults:"
  row "storescu -xy" "$base" "$base"
  row "ours, delivery (outbox retry)" "$(median "${delivery[@]}")" "$base"
  row "  of which the batch (JVM running)" "$(median "${batch[@]}")" "$base"
  row "ours, send (outbox put + delivery)" "$(median "${send[@]}")" "$base"
  unset su send delivery batch
done
rm -rf "$work/home-send" "$work/home-retry"
