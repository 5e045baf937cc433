#!/usr/bin/env bash
# The process boundary's cost: the same model — BM25 on Flywheel's tokens, expansion off — as
# the builtin first stage and as plugins/bm25s_retriever.py behind the protocol, in the same
# scenario (scenarios/examples/process-retriever-ci.yaml: ci-small, 2 arms, 3 replicates), one
# job at a time, alternating, REPEATS times. CPU time counts Flywheel and its plugins (children).
#
#   bash Benchmarks/plugins/boundary.sh [REPEATS]      # needs `make plugins` and a release build
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
repeats="${1:-3}"
fw="$(swift build -c release --show-bin-path)/flywheel"
out="Benchmarks/out/plugins"
mkdir -p "$out"
process=scenarios/examples/process-retriever-ci.yaml
builtin="$out/builtin.yaml"
# The copy lives in $out: its relative paths are made absolute (they resolve against the file's folder).
sed -e '/kind: process/d' -e '/process: {command/d' -e "s|\.\./\.\./|$root/|g" -e "s|^personas: \.\./personas|personas: $root/scenarios/personas|" "$process" > "$builtin"
for i in $(seq "$repeats"); do
    for name in builtin process; do
        scenario="$process"; [[ $name == builtin ]] && scenario="$builtin"
        /usr/bin/time -f "$name %e s wall %U s user %S s sys" -o "$out/time-$name-$i.txt" \
            "$fw" run "$scenario" --out "$out/$name" --force --quiet --no-report --jobs 1
        served="$(python3 -c "
import csv,sys
rows=list(csv.DictReader(open('$out/$name/metrics.csv')))
print(int(sum(float(r['value']) for r in rows if r['metric']=='served')))" 2>/dev/null || echo '?')"
        echo "$(cat "$out/time-$name-$i.txt") served $served"
    done
done
