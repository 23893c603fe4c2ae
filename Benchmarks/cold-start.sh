#!/usr/bin/env bash
# Cold one-letter process (issue 15: ≤ 35 ms wall), in a fresh process each time, RUNS times with
# the checked-resources markers (BREV_CACHE_DIR, written by the first run) and RUNS times with
# BREV_CACHE_DIR=off (every start checks templates, font hashes and schemas, as before the
# markers); median wall and CPU time (perf stat's task-clock).
# By default `letter-benchmark --one CASE OUT` (what `brev render --case CASE --out OUT` does:
# build a pipeline, render, write the letter set; without brev's argument parser), with one
# --startup split of each; BENCH=path measures another build of it (a dynamic one, or an older
# commit's copy). BREV=path measures the user's command itself, `brev render --case CASE --out OUT`.
# Build either as brev is deployed for short starts (the Swift runtime and Foundation linked in):
#   swift build -c release --product letter-benchmark --static-swift-stdlib && Benchmarks/cold-start.sh   # RUNS=21
#   swift build -c release --product brev --static-swift-stdlib --disable-local-rpath && BREV=.build/release/brev Benchmarks/cold-start.sh
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-21}"
case_file="${CASE:-Examples/cases/afslag-doegn-sel101.json}"
if [ -n "${BREV:-}" ]; then
  command=("$BREV" render --case "$case_file" --out)   # the output folder follows
else
  bench="${BENCH:-.build/release/letter-benchmark}"
  command=("$bench" --one "$case_file")
fi
scratch=.build-bench/cold-start
rm -rf "$scratch"
mkdir -p "$scratch/cache"
echo "load $(cut -d' ' -f1-3 /proc/loadavg); ${command[0]} ${command[1]}"
measure() {  # label, cache dir
  : > "$scratch/times"
  for i in $(seq 1 "$runs"); do
    rm -rf "$scratch/out"
    s=$(date +%s%N)
    BREV_CACHE_DIR="$2" perf stat -x, -e task-clock -o "$scratch/perf" "${command[@]}" "$scratch/out" >/dev/null
    e=$(date +%s%N)
    echo "$(( (e - s) / 1000 )) $(grep task-clock "$scratch/perf" | cut -d, -f1)" >> "$scratch/times"
  done
  rm -rf "$scratch/out"
  split=""
  if [ -z "${BREV:-}" ]; then
    split="; one run: $(BREV_CACHE_DIR="$2" "${command[@]}" "$scratch/out" --startup)"
  fi
  python3 - "$scratch/times" "$1" "$split" <<'PY'
import statistics, sys
rows = [[float(x) for x in l.split()] for l in open(sys.argv[1])]
wall = sorted(r[0] / 1000 for r in rows)
cpu = sorted(r[1] for r in rows)
print(f"{sys.argv[2]}: wall median {statistics.median(wall):.0f} ms (fastest {wall[0]:.0f}), "
      f"CPU median {statistics.median(cpu):.1f} ms (least {cpu[0]:.1f}), {len(rows)} runs{sys.argv[3]}")
PY
}
BREV_CACHE_DIR="$scratch/cache" "${command[@]}" "$scratch/out-first" >/dev/null   # writes the markers
measure "every check at start (BREV_CACHE_DIR=off)" off
measure "checks that passed before skipped" "$(pwd)/$scratch/cache"
