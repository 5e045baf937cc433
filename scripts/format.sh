#!/usr/bin/env bash
# swift-format over every Swift file of the package (the configuration is .swift-format):
#
#   bash scripts/format.sh          # `make format`: rewrites the files in place
#   bash scripts/format.sh --check  # `make format-check`: formats a copy, lists the files that
#                                   # would change and exits 1 if any (the tree is not touched)
#
# `swift format lint` is not the check: it also reports findings `format` cannot fix (comments
# past the line length), so a freshly formatted tree would still fail it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
SWIFT="${SWIFT:-swift}"
# Listed rather than `-r .`: the .build folders (also Examples/CustomRetriever/.build) hold
# checkouts of other packages.
paths=(Package.swift Sources Tests Fuzz Benchmarks/trec Examples/CustomRetriever/Package.swift Examples/CustomRetriever/Sources)

if [[ "${1:-}" != "--check" ]]; then
    exec "$SWIFT" format format --in-place --parallel --recursive "${paths[@]}"
fi

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
for p in "${paths[@]}"; do
    mkdir -p "$scratch/$(dirname "$p")"
    cp -R "$p" "$scratch/$p"
done
cp .swift-format "$scratch/"
(cd "$scratch" && "$SWIFT" format format --in-place --parallel --recursive "${paths[@]}")
changed=0
while IFS= read -r file; do
    if ! cmp -s "$file" "$scratch/$file"; then
        echo "format-check: $file is not formatted (run \`make format\`)" >&2
        changed=$((changed + 1))
    fi
done < <(find "${paths[@]}" -name '*.swift' -type f)
if [[ $changed -gt 0 ]]; then
    echo "format-check: $changed file(s) differ from swift-format's output" >&2
    exit 1
fi
echo "format-check: every Swift file is formatted"
