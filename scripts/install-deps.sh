#!/usr/bin/env bash
# Installs the system libraries Flywheel builds against (libzstd, SQLite), only when missing.
# Checks with pkg-config first and runs `apt-get update` only when something must be installed.
set -euo pipefail
missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if command -v pkg-config >/dev/null 2>&1; then
  pkg-config --exists libzstd || missing+=(libzstd-dev)
  pkg-config --exists sqlite3 || missing+=(libsqlite3-dev)
else
  missing+=(libzstd-dev libsqlite3-dev)
fi
command -v zstd >/dev/null 2>&1 || missing+=(zstd)
((${#missing[@]} == 0)) && exit 0
echo "installing missing packages: ${missing[*]}" >&2
sudo=""
[[ $(id -u) -ne 0 ]] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
