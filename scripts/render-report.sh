#!/usr/bin/env bash
# Renders a self-contained report.html to a PNG with headless Chromium (Debian's `chromium`
# package, installed here when missing), so a report can be looked at without a browser.
#
#   scripts/render-report.sh results/quickstart/report.html [OUT.png] [WIDTHxHEIGHT]
#
# Defaults: OUT = the report's path with .png, window 1400x3000. The report needs no network
# and no JavaScript; Chromium runs with both off.
set -euo pipefail
report="${1:?usage: scripts/render-report.sh REPORT.html [OUT.png] [WIDTHxHEIGHT]}"
out="${2:-${report%.html}.png}"
size="${3:-1400x3000}"
[ -f "$report" ] || { echo "no such report: $report" >&2; exit 2; }

browser="$(bash "$(dirname "$0")/find-chromium.sh")"

abs="$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
  --user-data-dir="$profile" \
  --screenshot="$out" --window-size="${size/x/,}" --hide-scrollbars \
  "file://$abs" >/dev/null 2>&1
[ -s "$out" ] || { echo "chromium wrote no screenshot" >&2; exit 1; }
echo "wrote $out"
