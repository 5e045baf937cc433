#!/usr/bin/env bash
# `make llm-check`: runs scenarios/examples/llm-generator.yaml with its generator and judge on
# SmolLM2-135M-Instruct served locally (scripts/llm-server.sh), recording every answer into the
# committed cache, then replays the cache offline and checks metrics.csv is byte-identical.
# Writes the expected metrics file `swift test` compares its own replay with.
set -euo pipefail
cd "$(dirname "$0")/.."

SCENARIO=scenarios/examples/llm-generator.yaml
CACHE=scenarios/examples/llm-generator.cache.jsonl.zst
EXPECTED=scenarios/examples/llm-generator.expected-metrics.csv
FLYWHEEL=${FLYWHEEL:-.build/release/flywheel}
OUT=results/llm-generator
mkdir -p results

PIDFILE=results/llm-server.pid
URL=$(bash scripts/llm-server.sh start "$PIDFILE")
trap 'bash scripts/llm-server.sh stop "$PIDFILE"' EXIT
echo "llm-check: SmolLM2 at $URL"

start=$(date +%s)
nice -n 5 "$FLYWHEEL" run "$SCENARIO" --out "$OUT" --force --jobs 1 \
    --llm-cache record --llm-cache-file "$CACHE" --llm-base-url "$URL"
echo "llm-check: recorded run took $(( $(date +%s) - start )) s"
bash scripts/llm-server.sh stop "$PIDFILE"

# Offline: the server is stopped, replay must answer everything from the cache.
"$FLYWHEEL" run "$SCENARIO" --out "$OUT-replay" --force --jobs 2 --quiet \
    --llm-cache replay --llm-cache-file "$CACHE"
if cmp -s "$OUT/metrics.csv" "$OUT-replay/metrics.csv"; then
    echo "llm-check: replay metrics.csv byte-identical to the recorded run's"
else
    echo "llm-check: replay metrics.csv differs from the recorded run's" >&2
    diff "$OUT/metrics.csv" "$OUT-replay/metrics.csv" | head >&2
    exit 1
fi
# `swift test` replays with the debug build; debug and release may differ in the last bits of
# floating point, so the expected file comes from a debug replay.
swift build --product flywheel >/dev/null
.build/debug/flywheel run "$SCENARIO" --out "$OUT-debug" --force --jobs 1 --quiet --no-report \
    --llm-cache replay --llm-cache-file "$CACHE"
cp "$OUT-debug/metrics.csv" "$EXPECTED"
echo "llm-check: cache $(du -h "$CACHE" | cut -f1) in $CACHE; expected metrics in $EXPECTED"
