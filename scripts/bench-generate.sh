#!/usr/bin/env bash
# Generation benchmark (issue 15: "the 500k-ticket corpus in under 20 s and 200 MB"): runs
# `flywheel corpus generate` with two binaries alternately, ROUNDS times each, under `nice -n 5`
# and /usr/bin/time, and prints one line per run (wall s, CPU s = user + sys, peak RSS MB, the
# 1-minute load average before the run, the tickets file's sha256) and each binary's medians.
#
#   bash scripts/bench-generate.sh OLD_BINARY NEW_BINARY [ROUNDS] [TICKETS] [JOBS]
#   bash scripts/bench-generate.sh /tmp/flywheel-old .build/release/flywheel 3 500000 2
#
# The corpus (seed 3, 5,000 articles, 52 weeks) goes to /tmp/bench-generate-N and is removed.
set -euo pipefail
old=${1:?old binary}
new=${2:?new binary}
rounds=${3:-3}
tickets=${4:-500000}
jobs=${5:-2}
out=/tmp/bench-generate-$$
stats=$(mktemp)
trap 'rm -rf "$out" "$stats"' EXIT
declare -A rows
for ((r = 1; r <= rounds; r++)); do
    for label in old new; do
        bin=$old
        [[ $label == new ]] && bin=$new
        load=$(cut -d' ' -f1 /proc/loadavg)
        nice -n 5 /usr/bin/time -o "$stats" -f "%e %U %S %M" "$bin" corpus generate --profile marketplace --seed 3 \
            --articles 5000 --tickets "$tickets" --weeks 52 --jobs "$jobs" --out "$out" --force >/dev/null
        read -r wall user sys rss <"$stats"
        cpu=$(echo "$user + $sys" | bc)
        sha=$(sha256sum "$out/tickets.jsonl.zst" | cut -c1-12)
        printf '%s round %d: wall %6.1f s  cpu %6.1f s  rss %4d MB  load %5s  tickets sha256 %s\n' \
            "$label" "$r" "$wall" "$cpu" $((rss / 1024)) "$load" "$sha"
        rows[$label]+="$wall $cpu $((rss / 1024))"$'\n'
    done
done
for label in old new; do
    printf '%s medians: ' "$label"
    for col in 1 2 3; do
        printf '%s ' "$(printf '%s' "${rows[$label]}" | awk NF | cut -d' ' -f$col | sort -n |
            awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}')"
    done
    echo "(wall s, cpu s, rss MB)"
done
