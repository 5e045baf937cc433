#!/usr/bin/env bash
# Records a short run's session with the bm25s plugin (scripts/protocol-tee.py) and validates
# every request and reply against docs/protocol/*.schema.json with python's jsonschema.
# Skips with a message when .venv-plugins (make plugins) or jsonschema is absent.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
if [[ ! -x .venv-plugins/bin/python ]]; then echo "protocol-check: skipped (no .venv-plugins; run make plugins)"; exit 0; fi
if ! python3 -c 'import jsonschema' 2>/dev/null; then echo "protocol-check: skipped (python3 has no jsonschema)"; exit 0; fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
log="$work/session.jsonl"
# The copy lives in $work, so its paths (relative to the scenario file's folder) become absolute.
sed -e "s|command: \[../../.venv-plugins/bin/python, ../../plugins/bm25s_retriever.py\]|command: [python3, $root/scripts/protocol-tee.py, $log, $root/.venv-plugins/bin/python, $root/plugins/bm25s_retriever.py]|" \
    -e "s|^corpus: ../../|corpus: $root/|" -e "s|^personas: ../|personas: $root/scenarios/|" \
    -e 's|replicates: .*|replicates: 1|' scenarios/examples/process-retriever-ci.yaml > "$work/scenario.yaml"
grep -q "protocol-tee.py" "$work/scenario.yaml" || { echo "protocol-check: the plugin command of process-retriever-ci.yaml changed; update this script" >&2; exit 2; }
"$(swift build -c release --show-bin-path)/flywheel" run "$work/scenario.yaml" --out "$work/results" --force --quiet --no-report --jobs 1
python3 - "$log" docs/protocol <<'PY'
import json, sys
from jsonschema import Draft202012Validator
log, folder = sys.argv[1], sys.argv[2]
schema = lambda name: Draft202012Validator(json.load(open(f"{folder}/{name}.schema.json")))
from collections import Counter
ops = Counter()
requests, replies, bad = 0, 0, 0
reply_schema = schema("reply")
for n, line in enumerate(open(log, encoding="utf-8"), 1):
    kind, message = line[:2], json.loads(line[2:])
    validator = schema(message["op"]) if kind == "> " else reply_schema
    for error in validator.iter_errors(message):
        bad += 1
        print(f"{log}:{n}: {error.json_path}: {error.message[:200]}")
    requests += kind == "> "
    if kind == "> ": ops[message["op"]] += 1
    replies += kind == "< "
print("requests by op:", dict(sorted(ops.items())))
print(f"protocol-check: {requests} requests and {replies} replies checked against docs/protocol, {bad} problems")
sys.exit(1 if bad or not requests else 0)
PY
