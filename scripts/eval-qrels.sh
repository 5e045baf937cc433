#!/usr/bin/env bash
# Evaluates qrels exported from a run's annotation log with pytrec_eval (docs/annotations.md):
# runs the ci-small replay scenario's source run (one replicate, 4 weeks), exports the agents'
# relevance marks as TREC qrels, retrieves every ticket with plain BM25, and scores that run with
# pytrec_eval against the agents' qrels and against the corpus truth. Not part of `make test`:
# it needs a Python venv (.venv-pytrec/, created here) and network access to PyPI once.
#
#   bash scripts/eval-qrels.sh [RESULTS]   # RESULTS: an existing results folder to export from
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-/tmp/flywheel-qrels}
FLYWHEEL=${FLYWHEEL:-.build/release/flywheel}
mkdir -p "$OUT"
[ -x "$FLYWHEEL" ] || swift build -c release --product flywheel
if [ ! -x .venv-pytrec/bin/python ]; then
  python3 -m venv .venv-pytrec
  .venv-pytrec/bin/pip install --quiet pytrec-eval-terrier==0.5.11
fi
RESULTS=${1:-}
if [ -z "$RESULTS" ]; then
  RESULTS="$OUT/run"
  cat > "$OUT/scenario.yaml" <<YAML
version: 1
corpus: $PWD/corpora/ci-small
seed: 7
replicates: 1
heldout: {share: 0.05, max: 200}
personas: $PWD/scenarios/personas
population:
  - {persona: careful-expert, weight: 0.6}
  - {persona: rushed, weight: 0.4}
horizon: 28d
arms:
  aitl: {cadence: 7d}
YAML
  "$FLYWHEEL" run "$OUT/scenario.yaml" --out "$RESULTS" --quiet --no-report --force
fi
CORPUS=$(sqlite3 "$RESULTS/run.sqlite" "SELECT json_extract(scenario, '$.corpus') FROM runs ORDER BY id DESC LIMIT 1" 2>/dev/null || echo corpora/ci-small)
"$FLYWHEEL" export "$RESULTS" --what qrels --out "$OUT/agents.qrels" ${ARM:+--arm "$ARM"}
"$FLYWHEEL" retrieve "$CORPUS" --split all --k 75 --run-out "$OUT/bm25.run" --qrels-out "$OUT/truth.qrels" > /dev/null
.venv-pytrec/bin/python scripts/eval_qrels.py "$OUT/agents.qrels" "$OUT/truth.qrels" "$OUT/bm25.run"
