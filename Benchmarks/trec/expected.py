#!/usr/bin/env python3
"""Computes the expected metric values of a TREC run against qrels with pytrec_eval (trec_eval's
own code) and cross-checks them with ranx; writes the JSON the Swift fixture test reads.

Usage (after `bash Benchmarks/setup-python.sh`):
  Benchmarks/.venv/bin/python Benchmarks/trec/expected.py \
      Tests/EvaluationTests/Fixtures/trec/run.txt Tests/EvaluationTests/Fixtures/trec/qrels.txt \
      > Tests/EvaluationTests/Fixtures/trec/expected.json

Output fields:
  per_query           trec_eval's value of every metric for every ticket in run ∩ qrels;
  per_query_missing   the values (all 0) of judged tickets absent from the run, evaluated as an
                      empty ranking (trec_eval -c);
  mean.trec-eval      mean over run ∩ qrels (trec_eval's default "all" line);
  mean.trec-eval-complete  mean over every judged ticket (trec_eval -c);
  mean.with-relevant  mean over judged tickets with a grade >= 1 (Flywheel's default);
  ranx                ranx's per-query values on run ∩ qrels and their largest gap to pytrec_eval.
ranx breaks score ties its own way (not by docid descending) and compares float64 scores, so it is
fed each ranking as trec_eval orders it, with the scores replaced by n, n-1, ..., 1: the check is of
the metric formulas on identical rankings, not of tie-breaking.
"""
import importlib.metadata as md
import json
import sys
import warnings

import numpy as np
import pytrec_eval

# Flywheel name -> pytrec_eval measure request and result key.
METRICS = {
    "recall@5": ("recall.5", "recall_5"),
    "recall@10": ("recall.10", "recall_10"),
    "recall@75": ("recall.75", "recall_75"),
    "precision@5": ("P.5", "P_5"),
    "precision@8": ("P.8", "P_8"),
    "ndcg@3": ("ndcg_cut.3", "ndcg_cut_3"),
    "ndcg@10": ("ndcg_cut.10", "ndcg_cut_10"),
    "mrr": ("recip_rank", "recip_rank"),
}


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read().splitlines()


def parse_qrels(path):
    qrels = {}
    for line in read(path):
        if line.strip():
            q, _, d, g = line.split()
            qrels.setdefault(q, {})[d] = int(g)
    return qrels


def parse_run(path):
    run = {}
    for line in read(path):
        if line.strip():
            q, _, d, _, s, _ = line.split()
            run.setdefault(q, {})[d] = float(s)
    return run


def trec_order(docs):
    """trec_eval's order: float32 score descending, then docid descending by bytes."""
    return sorted(docs.items(), key=lambda kv: (-np.float32(kv[1]), tuple(-b for b in kv[0].encode("utf-8")) + (1,)))


def main():
    run_path, qrels_path = sys.argv[1], sys.argv[2]
    qrels, run = parse_qrels(qrels_path), parse_run(run_path)
    evaluator = pytrec_eval.RelevanceEvaluator(qrels, {m for m, _ in METRICS.values()})
    evaluated = evaluator.evaluate(run)
    per_query = {q: {name: evaluated[q][key] for name, (_, key) in METRICS.items()} for q in sorted(evaluated)}

    missing = sorted(set(qrels) - set(run))
    completed = evaluator.evaluate({**run, **{q: {} for q in missing}})
    per_query_missing = {q: {name: completed[q][key] for name, (_, key) in METRICS.items()} for q in missing}

    def mean(tickets, table):
        return {name: float(np.mean([table[q][name] for q in tickets])) for name in METRICS}

    everything = {**per_query, **per_query_missing}
    with_relevant = sorted(q for q in qrels if any(g >= 1 for g in qrels[q].values()))
    means = {
        "trec-eval": mean(sorted(per_query), per_query),
        "trec-eval-complete": mean(sorted(everything), everything),
        "with-relevant": mean(with_relevant, everything),
    }

    # Cross-check with ranx on run ∩ qrels.
    from ranx import Qrels, Run, evaluate
    common = sorted(per_query)
    ranx_run = Run({q: {d: float(len(run[q]) - i) for i, (d, _) in enumerate(trec_order(run[q]))}
                    for q in common})
    ranx_qrels = Qrels({q: qrels[q] for q in common})
    ranx_names = {"recall@5": "recall@5", "recall@10": "recall@10", "recall@75": "recall@75",
                  "precision@5": "precision@5", "precision@8": "precision@8",
                  "ndcg@3": "ndcg@3", "ndcg@10": "ndcg@10", "mrr": "mrr"}
    ranx_values, gap = {}, 0.0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # ranx warns on recall of tickets without relevant docs
        for name, rname in ranx_names.items():
            vals = evaluate(ranx_qrels, ranx_run, rname, return_mean=False)
            ranx_values[name] = dict(zip(common, map(float, vals)))
            gap = max(gap, max(abs(ranx_values[name][q] - per_query[q][name]) for q in common))

    versions = {}
    for dist in ("pytrec_eval-terrier", "pytrec_eval", "ranx", "numpy", "numba"):
        try:
            versions[dist] = md.version(dist)
        except md.PackageNotFoundError:
            pass
    json.dump({
        "produced_by": "Benchmarks/trec/expected.py",
        "versions": versions,
        "metrics": {name: key for name, (_, key) in METRICS.items()},
        "per_query": per_query,
        "per_query_missing": per_query_missing,
        "mean": means,
        "ranx": {"max_abs_gap_to_pytrec_eval": gap},
    }, sys.stdout, indent=1, sort_keys=True, ensure_ascii=False)
    sys.stdout.write("\n")
    print(f"ranx vs pytrec_eval: max |gap| = {gap:.3g} over {len(common)} tickets", file=sys.stderr)


if __name__ == "__main__":
    main()
