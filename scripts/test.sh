#!/usr/bin/env bash
# Runs every test: installs what is needed, builds brev (the end-to-end tests run the real
# binary and read the PDFs back with pdftotext, pdffonts, pdfinfo and qpdf), then swift test.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
swift build --product brev
swift test "$@"
