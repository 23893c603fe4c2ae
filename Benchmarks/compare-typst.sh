#!/usr/bin/env bash
# brev against Typst on the same letter, side by side in one run (../shared/bench/peers).
# Each round runs Typst's peer and brev's peer-letter-benchmark, one after the other, each
# pinned to core 0, each rendering N letters after a warm-up in one warm process; we report
# the medians of letters per CPU-second, their ratio and brev's per-stage split. brev does a
# user's whole letter: a case file in, validated, templated, laid out, PDF/UA + PDF/A, HTML,
# MeMo validated, files written (Benchmarks/PeerLetter/main.swift) as `brev render` writes
# them: each letter's four files one set, durable, one flush of the disk for a group of 32
# letters. A third run per round writes to tmpfs (/dev/shm, SHM_DIR) to show what the durable
# write costs (Typst's peer writes one PDF and does not fsync). Typst comes from PyPI (the version in
# the peers' requirements.txt) into a scratch venv under .build-bench/ (git-ignored).
#   Benchmarks/compare-typst.sh            # ROUNDS=5 N=300
#   ROUNDS=5 N=300 Benchmarks/compare-typst.sh
set -euo pipefail
cd "$(dirname "$0")/.."
peers="${PEERS:-../shared/bench/peers}"
rounds="${ROUNDS:-5}"
n="${N:-300}"
scratch=.build-bench
mkdir -p "$scratch"

dpkg-query -W -f='${Status}' fonts-dejavu-core 2>/dev/null | grep -q "install ok installed" \
  || { echo "compare: installing fonts-dejavu-core (Typst's peer uses DejaVu Sans)"; apt-get install -y -qq fonts-dejavu-core >/dev/null; }
if [ ! -x "$scratch/venv/bin/python" ]; then python3 -m venv "$scratch/venv"; fi
typst_version=$(grep -E '^typst==' "$peers/requirements.txt")
"$scratch/venv/bin/python" -c 'import typst' 2>/dev/null || "$scratch/venv/bin/pip" install --quiet "$typst_version"
[ -f "$peers/data/variants.json" ] || (cd "$peers" && python3 make_variants.py)
swift build -c release --product peer-letter-benchmark >/dev/null

pin() { if command -v taskset >/dev/null; then taskset -c 0 "$@"; else "$@"; fi; }
: > "$scratch/results.jsonl"
shm="${SHM_DIR:-/dev/shm}/brev-compare-out-$$"
# Each side writes every round into a folder of its own, and the folders are removed only after
# the last round: this disk's ext4 has no journal, and there a new file's inode is searched past
# every inode freed in the last minute or more (ext4's recently_deleted()), so removing the last
# round's 1,200 files just before a round made brev's file creation 10× dearer (write stage
# 0.3 → 3.1 ms a letter from round 1 to round 5, `perf` in find_inode_bit/recently_deleted).
# A run started right after another still pays for the first run's removal.
rm -rf "$scratch"/out-typst-* "$scratch"/out-brev-*
for r in $(seq 1 "$rounds"); do
  # Neither side pays for the other's writes: Typst's PDFs (not fsynced) are flushed before brev
  # runs, whose flushes would otherwise wait for them too.
  sync
  t=$(pin "$scratch/venv/bin/python" "$peers/peer_typst.py" batch "$n" 10 "$scratch/out-typst-$r")
  sync
  b=$(pin .build/release/peer-letter-benchmark "$peers" "$n" 10 "$scratch/out-brev-$r")
  # The same brev writing to tmpfs, where fsync costs nothing: what the durable write costs.
  rm -rf "$shm"
  m=$(pin .build/release/peer-letter-benchmark "$peers" "$n" 10 "$shm")
  echo "{\"round\": $r, \"typst\": $t, \"brev\": $b, \"brev_tmpfs\": $m}" | tee -a "$scratch/results.jsonl"
done
rm -rf "$shm" "$scratch"/out-typst-* "$scratch"/out-brev-*

python3 - "$scratch/results.jsonl" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
def med(who, key): return statistics.median(r[who][key] for r in rows)
t, b = med("typst", "letters_per_cpu_s"), med("brev", "letters_per_cpu_s")
tw, bw = med("typst", "letters_per_s"), med("brev", "letters_per_s")
print(f"rounds: {len(rows)}, letters per round: {rows[0]['brev']['n']}")
print(f"typst: {t:.1f} letters/CPU-s ({1000/t:.1f} ms), {tw:.1f} letters/s wall, {med('typst','mean_size')/1024:.0f} KiB")
print(f"brev:  {b:.1f} letters/CPU-s ({1000/b:.1f} ms), {bw:.1f} letters/s wall, {med('brev','mean_size')/1024:.0f} KiB")
print(f"brev / typst (letters per CPU-second): {b/t:.2f}")
m = med("brev_tmpfs", "letters_per_cpu_s")
print(f"brev writing to tmpfs (no fsync cost): {m:.1f} letters/CPU-s ({1000/m:.1f} ms), / typst: {m/t:.2f}")
stages = rows[0]["brev"]["stage_ms"].keys()
split = {k: statistics.median(r["brev"]["stage_ms"][k] for r in rows) for k in stages}
total = sum(split.values())
print("brev per stage, ms/letter (median): " + ", ".join(f"{k} {v:.2f} ({100*v/total:.0f}%)" for k, v in split.items()))
PY
