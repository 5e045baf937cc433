#!/usr/bin/env bash
# The real-data validity suite (docs/validity-real.md): imports the shared datasets
# (scripts/import-real.sh), runs each real-data scenario with the release binary and prints, from
# each run's summary.json, the final paired difference aitl − frozen with its 95% CI for the
# headline metrics, the per-replicate final nDCG@10 and P@8 relative to frozen, and which of the
# issue's requirements hold.
#
#   scripts/validity-real.sh                      import, run the three DSTC11 scenarios, print
#   scripts/validity-real.sh --no-run             print from existing results only
#   scripts/validity-real.sh --no-import S.yaml…  run the given scenarios on the existing corpora
#
# Environment: DATASETS (default $FLYWHEEL_DATASETS, scripts/datasets.sh), REAL (default /tmp/flywheel-real: the
# imported corpora and the results; the scenarios name /tmp/flywheel-real/…, and with another REAL each runs
# from a copy in $REAL/scenarios/ whose corpus and personas paths point there), JOBS (flywheel check --jobs).
# One run at a time per REAL: a second is refused (exit 2) while the first holds $REAL.lock.
# Results: $REAL/results/<scenario name>/. Requirements, by the scenario's population (its file
# name ends in -oracle, -mix or -zero):
#   oracle: no CI entirely below 0; no mean more than 2% of frozen's value below it;
#           recall@75 and ndcg@10 CIs entirely above 0
#   mix:    no CI entirely below 0
#   zero:   no CI entirely above 0
#   stability (every population): each
#           replicate's final ndcg@10 and precision@8 >= 90% of frozen's in the same replicate
# Each scenario runs through `flywheel check` (its `expect:` entries are the requirements above);
# exits 1 when any check failed, after printing every table.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
flywheel="$repo/.build/release/flywheel"
default_real=/tmp/flywheel-real  # the folder the scenarios name
real=${REAL:-$default_real}
datasets=${DATASETS:-$(bash "$repo/scripts/datasets.sh")}

do_import=1
do_run=1
scenarios=()
for a in "$@"; do
  case $a in
    --no-import) do_import=0 ;;
    --no-run) do_run=0; do_import=0 ;;
    -*) echo "validity-real: unknown option $a" >&2; exit 2 ;;
    *) scenarios+=("$a") ;;
  esac
done
if [[ ${#scenarios[@]} -eq 0 ]]; then
  scenarios=(scenarios/validity/real-dstc11-oracle.yaml scenarios/validity/real-dstc11-mix.yaml
             scenarios/validity/real-dstc11-zero.yaml)
fi

mkdir -p "$real"
real=$(cd "$real" && pwd)
exec 9>"$real.lock"
if ! flock -n 9; then
  echo "validity-real: another run is using $real (lock $real.lock); wait for it or set REAL to another folder" >&2
  exit 2
fi

# The scenario to run for $1: itself when REAL is the folder it names, else a copy in $real/scenarios/
# with its corpus moved under $real and its personas path made absolute (it resolves against the
# scenario's folder).
scenario_for() {
  local s=$1 default=$default_real
  if [[ $real == "$default" ]] || ! grep -q "^corpus: *$default/" "$s"; then
    echo "$s"
    return
  fi
  local dir copy personas
  dir=$(cd "$(dirname "$s")" && pwd)
  copy="$real/scenarios/$(basename "$s")"
  mkdir -p "$real/scenarios"
  personas=$(sed -n 's/^personas: *//p' "$s")
  sed -e "s|^corpus: *$default/|corpus: $real/|" \
      -e "s|^personas: *[^/].*|personas: $dir/$personas|" "$s" > "$copy"
  echo "$copy"
}

if [[ $do_import == 1 ]]; then
  bash scripts/import-real.sh "$datasets" "$real"
fi
if [[ $do_run == 1 && ! -x $flywheel ]]; then
  bash scripts/install-deps.sh && swift build -c release
fi

jobs_flag=()
[[ -n ${JOBS:-} ]] && jobs_flag=(--jobs "$JOBS")

results=()
failed=()
for s in "${scenarios[@]}"; do
  name=$(basename "$s" .yaml)
  out="$real/results/$name"
  if [[ $do_run == 1 ]]; then
    s=$(scenario_for "$s")
    corpus=$(sed -n 's/^corpus: *//p' "$s")
    # A relative corpus resolves against the scenario file's folder, as flywheel resolves it.
    [[ $corpus == /* ]] || corpus="$(dirname "$s")/$corpus"
    if [[ ! -f $corpus/manifest.json ]]; then
      echo "validity-real: skipped $name: corpus $corpus is absent (dataset not imported)"
      continue
    fi
    mkdir -p "$real/results"
    echo "validity-real: flywheel check $s --out $real/results --force ${jobs_flag[*]}"
    start=$(date +%s)
    "$flywheel" check "$s" --out "$real/results" --force "${jobs_flag[@]}" > "$real/results/$name.check.txt" || failed+=("$name")
    grep -E "^  FAIL|passed, .* failed" "$real/results/$name.check.txt" || true
    echo "validity-real: $name took $(($(date +%s) - start)) s"
  fi
  [[ -f $out/summary.json ]] && results+=("$out")
done

[[ ${#results[@]} -gt 0 ]] || { echo "validity-real: no results to report"; exit 0; }

python3 - "${results[@]}" <<'PY'
import json, os, sqlite3, sys

METRICS = ["recall@75", "precision@8", "ndcg@10", "mrr", "helpfulness", "adoption"]
STABLE = ["ndcg@10", "precision@8"]

def get(d, *names):
    for n in names:
        if n in d:
            return d[n]
    return None

def estimate(e):
    return (e["mean"], e.get("lower"), e.get("upper")) if e else (None, None, None)

def fmt(x, p=4):
    return "   n/a" if x is None else f"{x:+.{p}f}"

for out in sys.argv[1:]:
    name = os.path.basename(out)
    population = name.rsplit("-", 1)[-1]
    with open(os.path.join(out, "summary.json")) as f:
        s = json.load(f)
    base = get(s, "baseline") or "frozen"
    arms = {a["arm"]: a for a in s["arms"]}
    n = s["replicates"]
    by = {a: {m["metric"]: m for m in arms[a]["metrics"]} for a in arms}
    aitl = next(a for a in arms if a != base)
    last_it = len(get(by[aitl]["recall@75"], "curve")) - 1
    print(f"\n== {name}: {aitl} − {base} at the final evaluation (iteration {last_it}), n = {n} replicates, 95% t CI")
    print(f"{'metric':<12} {base:>9} {aitl:>9} {'diff':>9} {'95% CI':>21} {'diff/' + base:>11}")
    fails, unstable = [], []
    for m in METRICS:
        fm = by[base].get(m); am = by[aitl].get(m)
        if not fm or not am:
            print(f"{m:<12} (absent)"); continue
        fmean = get(fm, "end")["mean"]; amean = get(am, "end")["mean"]
        d, lo, hi = estimate(get(am, "versusBaseline", "versus_baseline"))
        rel = d / fmean if fmean else None
        print(f"{m:<12} {fmean:9.4f} {amean:9.4f} {fmt(d)} [{fmt(lo)}, {fmt(hi)}] {fmt(rel * 100 if rel is not None else None, 1):>10}%")
        below = hi is not None and hi < 0
        above = lo is not None and lo > 0
        if population in ("oracle", "mix") and below:
            fails.append(f"{m}: CI entirely below 0 [{lo:+.4f}, {hi:+.4f}]")
        if population == "oracle" and rel is not None and rel < -0.02:
            fails.append(f"{m}: mean {rel * 100:+.1f}% of frozen (limit −2%)")
        if population == "oracle" and m in ("recall@75", "ndcg@10") and not above:
            fails.append(f"{m}: CI not above 0 [{fmt(lo)}, {fmt(hi)}]")
        if population == "zero" and above:
            fails.append(f"{m}: CI entirely above 0 [{lo:+.4f}, {hi:+.4f}]")
    db = sqlite3.connect(f"file:{os.path.join(out, 'run.sqlite')}?mode=ro", uri=True)
    for m in STABLE:
        rows = db.execute("SELECT arm, replicate, iteration, value FROM metrics WHERE metric = ?", (m,)).fetchall()
        last, curve = {}, {}
        for arm, rep, it, v in rows:
            curve.setdefault((arm, rep), {})[it] = v
            if (arm, rep) not in last or it > last[(arm, rep)][0]:
                last[(arm, rep)] = (it, v)
        reps = sorted({rep for _, rep in last})
        ratios = [last[(aitl, r)][1] / last[(base, r)][1] if last[(base, r)][1] else float("nan") for r in reps]
        cells = " ".join(f"{last[(aitl, r)][1]:.4f}/{last[(base, r)][1]:.4f}={q:.3f}" for r, q in zip(reps, ratios))
        print(f"per replicate final {m} {aitl}/{base}: {cells}")
        worst = [min((v / curve[(base, r)][it] if curve[(base, r)].get(it) else float("nan"))
                     for it, v in curve[(aitl, r)].items()) for r in reps]
        print(f"  worst week of each replicate (not a requirement; the final one is): " + " ".join(f"{q:.3f}" for q in worst))
        bad = [f"r{r}:{q:.3f}" for r, q in zip(reps, ratios) if not q >= 0.9]
        if bad:
            unstable.append(f"{m}: replicates below 90% of frozen: {' '.join(bad)}")
    db.close()
    fails += unstable
    print(f"requirements ({population}, incl. stability): " + ("PASS" if not fails else "FAIL"))
    for f_ in fails:
        print(f"  - {f_}")
PY
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "validity-real: flywheel check failed for: ${failed[*]} (details in $real/results/NAME.check.txt)"
  exit 1
fi
