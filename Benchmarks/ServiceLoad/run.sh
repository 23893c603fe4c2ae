#!/usr/bin/env bash
# Load on `brev serve` (issue 13): p50 and p99 latency of rendering one letter (POST
# /api/letters, the PDF) at 1, 4 and 16 concurrent connections with wrk (Debian's `wrk`),
# errors (non-2xx answers and socket errors), the server's resident memory at start and end, and
# its CPU a request at each level (user + system time from /proc over the level's run), and the
# share of the machine's CPU time the host took away meanwhile (steal, from /proc/stat): on this
# VM the same build's p99 moves with it.
#
#   Benchmarks/ServiceLoad/run.sh                 # DURATION=20s per level, CONCURRENCY="1 4 16"
#   DURATION=600s CONCURRENCY=16 Benchmarks/ServiceLoad/run.sh   # one letter over and over, 10 minutes
#   LONG=600 Benchmarks/ServiceLoad/run.sh        # memory over 10 minutes of distinct letters
#   LETTERS=distinct Benchmarks/ServiceLoad/run.sh # the levels with a new letter in every request
#   BIN_DIR=/tmp/before Benchmarks/ServiceLoad/run.sh # that folder's brev-service, nothing built
#
# LONG=SECONDS is the long run of issue 13: one wrk run of that many seconds at CONCURRENCY
# (default 16) with post-distinct-case.lua (every request a new name, street and case number;
# LETTERS=same for one letter over and over), the server's VmRSS sampled every SAMPLE seconds
# (default 10) with the renders so far (/metrics), printed as a table, then the latencies of the
# whole run.
# brev serve keeps two malloc arenas by itself; MALLOC_ARENA_MAX=16 measures glibc's default on 2 cores.
#
# Builds brev and brev-service in release mode. Uses a fresh database and outbox in a temporary folder; the
# server runs with its defaults (one pipeline per core, 16 waiting per pipeline).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
command -v wrk >/dev/null || { echo "service-load: needs wrk (apt-get install wrk)" >&2; exit 1; }
DURATION="${DURATION:-20s}"
LONG="${LONG:-}"
if [[ -n "$LONG" ]]; then CONCURRENCY="${CONCURRENCY:-16}"; else CONCURRENCY="${CONCURRENCY:-1 4 16}"; fi
SAMPLE="${SAMPLE:-10}"
# LETTERS=same (default without LONG): one letter over and over; LETTERS=distinct (default with
# LONG): every request a new name, street and case number (post-distinct-case.lua), so the caches
# see what real use gives them.
if [[ -n "$LONG" ]]; then LETTERS="${LETTERS:-distinct}"; else LETTERS="${LETTERS:-same}"; fi
case "$LETTERS" in
  same) script=post-case.lua ;;
  distinct) script=post-distinct-case.lua ;;
  *) echo "service-load: LETTERS is same or distinct" >&2; exit 64 ;;
esac
CASE="${CASE:-Examples/cases/afslag-doegn-sel101.json}"

# brev runs brev-service for users and serve: both are built. BIN_DIR=folder: the brev-service
# in it instead, run directly (it takes brev's users and serve commands), say a copy built at
# another commit, to alternate runs of the two.
if [[ -n "${BIN_DIR:-}" ]]; then
  brev="$BIN_DIR/brev-service"
else
  swift build -c release --product brev-service >/dev/null
  swift build -c release --product brev >/dev/null
  brev="$(swift build -c release --show-bin-path)/brev"
fi
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
token="$("$brev" users add load --database "$work/brev.sqlite")"
port="${PORT:-18080}"
"$brev" serve --port "$port" --database "$work/brev.sqlite" --outbox "$work/outbox" --resources "$root" 2>"$work/serve.log" &
server=$!
for _ in $(seq 1 300); do curl -sf -o /dev/null "http://127.0.0.1:$port/health" && break; sleep 0.1; done
rss() { awk '/^VmRSS/ {print $2 / 1024 " MB"}' "/proc/$server/status"; }
renders() {
  curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$port/metrics" | awk '$1 == "brev_render_seconds_count" {print $2}'
}

# One request first, so the pipelines' caches are warm as a running service's are.
curl -sf -o /dev/null -H "Authorization: Bearer $token" --data-binary "@$CASE" "http://127.0.0.1:$port/api/letters"
echo "brev serve on $(nproc) cores, pipelines: $(curl -s "http://127.0.0.1:$port/ready")"
echo "letters: $LETTERS ($script)"
echo "RSS at start: $(rss)"

if [[ -n "$LONG" ]]; then
  echo "long run: ${LONG} s of $LETTERS letters at $CONCURRENCY connections, RSS every $SAMPLE s"
  echo
  echo "| seconds | renders | RSS |"
  echo "|---|---|---|"
  BREV_TOKEN="$token" BREV_CASE="$CASE" wrk -t2 -c"$CONCURRENCY" -d"${LONG}s" --latency --timeout 30s \
      -s "Benchmarks/ServiceLoad/$script" "http://127.0.0.1:$port/api/letters" >"$work/wrk.out" &
  load=$!
  started=$SECONDS
  while kill -0 "$load" 2>/dev/null; do
    echo "| $(( SECONDS - started )) | $(renders) | $(rss) |"
    sleep "$SAMPLE"
  done
  wait "$load"
  echo "| $(( SECONDS - started )) | $(renders) | $(rss) |"
  echo
  out="$(cat "$work/wrk.out")"
  non2xx="$(awk '/Non-2xx/ {print $5}' <<<"$out")"
  socket="$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$out")"
  echo "requests/s $(awk '/^Requests\/sec/ {print $2}' <<<"$out"), p50 $(awk '$1 == "50%" {print $2}' <<<"$out"), \
p99 $(awk '$1 == "99%" {print $2}' <<<"$out"), errors (non-2xx + socket) $(( ${non2xx:-0} + ${socket:-0} ))"
  echo "server metrics:"
  curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$port/metrics" | grep -E '^brev_(busy|timeouts|render_seconds_(sum|count))'
  exit 0
fi

echo
echo "| concurrent | requests/s | p50 | p99 | errors (non-2xx + socket) | RSS after | server CPU a request (user + system) | stolen by the host |"
echo "|---|---|---|---|---|---|---|---|"
# The server's user and system time (clock ticks, /proc/PID/stat fields 14 and 15).
cpu_ticks() { awk '{print $14, $15}' "/proc/$server/stat"; }
tick="$(getconf CLK_TCK)"
# The machine's CPU time so far and the part of it stolen (/proc/stat's first line: user nice
# system idle iowait irq softirq steal).
machine_ticks() { awk '$1 == "cpu" {print $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9, $9}' /proc/stat; }
for c in $CONCURRENCY; do
  threads=$(( c < 2 ? 1 : 2 ))
  read -r user0 sys0 < <(cpu_ticks)
  read -r total0 steal0 < <(machine_ticks)
  out="$(BREV_TOKEN="$token" BREV_CASE="$CASE" wrk -t"$threads" -c"$c" -d"$DURATION" --latency --timeout 30s \
          -s "Benchmarks/ServiceLoad/$script" "http://127.0.0.1:$port/api/letters")"
  p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  rps="$(awk '/^Requests\/sec/ {print $2}' <<<"$out")"
  non2xx="$(awk '/Non-2xx/ {print $5}' <<<"$out")"
  socket="$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$out")"
  read -r user1 sys1 < <(cpu_ticks)
  read -r total1 steal1 < <(machine_ticks)
  stolen="$(awk -v s=$(( steal1 - steal0 )) -v t=$(( total1 - total0 )) 'BEGIN { if (t > 0) printf "%.1f%%", 100 * s / t; else print "-" }')"
  requests="$(awk '/requests in/ {print $1}' <<<"$out")"
  cpu="$(awk -v u=$(( user1 - user0 )) -v s=$(( sys1 - sys0 )) -v t="$tick" -v n="${requests:-0}" \
         'BEGIN { if (n > 0) printf "%.3f + %.3f ms", u * 1000 / t / n, s * 1000 / t / n; else print "-" }')"
  echo "| $c | $rps | $p50 | $p99 | $(( ${non2xx:-0} + ${socket:-0} )) | $(rss) | $cpu | $stolen |"
done
echo
echo "RSS at end: $(rss)"
echo "server metrics:"
curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$port/metrics" | grep -E '^brev_(busy|timeouts|render_seconds_(sum|count))'
