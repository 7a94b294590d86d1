#!/usr/bin/env bash
# Scan benchmark: `bench-scan` (ZXing per 1080p frame; scan to context warm, in one JVM), then
# scan to context cold: `lookup` of a demo wristband in a fresh JVM each time (JVM start, FHIR
# warm-up, rules, both FHIR round trips), against the demo EHR running in its own process.
#   usage: scripts/bench-scan.sh [COLD_RUNS]    (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
jar=capture-app/target/bedside-capture.jar
jsa=capture-app/target/bedside-capture.jsa
java_opts=()
[ -f "$jsa" ] && java_opts=(-XX:SharedArchiveFile="$jsa")
home=$(mktemp -d)
trap 'kill "$ehr_pid" 2>/dev/null || true; rm -rf "$home"' EXIT

java "${java_opts[@]}" -jar "$jar" bench-scan

BEDSIDE_CAPTURE_HOME="$home" java "${java_opts[@]}" -jar "$jar" demo-ehr > "$home/ehr.out" &
ehr_pid=$!
for _ in $(seq 100); do [ -s "$home/ehr.out" ] && break; sleep 0.1; done
base=$(head -1 "$home/ehr.out")
times=()
for _ in $(seq "$runs"); do
  t0=$(date +%s.%N)
  BEDSIDE_CAPTURE_HOME="$home" java "${java_opts[@]}" -jar "$jar" lookup --fhir "$base" DEMO-000001 >/dev/null
  times+=("$(echo "$(date +%s.%N) - $t0" | bc -l)")
done
printf '%s\n' "${times[@]}" | sort -g | awk -v n="$runs" '
  {a[NR]=$1} END {
    p50=a[int((n*50+99)/100)]; p95=a[int((n*95+99)/100)];
    printf "scan to context cold (lookup in a fresh JVM, %d runs): p50 %.0f ms, p95 %.0f ms\n", n, p50*1000, p95*1000 }'
