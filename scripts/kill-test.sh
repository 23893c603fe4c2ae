#!/usr/bin/env bash
# The issue's check of all-or-nothing output: start `brev render` over 200 cases, kill -9 it
# 30 times at varying moments, then let one run finish. Afterwards every letter must have its
# complete set (pdf, html, memo.xml, kombi.xml), no temporary or pending file may remain, and
# every file must be mode 0600. Usage: scripts/kill-test.sh [cases] [kills]
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-200}
kills=${2:-30}
brev=.build/debug/brev
[ -x "$brev" ] || swift build --product brev
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work" "$cases" <<'PY'
import json, sys
work, count = sys.argv[1], int(sys.argv[2])
case = json.load(open("Examples/cases/afslag-doegn-sel101.json"))
for i in range(count):
    case["case_number"] = f"27.36.08-G01-{3000 + i}-26"
    json.dump(case, open(f"{work}/case-{i}.json", "w"), ensure_ascii=False)
PY
args=(render --out "$work/out" --resources .)
for i in $(seq 0 $((cases - 1))); do args+=(--case "$work/case-$i.json"); done

pending=0
temporaries=0
for k in $(seq 1 "$kills"); do
  "$brev" "${args[@]}" >/dev/null 2>&1 &
  pid=$!
  # 0.05 to 1.5 seconds: early kills hit the start and recovery, later ones the writing.
  sleep "$(awk -v k="$k" 'BEGIN { srand(k); printf "%.2f", 0.05 + rand() * 1.45 }')"
  kill -9 "$pid" 2>/dev/null || echo "kill $k: the run had already finished"
  wait "$pid" 2>/dev/null || true
  # What the kill left for the next start to clean: pending markers and temporary files.
  if [ -d "$work/out" ]; then
    pending=$((pending + $(find "$work/out" -name '.brev-pending-*' | wc -l)))
    temporaries=$((temporaries + $(find "$work/out" -name '.brev-tmp-*' | wc -l)))
  fi
done
echo "the kills left $pending pending marker(s) and $temporaries temporary file(s) in all, for the next start to clean"
"$brev" "${args[@]}" >/dev/null 2>&1

cd "$work/out"
fail=0
leftovers=$(find . -name '.brev-*' | wc -l)
[ "$leftovers" -eq 0 ] || { echo "FAIL: $leftovers temporary or pending file(s) left"; fail=1; }
incomplete=$(ls | sed 's/\..*//' | sort | uniq -c | awk '$1 != 4' | wc -l)
[ "$incomplete" -eq 0 ] || { echo "FAIL: $incomplete incomplete letter set(s)"; fail=1; }
sets=$(ls | sed 's/\..*//' | sort -u | wc -l)
[ "$sets" -eq "$cases" ] || { echo "FAIL: $sets letter sets for $cases cases"; fail=1; }
wrongmode=$(find . -type f ! -perm 600 | wc -l)
[ "$wrongmode" -eq 0 ] || { echo "FAIL: $wrongmode file(s) not mode 0600"; fail=1; }
[ "$fail" -eq 0 ] && echo "ok: $kills kills over $cases cases; $sets complete sets, no temporary file, all mode 0600"
exit "$fail"
