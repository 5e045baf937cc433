#!/usr/bin/env bash
# The dense plugin's own learning (docs/plugins.md): scenarios/examples/dense-retriever.yaml's
# aitl arm run twice with the same seeds, once with the Rocchio update from relevance marks
# (expansion.strength 0.5) and once without it (strength 0), then the final evaluation's paired
# differences (learn - still, per replicate; learning.py). Everything else is the same in both runs,
# including the articles the agents' flags get published, so the difference is the first stage's
# learning. The deploy gate is off in both (`GATE=on` keeps it): with it on, a retrained first
# stage ships only when held-out marks prefer it, which isolates what ships, not what is learned.
#
#   bash Benchmarks/plugins/dense-learning.sh     # needs `make plugins` and a release build; long
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
fw="$(swift build -c release --show-bin-path)/flywheel"
out="Benchmarks/out/dense-learning"
gate="${GATE:-off}"
mkdir -p "$out"
dense=scenarios/examples/dense-retriever.yaml
for strength in 0.5 0; do
    name="strength-$strength-gate-$gate"
    arm="  aitl: {cadence: 7d}"
    [[ "$gate" == off ]] && arm="  aitl: {cadence: 7d, deploy_gate: {enabled: false}}"
    sed -e "s|    expansion: {strength: 0.5, half_life: 45d}|    expansion: {strength: $strength, half_life: 45d}|" \
        -e "s|^  aitl: {cadence: 7d}$|$arm|" -e '/^  frozen: /d' -e '/^baseline: /d' \
        -e "s|\.\./\.\./|$root/|g" -e "s|^personas: \.\./personas|personas: $root/scenarios/personas|" \
        "$dense" > "$out/$name.yaml"
done
for strength in 0.5 0; do
    name="strength-$strength-gate-$gate"
    /usr/bin/time -f "$name %e s wall %U s user %S s sys" -o "$out/time-$name.txt" \
        nice -n 5 "$fw" run "$out/$name.yaml" --out "$out/r-$name" --force --quiet --no-report --jobs "${JOBS:-2}" &
done
wait
cat "$out"/time-*-gate-"$gate".txt
python3 Benchmarks/plugins/learning.py "$out/r-strength-0.5-gate-$gate/metrics.csv" "$out/r-strength-0-gate-$gate/metrics.csv"
