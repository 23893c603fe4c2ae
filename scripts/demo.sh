#!/usr/bin/env bash
# The main job on a fresh machine: install what is needed, build brev, render every sample
# letter in Examples/cases/ into out/ (PDF and HTML), and show what `brev check` says about
# the sample cases that are meant to be refused (their names contain "invalid").
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out}"

scripts/setup.sh
# The Swift runtime and Foundation linked in, as serve.sh builds it (Benchmarks/README.md, "Cold start").
swift build -c release --product brev --static-swift-stdlib --disable-local-rpath
brev=".build/release/brev"

valid=()
invalid=()
for f in Examples/cases/*.json; do
  case "$f" in *invalid*) invalid+=("$f") ;; *) valid+=("$f") ;; esac
done

args=()
for f in "${valid[@]}"; do args+=(--case "$f"); done
"$brev" render "${args[@]}" --out "$out"

for f in "${invalid[@]}"; do
  echo
  echo "brev check $f  (meant to be refused):"
  if "$brev" check --case "$f"; then
    echo "demo: $f was expected to be refused" >&2
    exit 1
  fi
done
echo
echo "demo: letters written to $out/"
