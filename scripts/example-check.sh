#!/usr/bin/env bash
# Builds Examples/CustomRetriever (a separate Swift package using Flywheel's library products)
# against this checkout and runs it on corpora/ci-small: exit 0 and a table with both arms'
# first and last evaluations, or a failure.
#
#   bash scripts/example-check.sh        # `make example-check`
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
swift build --package-path Examples/CustomRetriever
out="$(swift run --skip-build --package-path Examples/CustomRetriever custom-retriever Examples/CustomRetriever/scenario.yaml)"
echo "$out"
rows="$(echo "$out" | grep -cE '^(aitl|frozen)	[0-9]+	[0-9.]+	[0-9.]+	[0-9.]+	[0-9.]+$' || true)"
if [[ "$rows" != 4 ]]; then
    echo "example-check: expected 4 rows (2 arms × first and last evaluation), got $rows" >&2
    exit 1
fi
echo "example-check: Examples/CustomRetriever built and ran on corpora/ci-small"
