#!/bin/bash
# Frozen-arm base levels of a corpus, as used to choose the marketplace profile's default knobs
# (docs/synthetic-world.md "Hardness knobs"). Runs the quick start's system, judge and knowledge
# settings with only `frozen: {retrain: false}`, 1 replicate, 4 weeks, three times:
#   mix   - the quick start's population          -> recall@75, P@8, nDCG@10, helpfulness, adoption
#   panel - careful-expert only (threshold 0.65, slope 12) -> adoption = mean sigma(12 (q - 0.65))
#   gate  - careful-expert with slope .inf               -> adoption = share of replies with q >= 0.65
# and the P@8 ceiling over the same held-out tickets (heldout_ceiling.py). Prints one JSON line.
#
#   scripts/world/measure-frozen.sh NAME /abs/path/to/corpus      # WORK=/tmp/world, BIN=.build/release/flywheel
#   HS=0.15 scripts/world/measure-frozen.sh NAME CORPUS             # a larger held-out share
set -euo pipefail
N=$1; C=$(cd "$2" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd); ROOT=$(cd "$HERE/../.." && pwd)
BIN=${BIN:-$ROOT/.build/release/flywheel}; WORK=${WORK:-/tmp/world}; HS=${HS:-0.05}
mkdir -p "$WORK/personas"
cp "$ROOT"/scenarios/personas/*.yaml "$WORK/personas/"
sed -e 's/^name: careful-expert/name: gate/' -e 's/slope: 12 .*/slope: .inf/' \
  "$ROOT/scenarios/personas/careful-expert.yaml" > "$WORK/personas/gate.yaml"
scenario() {
cat > "$WORK/scn-$N-$1.yaml" <<EOS
version: 1
corpus: $C
seed: 42
replicates: 1
heldout: {share: $HS, max: 1000}
knowledge:
  withhold: {share: 0.10, introduced_later: true}
  authoring: {flags_needed: 3, delay: 10d}
personas: $WORK/personas
population:
$2
system:
  retriever: {k1: 1.2, b: 0.75, depth: 75, expansion: {strength: 0.3, decay: 0.9, cap: 200, demotion: 0}}
  reranker: {depth: 8}
  generator: {candidates: 4, exploration: 0.2}
arms:
  frozen: {retrain: false}
baseline: frozen
horizon: 4w
EOS
}
scenario mix "  - {persona: careful-expert, weight: 0.3}
  - {persona: rushed, weight: 0.4}
  - {persona: novice, weight: 0.2}
  - {persona: sceptic, weight: 0.1}"
scenario panel "  - {persona: careful-expert, weight: 1}"
scenario gate "  - {persona: gate, weight: 1}"
for p in mix panel gate; do
  "$BIN" run "$WORK/scn-$N-$p.yaml" --out "$WORK/out-$N-$p" --force --quiet --no-report
done
python3 - "$N" "$C" "$HS" "$WORK" "$HERE" <<'EOP'
import csv, json, subprocess, sys
n, c, hs, work, here = sys.argv[1:]
def m(p):
    d = {}
    for r in csv.DictReader(open(f"{work}/out-{n}-{p}/metrics.csv")):
        d.setdefault(r["metric"], []).append(float(r["value"]))
    return {k: sum(v) / len(v) for k, v in d.items()}
mix, panel, gate = m("mix"), m("panel"), m("gate")
ceil = json.loads(subprocess.run(["python3", f"{here}/heldout_ceiling.py", c, "4", "42", hs],
                                 capture_output=True, text=True, check=True).stdout)
row = {"name": n, "recall@75": mix["recall@75"], "P@8": mix["precision@8"], "ceiling": ceil["ceiling"],
       "P@8/ceiling": mix["precision@8"] / ceil["ceiling"], "ndcg@10": mix["ndcg@10"],
       "helpfulness": mix["helpfulness"], "share_q>=0.65": gate["adoption"],
       "panel_adoption": panel["adoption"], "mix_adoption": mix["adoption"], "heldout": ceil["heldout"]}
print(json.dumps({k: (round(v, 4) if isinstance(v, float) else v) for k, v in row.items()}))
EOP
