#!/usr/bin/env bash
# Prints the command of a Chromium-based browser, installing Debian's `chromium` package with
# apt-get when none is found (as root, or through sudo). Used by render-report.sh and
# report-check.sh.
set -euo pipefail
for name in chromium chromium-browser google-chrome; do
  if command -v "$name" >/dev/null 2>&1; then echo "$name"; exit 0; fi
done
echo "chromium not found; installing Debian's chromium package" >&2
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
$SUDO apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >&2
command -v chromium >/dev/null 2>&1 || { echo "installing chromium failed" >&2; exit 2; }
echo chromium
