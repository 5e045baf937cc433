#!/usr/bin/env bash
# Parallel serving inside one job: one arm (aitl, weekly), one replicate, on the default corpus,
# run with --jobs 1 and --jobs 2 alternately REPEATS times (default 3). Prints wall and CPU time
# per run, the medians, the wall-time ratio, and checks that every metrics.csv is identical.
#
# Usage: Benchmarks/loop/parallel-serving.sh   (REPEATS=3 HORIZON=13w by default)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
repeats=${REPEATS:-3}
horizon=${HORIZON:-13w}
bin="$root/.build/release/flywheel"
[[ -x "$bin" ]] || swift build -c release --product flywheel >&2
work=$(mktemp -d /tmp/flywheel-serving.XXXXXX)
trap 'rm -rf "$work"' EXIT
cat >"$work/one-job.yaml" <<YAML
corpus: $root/corpora/marketplace
personas: $root/scenarios/personas
seed: 42
replicates: 1
heldout: {share: 0.05, max: 1000}
knowledge:
  withhold: {share: 0.10, introduced_later: true}
population:
  - {persona: careful-expert, weight: 0.3}
  - {persona: rushed, weight: 0.4}
  - {persona: novice, weight: 0.2}
  - {persona: sceptic, weight: 0.1}
arms:
  aitl: {cadence: 7d, signals: [preference, adoption, relevance, missing_knowledge]}
horizon: $horizon
YAML
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
: >"$work/wall-1"; : >"$work/wall-2"; : >"$work/cpu-1"; : >"$work/cpu-2"
for r in $(seq "$repeats"); do
    for j in 1 2; do
        start=$(date +%s.%N)
        /usr/bin/time -f '%U %S %M' -o "$work/time" "$bin" run "$work/one-job.yaml" --jobs "$j" --quiet --force \
            --out "$work/out-$j-$r" >/dev/null
        end=$(date +%s.%N)
        wall=$(echo "$end - $start" | bc -l)
        read -r user sys rss <"$work/time"
        cpu=$(echo "$user + $sys" | bc -l)
        echo "$wall" >>"$work/wall-$j"; echo "$cpu" >>"$work/cpu-$j"
        printf 'run %d --jobs %d: %.1f s wall, %.1f s CPU, peak RSS %d MB, load %s\n' \
            "$r" "$j" "$wall" "$cpu" $((rss / 1024)) "$(cut -d' ' -f1 /proc/loadavg)"
        cmp -s "$work/out-1-1/metrics.csv" "$work/out-$j-$r/metrics.csv" \
            || { echo "metrics.csv differs: run $r --jobs $j" >&2; exit 1; }
    done
done
echo "metrics.csv identical in all $((2 * repeats)) runs"
w1=$(median <"$work/wall-1"); w2=$(median <"$work/wall-2"); c1=$(median <"$work/cpu-1"); c2=$(median <"$work/cpu-2")
printf 'median --jobs 1: %.1f s wall, %.1f s CPU\nmedian --jobs 2: %.1f s wall, %.1f s CPU\nwall ratio (1 / 2): %.2fx\n' \
    "$w1" "$c1" "$w2" "$c2" "$(echo "$w1 / $w2" | bc -l)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
