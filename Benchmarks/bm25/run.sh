#!/usr/bin/env bash
# Flywheel's BM25 beside bm25s, in the same run, on the same tokens.
#
#   bash Benchmarks/bm25/run.sh [CORPUS_DIR]     # default: corpora/marketplace, plus the bank KB
#
# For each corpus: prepare.py writes articles/queries as JSONL; `flywheel analyze --json` turns
# them into tokens (title + body for articles, text for queries); `flywheel bench-bm25` (release
# build) and bm25s_side.py (bm25s, method="lucene", backend="numba", one thread, after a warm-up
# call) index those tokens with k1 1.2, b 0.75 and time top-75 for every query; compare.py
# reports the share of queries whose lists agree up to ties. bench-bm25 times the exhaustive
# search and the block-max one (`searchDocumentsPruned`) alternately, checks their lists are
# bit-identical, and reports as Flywheel's rate the one `searchDocuments` uses by default. Corpora: the given one (default corpora/marketplace, 1,500 articles), a generated
# 20,000-article one, and the bank KB when present. Output: Benchmarks/out/bm25/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
out="Benchmarks/out/bm25"
mkdir -p "$out"

if [[ ! -x Benchmarks/.venv/bin/python ]]; then
    if [[ -f Benchmarks/setup-python.sh ]]; then
        bash Benchmarks/setup-python.sh
    else
        python3 -m venv Benchmarks/.venv
        Benchmarks/.venv/bin/pip install --disable-pip-version-check --quiet numpy numba bm25s
    fi
fi
py=Benchmarks/.venv/bin/python
export NUMBA_NUM_THREADS=1 OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1

swift build -c release --product flywheel >/dev/null
fw="$(swift build -c release --show-bin-path)/flywheel"

corpus="${1:-corpora/marketplace}"
bank="../shared/datasets/tau2-banking-knowledge"
# A 20,000-article knowledge base (generated once; 5,000 tickets as queries), for scale.
large="$out/corpus-20k"
if [[ ! -f "$large/manifest.json" ]]; then
    "$fw" corpus generate --profile marketplace --seed 3 --articles 20000 --tickets 5000 --weeks 4 --out "$large" >/dev/null
fi
sets=()
if [[ -d "$corpus" ]]; then sets+=("corpus:$corpus:$(basename "$corpus")"); else echo "skip: $corpus not found"; fi
sets+=("corpus:$large:marketplace-20k")
if [[ -d "$bank" ]]; then sets+=("bank:$bank:bank"); else echo "skip: $bank not found"; fi

uptime | tee "$out/uptime-start.txt"
for entry in "${sets[@]}"; do
    IFS=: read -r kind source name <<<"$entry"
    dir="$out/$name"
    "$py" Benchmarks/bm25/prepare.py "$kind" "$source" "$dir"
    "$fw" analyze --file "$dir/articles.jsonl" --field title --field body --json >"$dir/doc-tokens.jsonl"
    "$fw" analyze --file "$dir/queries.jsonl" --field text --json >"$dir/query-tokens.jsonl"
    echo "== $name"
    "$fw" bench-bm25 --docs "$dir/doc-tokens.jsonl" --queries "$dir/query-tokens.jsonl" --k 75 \
        --repeats 7 --out "$dir/flywheel-lists.jsonl" | tee "$dir/flywheel.json"
    "$py" Benchmarks/bm25/bm25s_side.py "$dir/doc-tokens.jsonl" "$dir/query-tokens.jsonl" \
        "$dir/bm25s-lists.jsonl" --k 75 --repeats 7 | tee "$dir/bm25s.json"
    "$py" Benchmarks/bm25/compare.py "$dir/flywheel-lists.jsonl" "$dir/bm25s-lists.jsonl" | tee "$dir/agreement.json"
done
uptime | tee "$out/uptime-end.txt"
