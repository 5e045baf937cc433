#!/usr/bin/env bash
# Full-loop benchmark: times the quick start (scenarios/quickstart.yaml: 3 arms × 3 replicates,
# 26 weekly iterations, 1,000 held-out tickets evaluated each iteration) with --jobs 1 and
# --jobs 2, and reports per run:
#   - wall time and CPU time (user + sys),
#   - tickets served per second per core = sum of the `served` metric in metrics.csv / CPU time
#     (CPU time counts every core's work, so this is the per-core rate of the whole loop:
#     retrieval, reranking, generation, simulated annotation, filtering, retraining, evaluation
#     and storage),
#   - peak RSS (from /usr/bin/time -v when available).
# Each configuration is repeated REPEATS times (default 3); the medians are printed last.
#
# Usage (from anywhere in the repo):
#   Benchmarks/loop/run-quickstart.sh                  # release build, jobs 1 and 2, 3 repeats
#   REPEATS=1 JOBS="2" Benchmarks/loop/run-quickstart.sh
#   SCENARIO=/tmp/prof.yaml BIN=/tmp/flywheel-old Benchmarks/loop/run-quickstart.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
SCENARIO="${SCENARIO:-scenarios/quickstart.yaml}"
JOBS="${JOBS:-1 2}"
REPEATS="${REPEATS:-3}"
OUT="${OUT:-$(mktemp -d /tmp/flywheel-loop-bench.XXXXXX)}"
BIN="${BIN:-}"
mkdir -p "$OUT"

if [[ -z "$BIN" ]]; then
    swift build -c release --product flywheel >&2
    BIN="$ROOT/.build/release/flywheel"
fi

echo "machine: $(nproc) cores, $(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -1)"
echo "binary:  $BIN"
echo "scenario: $SCENARIO, repeats: $REPEATS"

median() { sort -g | awk '{a[NR]=$1} END {if (NR == 0) print "nan"; else if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

have_time_v=0
if /usr/bin/time -v true >/dev/null 2>&1; then have_time_v=1; fi

for jobs in $JOBS; do
    : >"$OUT/wall-$jobs" ; : >"$OUT/cpu-$jobs" ; : >"$OUT/rate-$jobs" ; : >"$OUT/rss-$jobs"
    for rep in $(seq 1 "$REPEATS"); do
        dir="$OUT/run-j$jobs-$rep"
        log="$OUT/time-j$jobs-$rep.txt"
        start=$(date +%s.%N)
        if [[ $have_time_v == 1 ]]; then
            /usr/bin/time -v -o "$log" "$BIN" run "$SCENARIO" --out "$dir" --force --quiet --jobs "$jobs" >/dev/null
            user=$(sed -n 's/^[[:space:]]*User time (seconds): //p' "$log")
            sys=$(sed -n 's/^[[:space:]]*System time (seconds): //p' "$log")
            rss=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$log")
        else
            # bash's `times`-free fallback: CPU time from a subshell's TIMEFORMAT
            TIMEFORMAT='%U %S'
            read -r user sys < <({ time "$BIN" run "$SCENARIO" --out "$dir" --force --quiet --jobs "$jobs" >/dev/null; } 2>&1)
            rss="nan"
        fi
        end=$(date +%s.%N)
        wall=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", b - a}')
        cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u + s}')
        served=$(awk -F, 'NR > 1 && $(NF-1) == "served" {s += $NF} END {printf "%d", s}' "$dir/metrics.csv")
        rate=$(awk -v n="$served" -v c="$cpu" 'BEGIN {printf "%.0f", n / c}')
        echo "jobs=$jobs rep=$rep wall=${wall}s cpu=${cpu}s served=$served tickets/s/core=$rate peak_rss=${rss}KB"
        echo "$wall" >>"$OUT/wall-$jobs"; echo "$cpu" >>"$OUT/cpu-$jobs"
        echo "$rate" >>"$OUT/rate-$jobs"; echo "$rss" >>"$OUT/rss-$jobs"
    done
done

echo
echo "| jobs | wall s (median) | CPU s (median) | tickets/s/core (median) | peak RSS MB (median) |"
echo "| --- | --- | --- | --- | --- |"
for jobs in $JOBS; do
    rss=$(median <"$OUT/rss-$jobs")
    rss_mb=$(awk -v k="$rss" 'BEGIN {if (k == "nan") print "n/a"; else printf "%.0f", k / 1024}')
    echo "| $jobs | $(median <"$OUT/wall-$jobs") | $(median <"$OUT/cpu-$jobs") | $(median <"$OUT/rate-$jobs") | $rss_mb |"
done
echo "(runs kept in $OUT)"
