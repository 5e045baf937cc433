#!/usr/bin/env bash
# Creates .venv-plugins (git-ignored) and installs the reference plugins' pinned requirements
# (plugins/requirements-*.txt). Idempotent: a second run only installs what is missing.
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
