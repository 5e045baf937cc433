#!/usr/bin/env python3
"""Writes a large synthetic TREC run + qrels for the evaluation-speed benchmark.

Deterministic (random.Random(seed)); standard library only.
Usage: python3 make_large.py OUT_DIR [QUERIES=10000] [DEPTH=100]
Each query: DEPTH retrieved documents out of a pool of 5,000, scores rounded to 2 decimals (so
ties occur), 5-20 judged documents with grades 0-3 of which about half are retrieved.
"""
import os
import random
import sys

out = sys.argv[1]
queries = int(sys.argv[2]) if len(sys.argv) > 2 else 10_000
depth = int(sys.argv[3]) if len(sys.argv) > 3 else 100
rng = random.Random(7)
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "run.txt"), "w") as run, open(os.path.join(out, "qrels.txt"), "w") as qrels:
    for q in range(queries):
        qid = f"q{q}"
        docs = rng.sample(range(5000), depth)
        judged = set(rng.sample(docs, rng.randint(2, 10))) | set(rng.sample(range(5000), rng.randint(3, 10)))
        for d in sorted(judged):
            qrels.write(f"{qid} 0 doc{d} {rng.choice((0, 1, 1, 2, 3))}\n")
        scores = sorted((round(rng.uniform(0, 30), 2) for _ in docs), reverse=True)
        for rank, (d, s) in enumerate(zip(docs, scores), start=1):
            run.write(f"{qid} Q0 doc{d} {rank} {s!r} synth\n")
print(f"{queries} queries x {depth} -> {out}")
