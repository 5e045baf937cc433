#!/usr/bin/env bash
# Streaming read benchmark (issue 2): decompress + parse a tickets.jsonl.zst with flywheel,
# beside `zstd -dc FILE > /dev/null` on the same file in the same run. Medians of REPS runs,
# in MB/s (10^6 bytes) of uncompressed JSONL.
#
#   Benchmarks/corpus-read.sh [TICKETS_FILE] [REPS]
#
# Default file: corpora/marketplace/tickets.jsonl.zst when it exists, else a synthetic
# 40k-ticket corpus made by Benchmarks/make-synthetic-tickets.py under Benchmarks/out/.
set -euo pipefail
cd "$(dirname "$0")/.."
REPS="${2:-7}"
swift build -c release --product flywheel >/dev/null
BIN="$(swift build -c release --show-bin-path)/flywheel"

FILE="${1:-}"
if [[ -z "$FILE" ]]; then
  if [[ -f corpora/marketplace/tickets.jsonl.zst ]]; then
    FILE=corpora/marketplace/tickets.jsonl.zst
  else
    OUT=Benchmarks/out/synthetic
    if [[ ! -f "$OUT/corpus/manifest.json" ]]; then
      python3 Benchmarks/make-synthetic-tickets.py "$OUT/jsonl" 40000 >/dev/null
      "$BIN" corpus import --articles "$OUT/jsonl/articles.jsonl" --tickets "$OUT/jsonl/tickets.jsonl" \
        --ticket-created-at created_at --ticket-nuggets nuggets --ticket-reference reference_response \
        --ticket-channel channel --ticket-locale locale --name synthetic-bench --out "$OUT/corpus" >/dev/null
    fi
    FILE="$OUT/corpus/tickets.jsonl.zst"
  fi
fi

BYTES=$(zstd -dc "$FILE" | wc -c)
LINES=$(zstd -dc "$FILE" | wc -l)
COMPRESSED=$(wc -c < "$FILE")
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
now() { date +%s.%N; }

zstd_t=(); parse_t=(); split_t=()
for ((i = 0; i < REPS; i++)); do
  s=$(now); zstd -dc "$FILE" > /dev/null; e=$(now)
  zstd_t+=("$(echo "$e - $s" | bc -l)")
  parse_t+=("$("$BIN" corpus bench-read "$FILE" --repeat 1 | sed -E 's/.* ([0-9.]+) s,.*/\1/')")
  split_t+=("$("$BIN" corpus bench-read "$FILE" --repeat 1 --no-parse | sed -E 's/.* ([0-9.]+) s,.*/\1/')")
done
zm=$(printf '%s\n' "${zstd_t[@]}" | median)
pm=$(printf '%s\n' "${parse_t[@]}" | median)
sm=$(printf '%s\n' "${split_t[@]}" | median)
mbs() { echo "scale=1; $BYTES / 1000000 / $1" | bc -l; }

echo "file: $FILE ($LINES lines, $BYTES bytes uncompressed, $COMPRESSED compressed)"
echo "machine: $(nproc) cores, $(lscpu | sed -nE 's/^Model name: *//p')"
echo "reps: $REPS (medians)"
printf '%-44s %10s %10s\n' "reader" "median s" "MB/s"
printf '%-44s %10.4f %10s\n' "zstd -dc FILE > /dev/null" "$zm" "$(mbs "$zm")"
printf '%-44s %10.4f %10s\n' "flywheel bench-read --no-parse (split lines)" "$sm" "$(mbs "$sm")"
printf '%-44s %10.4f %10s\n' "flywheel bench-read (decompress + parse)" "$pm" "$(mbs "$pm")"
echo "parse-included / zstd: $(echo "scale=3; $zm / $pm * 100" | bc -l)% (target >= 15%)"
echo "all runs (s): zstd ${zstd_t[*]} | parse ${parse_t[*]} | split ${split_t[*]}"
