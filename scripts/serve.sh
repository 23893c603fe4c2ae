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
swift build -c release --product brev-service --static-swift-stdlib --disable-local-rpath
swift build -c release --product brev --static-swift-stdlib --disable-local-rpath
brev=".build/release/brev"

# brev serve keeps glibc to two malloc arenas by itself (MallocArenas.swift) unless
# MALLOC_ARENA_MAX is set in the environment.

database="${BREV_DATABASE:-${XDG_DATA_HOME:-$HOME/.local/share}/brev/brev.sqlite}"
if [ ! -e "$database" ]; then
  echo "serve: a token for caseworker 'sagsbehandler' (shown only now; keep it):"
  "$brev" users add sagsbehandler --database "$database"
fi
exec "$brev" serve --database "$database" "$@"
