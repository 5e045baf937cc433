#!/usr/bin/env bash
# libFuzzer campaigns over Flywheel's readers (docs/reliability.md, "Fuzzing").
#
#   scripts/fuzz.sh [TARGET…]        # default: every target
#   FUZZ_SECONDS=600 scripts/fuzz.sh # seconds per target (default 600, the issue's 10 minutes)
#
# Builds Fuzz/Targets with `-sanitize=fuzzer` into .build-fuzz/ (FLYWHEEL_FUZZ=1 declares the
# target in Package.swift), then runs each target from its committed seeds in Fuzz/Seeds/TARGET
# with a working corpus in .build-fuzz/corpus/TARGET (kept between campaigns, not committed).
# Scratch files go to $TMPDIR (/dev/shm when unset and writable). Crashes, hangs (-timeout) and out-of-memory (-rss_limit_mb) are written to
# .build-fuzz/findings/TARGET/; the script prints one summary line per target and exits 1 if
# any target found something.
set -euo pipefail
cd "$(dirname "$0")/.."

TARGETS=(json-lines corpus scenario persona beir trec)
if [ $# -gt 0 ]; then TARGETS=("$@"); fi
SECONDS_PER_TARGET="${FUZZ_SECONDS:-600}"
BUILD=.build-fuzz

FLYWHEEL_FUZZ=1 swift build -c release --build-path "$BUILD" --product flywheel-fuzz \
    -Xswiftc -sanitize=fuzzer -Xswiftc -enable-testing
BIN="$(FLYWHEEL_FUZZ=1 swift build -c release --build-path "$BUILD" --show-bin-path)/flywheel-fuzz"

# The corpus and beir targets write a small folder per input: on tmpfs that costs no fsync.
if [ -z "${TMPDIR:-}" ] && [ -w /dev/shm ]; then export TMPDIR=/dev/shm; fi

status=0
for target in "${TARGETS[@]}"; do
    [ -d "Fuzz/Seeds/$target" ] || { echo "no seeds for target '$target' (Fuzz/Seeds/$target)" >&2; exit 2; }
    work="$BUILD/corpus/$target"
    findings="$BUILD/findings/$target"
    log="$BUILD/logs/$target.log"
    mkdir -p "$work" "$findings" "$(dirname "$log")"
    set +e
    FLYWHEEL_FUZZ_TARGET="$target" "$BIN" "$work" "Fuzz/Seeds/$target" \
        -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="$findings/" -print_final_stats=1 >"$log" 2>&1
    rc=$?
    set -e
    runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}' | tail -1)
    found=$(find "$findings" -type f | wc -l)
    echo "$target: ${runs:-?} executions in ${SECONDS_PER_TARGET} s, $found findings (exit $rc; log $log)"
    if [ "$rc" -ne 0 ] || [ "$found" -ne 0 ]; then status=1; fi
done
exit $status
