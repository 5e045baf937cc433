# The benchmark sweep's workload, sourced by bench.sh and ab.sh: one place for what is measured.
#
#   sweep_workload ROOT BIN   # makes a scratch folder (removed on exit), cds into it: the sweep,
#                             # its base scenario, the personas and a generated corpus (by BIN)
#   median < numbers          # the median of one number per line

sweep_workload() {
  local root=$1 bin=$2
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  cp "$root/Benchmarks/sweep/base.yaml" "$root/Benchmarks/sweep/sweep.yaml" "$work/"
  cp -r "$root/scenarios/personas" "$work/personas"
  cd "$work"
  "$bin" corpus generate --seed 5 --articles 200 --tickets 1000 --weeks 4 --out corpus > /dev/null
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
