#!/usr/bin/env bash
# Creates Benchmarks/.venv, the Python environment every Python-peer benchmark uses
# (pytrec_eval, ranx, bm25s, numba, numpy), and prints the versions installed.
#
# Idempotent: re-running reuses the venv and only installs what is missing.
# Usage:   bash Benchmarks/setup-python.sh        # then: Benchmarks/.venv/bin/python ...
# Needs:   python3 (3.9+) with the venv module, and access to PyPI.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv"
python="${PYTHON:-python3}"

if [[ ! -x "$venv/bin/python" ]]; then
    echo "creating $venv"
    "$python" -m venv "$venv"
fi
py="$venv/bin/python"

# Install only what is absent, so a second run is quick and offline-safe.
have() { "$py" -c "import $1" >/dev/null 2>&1; }

if ! have pip; then "$py" -m ensurepip --upgrade; fi

missing=()
have numpy || missing+=(numpy)
have numba || missing+=(numba)
have ranx || missing+=(ranx)
have bm25s || missing+=(bm25s)
if ((${#missing[@]})); then
    "$py" -m pip install --disable-pip-version-check --quiet "${missing[@]}"
fi

# pytrec_eval: the maintained wheel-shipping fork first, the original source package second
# (which needs a C++ compiler).
if ! have pytrec_eval; then
    "$py" -m pip install --disable-pip-version-check --quiet pytrec_eval-terrier \
        || "$py" -m pip install --disable-pip-version-check --quiet pytrec_eval
fi

"$py" - <<'PY'
import importlib.metadata as md, sys
print("python", sys.version.split()[0])
for dist in ("numpy", "numba", "ranx", "bm25s", "pytrec_eval-terrier", "pytrec_eval"):
    try:
        print(dist, md.version(dist))
    except md.PackageNotFoundError:
        pass
PY
