#!/usr/bin/env bash
# Where the bm25s plugin's CPU goes (BENCHMARKS.md, "Process boundary"): records the session of a
# 1-replicate run of scenarios/examples/process-retriever-ci.yaml (scripts/protocol-tee.py), then
# replays each job's requests into the plugin in-process with the CPU per request kind and a
# byte-for-byte check of the replies (session_cpu.py). PLUGIN= another plugin file to compare.
#
#   bash Benchmarks/plugins/session-cpu.sh        # needs `make plugins` and a release build
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
out="Benchmarks/out/session-cpu"
mkdir -p "$out"
log="$out/session.jsonl"
if [[ ! -s "$log" ]]; then
    sed -e "s|command: \[../../.venv-plugins/bin/python, ../../plugins/bm25s_retriever.py\]|command: [python3, $root/scripts/protocol-tee.py, $root/$log, $root/.venv-plugins/bin/python, $root/plugins/bm25s_retriever.py]|" \
        -e "s|\.\./\.\./|$root/|g" -e "s|^personas: \.\./personas|personas: $root/scenarios/personas|" \
        -e 's|replicates: .*|replicates: 1|' scenarios/examples/process-retriever-ci.yaml > "$out/scenario.yaml"
    "$(swift build -c release --show-bin-path)/flywheel" run "$out/scenario.yaml" --out "$out/results" --force --quiet --no-report --jobs 1
fi
.venv-plugins/bin/python Benchmarks/plugins/session_cpu.py "${PLUGIN:-plugins/bm25s_retriever.py}" "$log"
