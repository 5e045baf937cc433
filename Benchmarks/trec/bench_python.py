#!/usr/bin/env python3
"""Times ranx and pytrec_eval on a TREC run + qrels: recall@75, P@8, nDCG@10, MRR.

Usage: Benchmarks/.venv/bin/python bench_python.py RUN QRELS [REPEATS=5]
Prints one JSON object: medians in seconds of loading the files and of evaluating in memory, and
the means computed. ranx is timed after one warm-up call, so numba's JIT compilation is excluded
(its first-call time is reported separately). Single thread: NUMBA_NUM_THREADS=1 is set unless the
caller sets it.
"""
import json
import os
import statistics
import sys
import time

os.environ.setdefault("NUMBA_NUM_THREADS", "1")

import pytrec_eval  # noqa: E402
from ranx import Qrels, Run, evaluate  # noqa: E402

run_path, qrels_path = sys.argv[1], sys.argv[2]
repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 5
RANX = ["recall@75", "precision@8", "ndcg@10", "mrr"]
TREC = {"recall.75", "P.8", "ndcg_cut.10", "recip_rank"}
TREC_KEYS = {"recall@75": "recall_75", "precision@8": "P_8", "ndcg@10": "ndcg_cut_10", "mrr": "recip_rank"}


def median_time(fn):
    times = []
    result = None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


out = {"repeats": repeats}
t_load_ranx, (rq, rr) = median_time(lambda: (Qrels.from_file(qrels_path, kind="trec"), Run.from_file(run_path, kind="trec")))
out["ranx_load_s"] = t_load_ranx
t0 = time.perf_counter()
evaluate(rq, rr, RANX)
out["ranx_first_call_s"] = time.perf_counter() - t0
t_ranx, means = median_time(lambda: evaluate(rq, rr, RANX))
out["ranx_evaluate_s"] = t_ranx
out["ranx_means"] = {k: float(v) for k, v in means.items()}


def load_trec():
    with open(qrels_path) as f:
        qrels = pytrec_eval.parse_qrel(f)
    with open(run_path) as f:
        run = pytrec_eval.parse_run(f)
    return qrels, run


t_load_trec, (qrels, run) = median_time(load_trec)
out["pytrec_eval_load_s"] = t_load_trec


def trec():
    per_query = pytrec_eval.RelevanceEvaluator(qrels, TREC).evaluate(run)
    return {k: statistics.fmean(v[key] for v in per_query.values()) for k, key in TREC_KEYS.items()}


t_trec, trec_means = median_time(trec)
out["pytrec_eval_evaluate_s"] = t_trec
out["pytrec_eval_means"] = trec_means
json.dump(out, sys.stdout, indent=1)
print()
