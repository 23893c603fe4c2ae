#!/usr/bin/env bash
# `brev render` over many case files in one process (issue 15), wall time (the render is
# parallel: CPU time would hide what matters):
#   1. argument parsing alone: PARSE_N `--case` arguments and an invalid --memo-version, so
#      brev stops after parsing (exit 64) without reading a case;
#   2. N distinct afslag cases (the example with another case number each) from a --case-list,
#      with --jobs 1 and --jobs 2: letters per wall-second and the speed-up; every run must
#      write 4 files per case.
#   Benchmarks/render-many.sh                  # PARSE_N=24000 N=400 ROUNDS=3
#   BREV=.build/debug/brev N=100 Benchmarks/render-many.sh
#   OUT_DIR=/dev/shm/brev-rm Benchmarks/render-many.sh   # letters written to tmpfs (CPU scaling alone)
set -euo pipefail
cd "$(dirname "$0")/.."
brev="${BREV:-.build/release/brev}"
parse_n="${PARSE_N:-24000}"
n="${N:-400}"
rounds="${ROUNDS:-3}"
scratch=.build-bench/render-many
outs="${OUT_DIR:-$scratch}"
rm -rf "$scratch"
mkdir -p "$scratch/c"
python3 - "$scratch" "$n" "$parse_n" <<'PY'
import json, sys
scratch, n, parse_n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
case = json.load(open("Examples/cases/afslag-doegn-sel101.json"))
with open(f"{scratch}/list", "w") as listing:
    for i in range(max(n, 1)):
        case["case_number"] = f"27.36.08-G01-{50000 + i}-26"
        path = f"{scratch}/c/{i:05d}.json"
        json.dump(case, open(path, "w"), ensure_ascii=False)
        listing.write(path + "\n")
PY

seconds() { python3 -c 'import sys,time; print(f"{float(sys.argv[1]):.2f}")' "$1"; }
echo "brev: $brev; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"

# 1. Parsing: the same short path repeated (duplicates are only found when rendering).
args=()
for _ in $(seq 1 "$parse_n"); do args+=(--case "$scratch/c/00000.json"); done
start=$(date +%s.%N)
status=0
"$brev" render "${args[@]}" --out "$scratch/out-parse" --memo-version 0 >/dev/null 2>&1 || status=$?
end=$(date +%s.%N)
[ "$status" = 64 ] || { echo "expected exit 64 (usage) after parsing, got $status"; exit 1; }
echo "parsing $parse_n --case arguments: $(python3 -c "print(f'{$end - $start:.2f}')") s wall"

# 2. Rendering N cases with 1 and 2 jobs, alternating, ROUNDS times; medians.
for r in $(seq 1 "$rounds"); do
  for jobs in 1 2; do
    # A folder per run, removed at the end: on a journal-less ext4 files made just after many
    # were removed cost far more (see compare-typst.sh).
    out="$outs/out-$r-$jobs"
    /usr/bin/time -f "%e %U %S" -o "$scratch/time" "$brev" render --case-list "$scratch/list" --out "$out" --jobs "$jobs" >/dev/null
    files=$(find "$out" -type f | wc -l)
    [ "$files" = $((4 * n)) ] || { echo "jobs $jobs: $files files, expected $((4 * n))"; exit 1; }
    read -r wall user sys < "$scratch/time"
    echo "$jobs $wall $user $sys" >> "$scratch/runs"
    echo "round $r, --jobs $jobs: $n letters in $wall s wall ($user s user, $sys s system)"
  done
done
python3 - "$scratch/runs" "$n" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
n = int(sys.argv[2])
med = {j: statistics.median(float(r[1]) for r in rows if r[0] == j) for j in ("1", "2")}
cpu = {j: statistics.median(float(r[2]) + float(r[3]) for r in rows if r[0] == j) for j in ("1", "2")}
for j in ("1", "2"):
    print(f"--jobs {j}: {n / med[j]:.1f} letters/s wall (median {med[j]:.2f} s; {1000 * cpu[j] / n:.1f} ms CPU a letter)")
print(f"speed-up, 2 jobs over 1: {med['1'] / med['2']:.2f}x")
PY
rm -rf "$outs"/out-*
