#!/usr/bin/env bash
# `make report-check`: renders Flywheel's reports in a real browser and fails when one is broken.
#
#   scripts/report-check.sh            # results in results/report-check/
#   UPDATE_IMAGES=1 scripts/report-check.sh   # also copies the PNGs to docs/img/ (for README)
#
# 1. Installs Debian's `chromium` when no Chromium is found (scripts/find-chromium.sh).
# 2. Makes three pages with the release binary (built if missing): a run's report
#    (scenarios/report-check/run.yaml on corpora/ci-small), a sweep's heat maps
#    (scenarios/report-check/sweep.yaml, 4 cells) and a two-run comparison (run.yaml vs
#    rushed.yaml).
# 3. Renders each page headless at two widths (REPORT_CHECK_WIDTHS, default "1400 820") to
#    OUT/png/PAGE-WIDTH.png, and fails when Chromium logs any console message (the reports have
#    no JavaScript, so any message is an error), when the page is blank (under 200 characters of
#    text, or a PNG under 20 kB), or when charts are missing from the rendered layout: fewer
#    laid-out <svg class="chart"> than the page must show, a chart smaller than 50×50 px or
#    running past the window, an external resource or a script in the report. The layout is
#    measured by scripts/report-check/harness.html, which loads the report in an iframe.
# Exit status: 0 every page passed, 1 a page failed, 2 setup failed (no browser, no binary).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${REPORT_CHECK_OUT:-results/report-check}"
widths="${REPORT_CHECK_WIDTHS:-1400 820}"
flywheel="${FLYWHEEL:-.build/release/flywheel}"

browser="$(bash scripts/find-chromium.sh)" || exit 2
if [ ! -x "$flywheel" ]; then swift build -c release >&2 || exit 2; fi

rm -rf "$out"
mkdir -p "$out/png"
echo "report-check: making the pages in $out" >&2
"$flywheel" run scenarios/report-check/run.yaml --out "$out/run" --quiet
"$flywheel" run scenarios/report-check/rushed.yaml --out "$out/rushed" --quiet
"$flywheel" sweep scenarios/report-check/sweep.yaml --out "$out/sweep" --quiet >/dev/null
"$flywheel" report "$out/sweep" >/dev/null
"$flywheel" report "$out/run" "$out/rushed" --out "$out/compare.html" >/dev/null

root="$(pwd)"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
chrome() {
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --user-data-dir="$profile" --hide-scrollbars --allow-file-access-from-files "$@"
}

failures=0
# page name, file, charts it must show, screenshot height
while read -r name file minimum height; do
  for width in $widths; do
    png="$out/png/$name-$width.png"
    log="$out/png/$name-$width.log"
    chrome --enable-logging=stderr --v=0 --window-size="$width,$height" --screenshot="$root/$png" \
      "file://$root/$file" >/dev/null 2>"$log" || true
    problems=()
    if grep -q ':CONSOLE' "$log"; then problems+=("console: $(grep ':CONSOLE' "$log" | head -3 | tr '\n' ' ')"); fi
    size=$(stat -c %s "$png" 2>/dev/null || echo 0)
    [ "$size" -ge 20000 ] || problems+=("blank screenshot ($size bytes)")
    verdict=$(chrome --window-size="$width,$height" --virtual-time-budget=10000 --dump-dom \
      "file://$root/scripts/report-check/harness.html?report=file://$root/$file&min=$minimum" 2>/dev/null \
      | grep -o 'id="verdict">REPORT-CHECK[^<]*' | sed 's/^id="verdict">//' || true)
    case "$verdict" in
      "REPORT-CHECK ok"*) ;;
      "") problems+=("the layout harness reported nothing") ;;
      *) problems+=("$verdict") ;;
    esac
    if [ ${#problems[@]} -eq 0 ]; then
      echo "PASS  $name at ${width}px: ${verdict#REPORT-CHECK ok }, $png ($((size / 1024)) kB)"
    else
      echo "FAIL  $name at ${width}px: ${problems[*]}"
      failures=$((failures + 1))
    fi
  done
done <<PAGES
run $out/run/report.html 11 3000
sweep $out/sweep/report.html 8 2400
compare $out/compare.html 14 2600
PAGES

if [ "${UPDATE_IMAGES:-0}" = 1 ]; then
  mkdir -p docs/img
  for f in "$out"/png/*.png; do cp "$f" "docs/img/report-$(basename "$f")"; done
  echo "copied the screenshots to docs/img/" >&2
fi
[ "$failures" -eq 0 ] || { echo "report-check: $failures page renderings failed" >&2; exit 1; }
echo "report-check: every page passed"
