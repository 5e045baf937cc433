#!/usr/bin/env bash
# The reference plugins beside the builtin first stage (docs/plugins.md): the same scenario,
# scenarios/examples/dense-retriever.yaml (ci-small, aitl vs frozen, 3 replicates, seed 7), with
# the builtin BM25 (its default learned expansion), the bm25s plugin (expansion strength 0.3)
# and the dense plugin as first stage, then the final evaluation's table (table.py: paired
# aitl − frozen, and each frozen arm minus the builtin's, paired by replicate).
#
#   bash Benchmarks/plugins/compare.sh      # needs `make plugins` and a release build; the dense run takes long
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
fw="$(swift build -c release --show-bin-path)/flywheel"
out="Benchmarks/out/dense"
mkdir -p "$out"
dense=scenarios/examples/dense-retriever.yaml
# The copies live in $out: their relative paths are made absolute (they resolve against the file's folder).
sed -e '/kind: process/,/timeout: 300s/d' -e 's|    expansion: {strength: 0.5, half_life: 45d}|    expansion: {}|' -e "s|\.\./\.\./|$root/|g" -e "s|^personas: \.\./personas|personas: $root/scenarios/personas|" "$dense" > "$out/builtin.yaml"
sed -e '/kind: process/,/timeout: 300s/d' \
    -e 's|    expansion: {strength: 0.5, half_life: 45d}|    expansion: {strength: 0.3, half_life: 45d, cap: 200}\n    kind: process\n    process: {command: [../../.venv-plugins/bin/python, ../../plugins/bm25s_retriever.py], timeout: 120s}|' \
    -e "s|\.\./\.\./|$root/|g" -e "s|^personas: \.\./personas|personas: $root/scenarios/personas|" "$dense" > "$out/bm25s.yaml"
sed -e "s|\.\./\.\./|$root/|g" -e "s|^personas: \.\./personas|personas: $root/scenarios/personas|" "$dense" > "$out/dense.yaml"
for name in builtin bm25s dense; do
    /usr/bin/time -f "$name %e s wall %U s user %S s sys" \
        "$fw" run "$out/$name.yaml" --out "$out/r-$name" --force --quiet --no-report --jobs 2
done
python3 Benchmarks/plugins/table.py builtin="$out/r-builtin/metrics.csv" bm25s="$out/r-bm25s/metrics.csv" dense="$out/r-dense/metrics.csv"
