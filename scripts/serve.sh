#!/usr/bin/env bash
# The main command: install what is needed, build a release brev and brev-service (brev runs
# it for serve and users), make a caseworker token if the database has none yet (printed once),
# and start the service on 127.0.0.1:8080.
# Extra arguments go to `brev serve` (e.g. --port 9090, --database PATH).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
# The Swift runtime and Foundation linked in: fewer shared libraries to load at every start
# (Benchmarks/README.md, "Cold start").
swift build -c release --product brev-service --static-swift-stdlib
swift build -c release --product brev --static-swift-stdlib
brev=".build/release/brev"

# Two malloc arenas, not glibc's default of up to 8 per core: renders run on many threads, and
# with an arena each the service's memory kept growing; with two it stayed flat over 10 minutes
# of distinct letters (Benchmarks/README.md, "The caseworkers' service under load").
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"

database="${BREV_DATABASE:-${XDG_DATA_HOME:-$HOME/.local/share}/brev/brev.sqlite}"
if [ ! -e "$database" ]; then
  echo "serve: a token for caseworker 'sagsbehandler' (shown only now; keep it):"
  "$brev" users add sagsbehandler --database "$database"
fi
exec "$brev" serve --database "$database" "$@"
