#!/usr/bin/env bash
# The process boundary's cost, three ways in one sitting, alternating, REPEATS rounds (medians):
#   builtin   the builtin first stage (BM25 on Flywheel's tokens, expansion off)
#   swift     the same builtin model behind the protocol: `flywheel plugin serve retriever`
#             (what the boundary alone costs: process, pipes, JSON both ways)
#   bm25s     plugins/bm25s_retriever.py (the boundary plus a Python model)
# in the same scenario (scenarios/examples/process-retriever-ci.yaml: ci-small, 2 arms, 3
# replicates), `--jobs 1` (one plugin process serves the 6 jobs, protocol version 4). CPU time
# is user + sys of Flywheel and the plugins it started and reaped (children), by /usr/bin/time.
#
#   bash Benchmarks/plugins/boundary.sh [REPEATS]      # needs `make plugins` and a release build
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
repeats="${1:-3}"
fw="$(swift build -c release --show-bin-path)/flywheel"
out="Benchmarks/out/plugins"
mkdir -p "$out/builtin" "$out/swift" "$out/bm25s"
process=scenarios/examples/process-retriever-ci.yaml
# Copies live in $out/<name>/run.yaml (one run name, so metrics.csv files compare byte for
# byte); their relative paths are made absolute (they resolve against the file's folder).
absolute=(-e "s|\.\./\.\./|$root/|g" -e "s|^personas: \.\./personas|personas: $root/scenarios/personas|")
sed "${absolute[@]}" "$process" > "$out/bm25s/run.yaml"
sed -e "s|process: {command: \[[^]]*\]|process: {command: [$fw, plugin, serve, retriever]|" "${absolute[@]}" "$process" > "$out/swift/run.yaml"
sed -e '/kind: process/d' -e '/process: {command/d' "${absolute[@]}" "$process" > "$out/builtin/run.yaml"
grep -q "plugin, serve, retriever" "$out/swift/run.yaml" || { echo "boundary.sh: the plugin command of $process changed; update this script" >&2; exit 2; }
echo "machine: $(nproc) cores, $(uptime | sed 's/.*load/load/')"
for i in $(seq "$repeats"); do
    for name in builtin swift bm25s; do
        /usr/bin/time -f "%e %U %S" -o "$out/time-$name-$i.txt" \
            "$fw" run "$out/$name/run.yaml" --out "$out/$name/results" --force --quiet --no-report --jobs 1
        echo "$name $i: $(awk '{printf "%s s wall, %.2f s user+sys", $1, $2 + $3}' "$out/time-$name-$i.txt")"
    done
done
echo "after: $(uptime | sed 's/.*load/load/')"
python3 - "$out" "$repeats" <<'PY'
import csv, statistics, sys
out, repeats = sys.argv[1], int(sys.argv[2])
names = ["builtin", "swift", "bm25s"]
label = {"builtin": "builtin BM25", "swift": "builtin behind the protocol (flywheel plugin serve)", "bm25s": "bm25s plugin (Python)"}
def rows(name):
    return list(csv.reader(open(f"{out}/{name}/results/metrics.csv")))
served = int(sum(float(r[5]) for r in rows("builtin")[1:] if r[4] == "served"))
cpu = {n: [sum(map(float, open(f"{out}/time-{n}-{i}.txt").read().split()[1:])) for i in range(1, repeats + 1)] for n in names}
med = {n: statistics.median(cpu[n]) for n in names}
print(f"| first stage | user + sys s ({repeats} runs) | median | tickets / CPU s | × builtin |")
print("| --- | --- | ---: | ---: | ---: |")
for n in names:
    print(f"| {label[n]} | {', '.join(f'{c:.2f}' for c in cpu[n])} | {med[n]:.2f} | {served / med[n]:,.0f} | {med[n] / med['builtin']:.2f} |")
same = all(rows(n) == rows("builtin") for n in names)
print(f"served {served:,} tickets per run; metrics.csv identical across the three: {same}")
PY
