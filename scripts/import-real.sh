#!/usr/bin/env bash
# Imports the real datasets into corpus folders OUTSIDE the repository (they are never copied in).
#
#   scripts/import-real.sh [DATASETS_DIR] [OUT_DIR]
#       DATASETS_DIR default: $FLYWHEEL_DATASETS (scripts/datasets.sh)
#       OUT_DIR      default: /tmp/flywheel-real
#     dstc11-track5-val       -> OUT_DIR/dstc11-val     (4,299 articles, 2,129 tickets over 23 weeks)
#     tau2-banking-knowledge  -> OUT_DIR/tau2-banking   (698 articles, 97 tickets: retrieval checks only)
#   scripts/import-real.sh --beir FOLDER [OUT_DIR] [--split NAME]...
#     any BEIR folder (corpus.jsonl, queries.jsonl, qrels/) -> OUT_DIR/<basename of FOLDER>
#
# A dataset folder that is absent is skipped, saying so with its name (exit 0). Idempotent: every
# run re-converts and re-imports; `flywheel corpus import` writes to a staging folder and renames
# it over the old corpus, so a reader sees the old corpus or the new one, never a mix. The
# converters' JSONL goes to a temporary folder under OUT_DIR, removed on exit.
# Uses the release binary .build/release/flywheel, building it when missing.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
flywheel="$repo/.build/release/flywheel"

ensure_binary() {
  if [[ ! -x $flywheel ]]; then
    echo "import-real: $flywheel missing; building it (swift build -c release)" >&2
    (cd "$repo" && bash scripts/install-deps.sh && swift build -c release)
  fi
}

beir=""
splits=()
if [[ ${1:-} == "--beir" ]]; then
  [[ $# -ge 2 ]] || { echo "usage: $0 --beir FOLDER [OUT_DIR] [--split NAME]..." >&2; exit 2; }
  beir=$2
  shift 2
  out=/tmp/flywheel-real
  if [[ $# -gt 0 && $1 != --split ]]; then out=$1; shift; fi
  while [[ $# -gt 0 ]]; do
    [[ $1 == --split && $# -ge 2 ]] || { echo "import-real: unexpected argument '$1'" >&2; exit 2; }
    splits+=(--split "$2")
    shift 2
  done
else
  [[ $# -le 2 ]] || { echo "usage: $0 [DATASETS_DIR] [OUT_DIR]  |  $0 --beir FOLDER [OUT_DIR]" >&2; exit 2; }
  datasets=${1:-$(bash "$repo/scripts/datasets.sh")}
  out=${2:-/tmp/flywheel-real}
fi

mkdir -p "$out"
out=$(cd "$out" && pwd)

if [[ -n $beir ]]; then
  [[ -d $beir ]] || { echo "import-real: BEIR folder '$beir' not found" >&2; exit 2; }
  ensure_binary
  name=$(basename "$(cd "$beir" && pwd)")
  "$flywheel" corpus import --beir "$beir" "${splits[@]}" --name "$name" --source "BEIR folder $name" \
    --out "$out/$name"
  echo "import-real: $name -> $out/$name"
  exit 0
fi

tmp=$(mktemp -d "$out/.convert.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

imported=0
if [[ -d $datasets/dstc11-track5-val ]]; then
  ensure_binary
  python3 "$repo/scripts/convert_dstc11_track5.py" "$datasets/dstc11-track5-val" "$tmp/dstc"
  "$flywheel" corpus import --articles "$tmp/dstc/articles.jsonl" --tickets "$tmp/dstc/tickets.jsonl" \
    --ticket-created-at created_at --ticket-nuggets nuggets --ticket-reference reference_response \
    --name dstc11-track5-val --source "DSTC11 track 5 validation split (alexa/dstc11-track5 1419e96)" \
    --license CDLA-Sharing-1.0 --out "$out/dstc11-val"
  echo "import-real: dstc11-track5-val -> $out/dstc11-val"
  imported=$((imported + 1))
else
  echo "import-real: skipped dstc11-track5-val: $datasets/dstc11-track5-val is absent"
fi

if [[ -d $datasets/tau2-banking-knowledge ]]; then
  ensure_binary
  python3 "$repo/scripts/convert_tau2_banking.py" "$datasets/tau2-banking-knowledge" "$tmp/tau2"
  "$flywheel" corpus import --articles "$tmp/tau2/articles.jsonl" --article-body content \
    --tickets "$tmp/tau2/tickets.jsonl" --ticket-relevant required_documents \
    --name tau2-banking --source "tau2-bench banking_knowledge (sierra-research/tau2-bench a2c0247)" \
    --license MIT --out "$out/tau2-banking"
  echo "import-real: tau2-banking-knowledge -> $out/tau2-banking (97 tickets: retrieval checks only, too few for a loop)"
  imported=$((imported + 1))
else
  echo "import-real: skipped tau2-banking-knowledge: $datasets/tau2-banking-knowledge is absent"
fi

echo "import-real: $imported dataset(s) imported into $out"
