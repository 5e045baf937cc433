#!/usr/bin/env python3
"""Writes the small TREC run + qrels fixture of Tests/EvaluationTests/Fixtures/trec/.

Deterministic (random.Random(20261127)); standard library only. The fixture is built to exercise
trec_eval's corner cases:
  * score ties (scores drawn from a few values, one ticket with all scores equal), so the
    docid-descending tie-break decides ranks;
  * near-ties below single precision (x and x + 1e-10 tie in trec_eval, which stores float) and
    just above it (x and x + 1e-6 do not);
  * unjudged retrieved documents, judged-non-relevant documents, graded relevance 1-3;
  * rankings shorter than every cutoff, and rankings of 100 documents;
  * a ticket whose judgments are all 0, tickets judged but absent from the run, tickets in the run
    but not judged;
  * document ids whose byte order differs from numeric order ("d10" < "d9") or case ("D5"),
    and one non-ASCII id (UTF-8 bytes sort after ASCII in strcmp);
  * a rank column that disagrees with the scores (trec_eval ignores it).

Usage: python3 Benchmarks/trec/make_fixture.py Tests/EvaluationTests/Fixtures/trec
"""
import os
import random
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "Tests/EvaluationTests/Fixtures/trec"
rng = random.Random(20261127)
pool = [f"d{i}" for i in range(1, 81)] + ["D5", "d-\u00e9t\u00e9", "d0"]

qrels_lines = []
run_lines = []
judged_tickets = [f"T{i}" for i in range(1, 35)]  # T33, T34: judged, not in the run
for q in judged_tickets:
    docs = rng.sample(pool, rng.randint(2, 12))
    for d in docs:
        grade = 0 if q == "T5" else rng.choice([0, 0, 1, 1, 1, 2, 3])
        qrels_lines.append(f"{q} 0 {d} {grade}")

run_tickets = [q for q in judged_tickets if q not in ("T33", "T34")] + ["R1", "R2"]
for n, q in enumerate(run_tickets):
    judged = [l.split()[2] for l in qrels_lines if l.split()[0] == q]
    length = rng.choice([1, 3, 5, 7, 12, 40, 100, 100])
    if q == "T2":
        length = 2
    # Mix judged documents into a sample of the pool.
    docs = list(dict.fromkeys(rng.sample(judged, k=min(len(judged), rng.randint(0, len(judged)))) +
                              rng.sample(pool, k=min(len(pool), length))))[:length]
    if q == "T7":
        scores = [3.5] * len(docs)  # every document tied
    else:
        levels = [round(rng.uniform(-2, 20), 1) for _ in range(4)]
        scores = [rng.choice(levels) for _ in docs]
    if len(docs) >= 4 and q in ("T3", "T9", "T11"):
        scores[1] = scores[0] + 1e-10   # ties with scores[0] in single precision
        scores[3] = scores[2] + 1e-6    # does not (for scores of this size)
    rows = list(zip(docs, scores))
    rng.shuffle(rows)
    for rank, (d, s) in enumerate(rows, start=1):
        run_lines.append(f"{q} Q0 {d} {rank} {s!r} fixture")

os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "qrels.txt"), "w", encoding="utf-8") as f:
    f.write("\n".join(qrels_lines) + "\n")
with open(os.path.join(out, "run.txt"), "w", encoding="utf-8") as f:
    f.write("\n".join(run_lines) + "\n")
print(f"{len(qrels_lines)} judgments, {len(run_lines)} run lines -> {out}")
