#!/usr/bin/env bash
# Runs pipelines side by side on threads (Fuzz/PipelineStress: each thread its own pipeline,
# every example case and a published standard, as `brev batch --jobs N` and `brev serve` do)
# in a sanitizer build: scripts/stress.sh [thread|address] [THREADS] [ROUNDS]
# (default: thread 2 1). Any report from the sanitizer fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."

sanitizer="${1:-thread}"
threads="${2:-2}"
rounds="${3:-1}"
case "$sanitizer" in
    thread|address) ;;
    *) echo "stress: the sanitizer is 'thread' or 'address', not '$sanitizer'" >&2; exit 2 ;;
esac
scratch=".build-$sanitizer-sanitizer"
swift build --scratch-path "$scratch" --product pipeline-stress -Xswiftc "-sanitize=$sanitizer"
log="$scratch/stress.log"
set +e
# Caches and resources live until exit by design: leaks at exit are not findings.
ASAN_OPTIONS="detect_leaks=0" TSAN_OPTIONS="halt_on_error=1" \
    "$scratch/debug/pipeline-stress" "$threads" "$rounds" >"$log" 2>&1
status=$?
set -e
if [ "$status" -ne 0 ] || grep -q "Sanitizer" "$log"; then
    echo "stress: FAILED under the $sanitizer sanitizer (exit $status):" >&2
    grep -E "^(WARNING|ERROR|SUMMARY|==[0-9]+==ERROR)|^    #[0-9] " "$log" | head -n 30 >&2 || true
    exit 1
fi
echo "stress: $threads pipelines side by side, $rounds round(s): no $sanitizer sanitizer report"
