#!/usr/bin/env bash
# Cold one-letter process (issue 15: ≤ 35 ms wall): `letter-benchmark --one CASE OUT` in a fresh
# process each time (what `brev render --case CASE` does: build a pipeline, render, write the
# letter set; without brev's argument parser and server libraries), RUNS times with the
# checked-resources markers (BREV_CACHE_DIR, written by the first run) and RUNS times with
# BREV_CACHE_DIR=off (every start checks templates, font hashes and schemas, as before the
# markers); median wall and CPU time (perf stat's task-clock), and one --startup split of each.
# Build it as brev is deployed for short starts (the Swift runtime and Foundation linked in);
# BENCH=path measures another build (a dynamic one, or an older commit's copy).
#   swift build -c release --product letter-benchmark --static-swift-stdlib && Benchmarks/cold-start.sh   # RUNS=21
set -euo pipefail
cd "$(dirname "$0")/.."
bench="${BENCH:-.build/release/letter-benchmark}"
runs="${RUNS:-21}"
case_file="${CASE:-Examples/cases/afslag-doegn-sel101.json}"
scratch=.build-bench/cold-start
rm -rf "$scratch"
mkdir -p "$scratch/cache"
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
measure() {  # label, cache dir
  : > "$scratch/times"
  for i in $(seq 1 "$runs"); do
    rm -rf "$scratch/out"
    s=$(date +%s%N)
    BREV_CACHE_DIR="$2" perf stat -x, -e task-clock -o "$scratch/perf" "$bench" --one "$case_file" "$scratch/out"
    e=$(date +%s%N)
    echo "$(( (e - s) / 1000 )) $(grep task-clock "$scratch/perf" | cut -d, -f1)" >> "$scratch/times"
  done
  rm -rf "$scratch/out"
  split=$(BREV_CACHE_DIR="$2" "$bench" --one "$case_file" "$scratch/out" --startup)
  python3 - "$scratch/times" "$1" "$split" <<'PY'
import statistics, sys
rows = [[float(x) for x in l.split()] for l in open(sys.argv[1])]
wall = sorted(r[0] / 1000 for r in rows)
cpu = sorted(r[1] for r in rows)
print(f"{sys.argv[2]}: wall median {statistics.median(wall):.0f} ms (fastest {wall[0]:.0f}), "
      f"CPU median {statistics.median(cpu):.0f} ms (least {cpu[0]:.0f}), {len(rows)} runs; one run: {sys.argv[3]}")
PY
}
BREV_CACHE_DIR="$scratch/cache" "$bench" --one "$case_file" "$scratch/out-first"   # writes the markers
measure "every check at start (BREV_CACHE_DIR=off)" off
measure "checks that passed before skipped" "$(pwd)/$scratch/cache"
