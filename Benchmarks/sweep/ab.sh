#!/usr/bin/env bash
# Two flywheel binaries on bench.sh's workload in one sitting:
#
#   bash Benchmarks/sweep/ab.sh OLD_BINARY NEW_BINARY [ROUNDS]     # default 5 rounds
#
# The same 12-cell sweep over the same generated corpus as bench.sh. Each round runs OLD and NEW
# (which goes first alternates by round), each with --jobs 1 then --jobs 2, each into a fresh
# results folder; prints every run (wall from `date`, CPU = user + sys from /usr/bin/time, the
# 1-minute load), then per binary the medians and the speed-up (median --jobs 1 wall over median
# --jobs 2 wall) and the median of the per-round speed-ups, and whether every sweep.csv is
# byte-identical to OLD's --jobs 1 one.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
old=$(realpath "$1")
new=$(realpath "$2")
rounds=${3:-5}
. "$root/Benchmarks/sweep/workload.sh"
sweep_workload "$root" "$new"
echo "start: $(uptime)"
identical=yes
for r in $(seq "$rounds"); do
  sides="old new"
  [ $((r % 2)) -eq 0 ] && sides="new old"
  for side in $sides; do
    bin=$old
    [ "$side" = new ] && bin=$new
    for j in 1 2; do
      start=$(date +%s.%N)
      /usr/bin/time -f '%U %S' -o cpu "$bin" sweep sweep.yaml --jobs "$j" --out "out-$side-$j-$r" --quiet > /dev/null
      end=$(date +%s.%N)
      t=$(echo "$end - $start" | bc -l)
      echo "$t" >> "wall-$side-$j"
      awk '{print $1 + $2}' cpu >> "cpu-$side-$j"
      printf 'round %d %s --jobs %d: %.3f s wall, %.2f s CPU, load %s\n' "$r" "$side" "$j" "$t" \
        "$(tail -1 "cpu-$side-$j")" "$(cut -d' ' -f1 /proc/loadavg)"
      cmp -s out-old-1-1/sweep.csv "out-$side-$j-$r/sweep.csv" || identical=no
    done
    echo "$(sed -n "${r}p" "wall-$side-1") / $(sed -n "${r}p" "wall-$side-2")" | bc -l >> "ratio-$side"
  done
done
for side in old new; do
  printf '%s: median --jobs 1 %.3f s wall (%.2f s CPU), --jobs 2 %.3f s wall (%.2f s CPU): %.2fx; median of per-round ratios %.2fx\n' \
    "$side" "$(median < "wall-$side-1")" "$(median < "cpu-$side-1")" "$(median < "wall-$side-2")" \
    "$(median < "cpu-$side-2")" "$(echo "$(median < "wall-$side-1") / $(median < "wall-$side-2")" | bc -l)" \
    "$(median < "ratio-$side")"
done
echo "sweep.csv identical across binaries and --jobs: $identical"
echo "end: $(uptime)"
