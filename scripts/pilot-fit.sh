#!/usr/bin/env bash
# One cell of the pilot fit (docs/calibration.md, "The paper's pilot"): the quick-start world with
# every population persona's adoption threshold shifted by DELTA and the generator scoring
# CANDIDATES replies per ticket (`system.generator.candidates`, best-of-n), on fitting seed SEED.
#
#   1. run the `aitl` arm alone, one replicate, with the shifted personas;
#   2. fit the evaluation panel to that run's logged adoptions (`flywheel calibrate --max-k 1`);
#   3. run `aitl` and `frozen` for REPS replicates with that panel;
#   4. print the four relative lifts aitl/frozen − 1 at the last week (ratio of replicate means),
#      each with the standard error of its per-replicate lifts (SD/√REPS: a cell whose lift is
#      within about two of these of a band's edge may well fail a fresh seed) and their range.
#
#   bash scripts/pilot-fit.sh DELTA CANDIDATES [SEED=42] [REPS=5] [OUT=results/pilot-fit/dDELTA-cCANDIDATES-sSEED]
#
# JOBS (default 1) is passed to `flywheel run --jobs`; BIN names the binary (default the release
# build). Fitting seeds only: the checked scenario (scenarios/paper/pilot.yaml) uses a seed no
# cell used.
set -euo pipefail
usage='usage: pilot-fit.sh DELTA CANDIDATES [SEED] [REPS] [OUT]'
delta=${1:?$usage}
candidates=${2:?$usage}
seed=${3:-42}
reps=${4:-5}
out=${5:-results/pilot-fit/d${delta}-c${candidates}-s${seed}}
bin=${BIN:-.build/release/flywheel}
mkdir -p "$out/personas"
# The scenarios below are written into $out: their paths are absolute (relative paths in a
# scenario resolve against the scenario file's folder).
out=$(cd "$out" && pwd)
repo=$(pwd)

# The shifted personas: same files, `adoption.threshold` + DELTA (two decimals).
for p in careful-expert rushed novice sceptic; do
    awk -v d="$delta" '
        /^adoption:/ { inside = 1 }
        /^[a-z_]+:/ && !/^adoption:/ { inside = 0 }
        inside && /^  threshold:/ { printf "  threshold: %.2f\n", $2 + d; next }
        { print }' "scenarios/personas/$p.yaml" >"$out/personas/$p.yaml"
done

scenario() { # ARMS REPLICATES [PANEL]
    cat <<EOF
version: 1
corpus: $repo/corpora/marketplace
seed: $seed
replicates: $2
heldout: {share: 0.05, max: 1000}
knowledge:
  withhold: {share: 0.10, introduced_later: true}
  authoring: {flags_needed: 3, delay: 10d}
personas: $out/personas
population:
  - {persona: careful-expert, weight: 0.3}
  - {persona: rushed, weight: 0.4}
  - {persona: novice, weight: 0.2}
  - {persona: sceptic, weight: 0.1}
${3:+panel: $3}
system:
  retriever: {k1: 1.2, b: 0.75, depth: 75, expansion: {strength: 0.3, half_life: 45d, cap: 200, demotion: 0}}
  reranker: {depth: 8}
  generator: {candidates: $candidates, exploration: 0.2}
arms:
$1
horizon: 26w
EOF
}

aitl='  aitl: {cadence: 7d, signals: [preference, adoption, relevance, missing_knowledge]}'
scenario "$aitl" 1 >"$out/log-run.yaml"
"$bin" run "$out/log-run.yaml" --out "$out/log-run" --quiet --jobs "${JOBS:-1}" >/dev/null
"$bin" export "$out/log-run" --what annotations --arm aitl --replicate 0 --out "$out/log.jsonl"
rm -rf "$out/panel-fit"
"$bin" calibrate --corpus corpora/marketplace --annotations "$out/log.jsonl" --out "$out/panel-fit" \
    --max-k 1 --name-prefix pilot-panel >/dev/null
cp "$out/panel-fit/personas/pilot-panel-1.yaml" "$out/personas/pilot-panel.yaml"
sed -i 's/^name: pilot-panel-1$/name: pilot-panel/' "$out/personas/pilot-panel.yaml"

scenario "$aitl"$'\n''  frozen: {retrain: false}' "$reps" pilot-panel >"$out/pilot.yaml"
"$bin" run "$out/pilot.yaml" --out "$out/pilot" --quiet --jobs "${JOBS:-1}" >/dev/null

python3 - "$out" "$delta" "$candidates" "$seed" "$reps" <<'PY'
import csv, sys, re, statistics
out, delta, candidates, seed, reps = sys.argv[1:]
rows = list(csv.DictReader(open(f"{out}/pilot/metrics.csv")))
last = max(int(r["iteration"]) for r in rows)
panel = open(f"{out}/personas/pilot-panel.yaml").read()
thr = re.search(r"threshold: ([0-9.]+)", panel).group(1)
slope = re.search(r"slope: ([0-9.]+)", panel).group(1)
def values(arm, metric):
    v = {int(r["replicate"]): float(r["value"]) for r in rows
         if r["arm"] == arm and r["metric"] == metric and int(r["iteration"]) == last}
    return [v[k] for k in sorted(v)]
def mean(arm, metric):
    v = values(arm, metric)
    return sum(v) / len(v)
cells = []
for m in ["recall@75", "precision@8", "helpfulness", "adoption"]:
    a, f = mean("aitl", m), mean("frozen", m)
    each = [100 * (x / y - 1) for x, y in zip(values("aitl", m), values("frozen", m))]
    se = statistics.stdev(each) / len(each) ** 0.5 if len(each) > 1 else float("nan")
    cells.append(f"{m} {100 * (a / f - 1):+.1f}% ± {se:.1f} ({min(each):+.1f} … {max(each):+.1f})")
print(f"delta {delta} candidates {candidates} seed {seed} reps {reps} panel threshold {thr} slope {slope} "
      f"frozen helpfulness {mean('frozen', 'helpfulness'):.3f} adoption {mean('frozen', 'adoption'):.3f}: "
      + ", ".join(cells))
PY
