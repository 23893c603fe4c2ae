#!/usr/bin/env bash
# The batch benchmark (issue 12): letters per second on 1 and 2 jobs, the SQLite and PostgreSQL
# journals' share of a letter's cost, and peak RSS over N1 and N2 letters, each in its own process
# (the benchmark's in-process run, and the brev binary's `brev batch`).
# PostgreSQL is a throwaway cluster of its own (initdb into a temporary folder, a free local port,
# run as the postgres user when this runs as root), stopped at the end.
#   Benchmarks/batch-benchmark.sh            # N=10000 RSS="1000 10000" CONFIGURATION=release TYPST_ROUNDS=3
set -euo pipefail
cd "$(dirname "$0")/.."
N="${N:-10000}"
RSS="${RSS-1000 10000}"   # RSS="" skips the memory runs

CONFIGURATION="${CONFIGURATION:-release}"   # debug only when there is no time for a release build: say so with the figures
[ -n "${SKIP_BUILD:-}" ] || swift build -c "$CONFIGURATION" --product batch-benchmark >/dev/null
[ -n "${SKIP_BUILD:-}" ] || swift build -c "$CONFIGURATION" --product brev-service >/dev/null   # brev batch runs there
[ -n "${SKIP_BUILD:-}" ] || swift build -c "$CONFIGURATION" --product brev >/dev/null
bench=".build/$CONFIGURATION/batch-benchmark"
brev=".build/$CONFIGURATION/brev"

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/pg_ctl" ] || { echo "PostgreSQL is not installed (scripts/setup.sh)" >&2; exit 1; }
dir=$(mktemp -d /tmp/brev-bench-pg-XXXXXX)
chmod 755 "$dir"
as_pg=()
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; as_pg=(runuser -u postgres --); fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export PGPASSWORD=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
printf '%s' "$PGPASSWORD" > "$dir/pw"; chmod 600 "$dir/pw"; [ ${#as_pg[@]} -eq 0 ] || chown postgres: "$dir/pw"
stop() { "${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$dir"; }
trap stop EXIT
"${as_pg[@]}" "$bin/initdb" -D "$dir/data" -U brev --pwfile="$dir/pw" --auth=scram-sha-256 -E UTF8 --no-locale >/dev/null
# Durable as in production (fsync on, synchronous_commit on): the journal's cost is what is measured.
"${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1" start >/dev/null
for db in bench bench_alone bench_steps; do "$bin/createdb" -h 127.0.0.1 -p "$port" -U brev "$db"; done

echo "== $(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD), $CONFIGURATION, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$bench" "$N" --journal "postgres://brev@127.0.0.1:$port/bench?sslmode=disable"
for n in $RSS; do
  "$bench" "$n" --rss
  # The same N cases through the brev binary itself: `brev batch --jobs 2`, its peak RSS as the
  # kernel counts it for a child process.
  python3 - "$n" "$brev" <<'PY'
import json, resource, subprocess, sys, tempfile, time
n, brev = int(sys.argv[1]), sys.argv[2]
def base36(n):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36); out = digits[r] + out
        if n == 0: return out
case = json.load(open("Examples/cases/afslag-doegn-sel101.json", encoding="utf-8"))
with tempfile.TemporaryDirectory() as work:
    with open(f"{work}/cases.jsonl", "w", encoding="utf-8") as f:
        for i in range(n):
            case["case_number"] = f"27.36.08-G01-{50000 + i}-26"
            # A new recipient and street each, as in a real batch: words no other letter has.
            case["citizen"]["name"] = f"Borger {i} Hansen-{base36(i)}sen"
            case["citizen"]["address"]["street"] = f"Vej {base36(i * 7919)} {i % 200 + 1}"
            f.write(json.dumps(case, ensure_ascii=False) + "\n")
    start = time.monotonic()
    run = subprocess.run([brev, "batch", "--input", f"{work}/cases.jsonl", "--out", f"{work}/outbox", "--jobs", "2",
                          "--progress", "none", "--resources", "."], capture_output=True, text=True)
    seconds = time.monotonic() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"brev batch, {n} letters, 2 jobs: exit {run.returncode}, {n / seconds:.1f} letters/s, peak RSS {peak:.1f} MiB")
PY
done
# Typst beside it in the same run (issue 12: letters per CPU-second next to Typst's): the peer
# letter side by side with brev's whole pipeline (Benchmarks/compare-typst.sh); TYPST_ROUNDS=0 skips it.
if [ "${TYPST_ROUNDS:-3}" -gt 0 ]; then
  ROUNDS="${TYPST_ROUNDS:-3}" N=300 Benchmarks/compare-typst.sh | tail -5
fi
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
