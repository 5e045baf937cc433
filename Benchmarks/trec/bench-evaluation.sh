#!/usr/bin/env bash
# Evaluation speed: Flywheel vs ranx vs pytrec_eval on a generated 10k-query x 100-document run.
# Usage: bash Benchmarks/trec/bench-evaluation.sh [QUERIES=10000] [DEPTH=100] [REPEATS=5]
# Needs Benchmarks/.venv (bash Benchmarks/setup-python.sh). Writes under Benchmarks/out/ (ignored).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/Benchmarks/out/evaluation"
queries="${1:-10000}" depth="${2:-100}" repeats="${3:-5}"
mkdir -p "$out/src"

python3 "$root/Benchmarks/trec/make_large.py" "$out/data" "$queries" "$depth"

# One optimised module of FlywheelCore + Evaluation + the benchmark's main (imports stripped).
rm -f "$out/src/"*.swift
for f in "$root"/Sources/FlywheelCore/*.swift "$root"/Sources/Evaluation/*.swift; do
    sed '/^import FlywheelCore$/d' "$f" > "$out/src/$(basename "$(dirname "$f")")_$(basename "$f")"
done
cp "$root/Benchmarks/trec/EvaluationBench.swift" "$out/src/main.swift"
swiftc -O -wmo -module-name EvaluationBench "$out/src/"*.swift -o "$out/evaluation-bench"

echo "== flywheel"
"$out/evaluation-bench" "$out/data/run.txt" "$out/data/qrels.txt" "$repeats" | tee "$out/flywheel.json"
echo "== ranx, pytrec_eval"
"$root/Benchmarks/.venv/bin/python" "$root/Benchmarks/trec/bench_python.py" \
    "$out/data/run.txt" "$out/data/qrels.txt" "$repeats" 2>/dev/null | tee "$out/python.json"
