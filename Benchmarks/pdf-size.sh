#!/usr/bin/env bash
# Mean PDF size of the example letters (issue 15: ≤ 25 KB): every valid example in
# Examples/cases/ (not *invalid*) rendered by brev into a scratch folder, each letter's PDF
# counted (a young person's case gives one per recipient).
#   Benchmarks/pdf-size.sh                     # BREV=.build/release/brev
set -euo pipefail
cd "$(dirname "$0")/.."
brev="${BREV:-.build/release/brev}"
scratch=.build-bench/pdf-size
rm -rf "$scratch"
mkdir -p "$scratch"
ls Examples/cases/*.json | grep -v invalid > "$scratch/list"
"$brev" render --case-list "$scratch/list" --out "$scratch/out" >/dev/null
python3 - "$scratch/out" <<'PY'
import os, statistics, sys
sizes = sorted(os.path.getsize(os.path.join(sys.argv[1], f)) for f in os.listdir(sys.argv[1]) if f.endswith(".pdf"))
print(f"{len(sizes)} letters: mean {statistics.mean(sizes) / 1000:.1f} KB, median {statistics.median(sizes) / 1000:.1f} KB, "
      f"smallest {sizes[0] / 1000:.1f} KB, largest {sizes[-1] / 1000:.1f} KB")
PY
