#!/usr/bin/env bash
# Runs every test: installs what is needed, builds brev and brev-service (the end-to-end tests run
# the real binaries and read the PDFs back with pdftotext, pdffonts, pdfinfo and qpdf), then swift test,
# then the fuzzer for a bounded time (BREV_FUZZ_SECONDS, default 90; 0 skips it), then pipelines
# side by side under ThreadSanitizer (BREV_STRESS=0 skips it).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
swift build --product brev-service
swift build --product brev
swift test "$@"
fuzz_seconds="${BREV_FUZZ_SECONDS:-90}"
if [ "$fuzz_seconds" -gt 0 ]; then scripts/fuzz.sh "$fuzz_seconds"; fi
if [ "${BREV_STRESS:-1}" != 0 ]; then scripts/stress.sh thread 2 1; fi
