#!/usr/bin/env bash
# Sweep throughput: the 12-cell benchmark sweep (Benchmarks/sweep/sweep.yaml, 24 arm × replicate
# jobs over a generated 200-article / 1000-ticket / 4-week corpus) with --jobs 1 and --jobs 2,
# REPEATS times each, alternating, each into a fresh results folder; prints the medians and the
# speed-up. Usage: Benchmarks/sweep/bench.sh [REPEATS]   (default 3; builds release if needed)
set -euo pipefail
repeats=${1:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
bin="$root/.build/release/flywheel"
[ -x "$bin" ] || (cd "$root" && swift build -c release --product flywheel)
. "$root/Benchmarks/sweep/workload.sh"
sweep_workload "$root" "$bin"
: > times-1; : > times-2; : > cpu-1; : > cpu-2
for r in $(seq "$repeats"); do
  for j in 1 2; do
    start=$(date +%s.%N)
    /usr/bin/time -f '%U %S' -o cpu "$bin" sweep sweep.yaml --jobs "$j" --out "out-$j-$r" --quiet
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc -l)
    cpu=$(awk '{print $1 + $2}' cpu)
    echo "$t" >> "times-$j"; echo "$cpu" >> "cpu-$j"
    printf 'run %d --jobs %d: %.2f s wall, %.2f s CPU, load %s\n' "$r" "$j" "$t" "$cpu" "$(cut -d' ' -f1 /proc/loadavg)"
  done
done
cmp out-1-1/sweep.csv out-2-1/sweep.csv && echo "sweep.csv identical for --jobs 1 and --jobs 2"
m1=$(median < times-1); m2=$(median < times-2); c1=$(median < cpu-1); c2=$(median < cpu-2)
printf 'median --jobs 1: %.2f s wall, %.2f s CPU\nmedian --jobs 2: %.2f s wall, %.2f s CPU\nspeed-up: %.2fx\n' \
  "$m1" "$c1" "$m2" "$c2" "$(echo "$m1 / $m2" | bc -l)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
