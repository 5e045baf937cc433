#!/usr/bin/env bash
# Two flywheel binaries beside bm25s in one sitting, on the token dumps `run.sh` wrote:
#
#   bash Benchmarks/bm25/ab.sh OLD_BINARY NEW_BINARY [ROUNDS]     # default 3 rounds
#
# Each round, for each corpus (Benchmarks/out/bm25/marketplace and marketplace-20k): bm25s
# (bm25s_side.py: numba, one thread, after a warm-up call), then OLD, then NEW
# (`bench-bm25 --k 75 --repeats 7`); prints queries per CPU second (each run's median of 7
# passes), the ratios, whether OLD's and NEW's lists are byte-identical, and NEW's agreement
# with bm25s (compare.py). Run `run.sh` once first (it makes the venv and the dumps).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
old="$(realpath "$1")"
new="$(realpath "$2")"
rounds="${3:-3}"
cd "$root"
out=Benchmarks/out/bm25
py=Benchmarks/.venv/bin/python
export NUMBA_NUM_THREADS=1 OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
echo "start: $(uptime)"
for r in $(seq "$rounds"); do
    for c in marketplace marketplace-20k; do
        dir="$out/$c"
        [[ -f "$dir/doc-tokens.jsonl" ]] || { echo "missing $dir: run Benchmarks/bm25/run.sh first"; exit 1; }
        "$py" Benchmarks/bm25/bm25s_side.py "$dir/doc-tokens.jsonl" "$dir/query-tokens.jsonl" \
            "$scratch/bm25s.jsonl" --k 75 --repeats 7 >"$scratch/bm25s.json"
        for side in old new; do
            bin="$old"
            [[ "$side" == new ]] && bin="$new"
            "$bin" bench-bm25 --docs "$dir/doc-tokens.jsonl" --queries "$dir/query-tokens.jsonl" --k 75 \
                --repeats 7 --out "$scratch/$side.jsonl" >"$scratch/$side.json"
        done
        "$py" - "$scratch" "$r" "$c" <<'PY'
import json, sys
d, r, c = sys.argv[1:]
s = json.load(open(f"{d}/bm25s.json"))["queries_per_cpu_second"]
o, n = (json.load(open(f"{d}/{x}.json")) for x in ("old", "new"))
qo, qn = o["queries_per_cpu_second"], n["queries_per_cpu_second"]
print(f"round {r} {c}: bm25s {s:.0f} old {qo:.0f} new {qn:.0f} new/old {qn / qo:.2f} "
      f"old/bm25s {qo / s:.2f} new/bm25s {qn / s:.2f} (default search: {n['default_search']}; "
      f"block-max old {o['pruned_queries_per_cpu_second']:.0f} new {n['pruned_queries_per_cpu_second']:.0f}, "
      f"identical to exhaustive: {o['pruned_lists_identical']} {n['pruned_lists_identical']})")
PY
        if cmp -s "$scratch/old.jsonl" "$scratch/new.jsonl"; then echo "  lists byte-identical old/new"; else echo "  lists DIFFER old/new"; fi
        "$py" Benchmarks/bm25/compare.py "$scratch/new.jsonl" "$scratch/bm25s.jsonl"
    done
done
echo "end: $(uptime)"
