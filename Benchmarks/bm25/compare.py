"""Share of queries whose top-k lists agree up to ties, Flywheel vs bm25s.

Two lists agree when, after dropping zero-score entries (bm25s pads with non-matching
documents), they have the same length, the same score at every rank, and every document has the
same score in both lists; a document in one list only must score the same as the other list's
last entry (a tie run cut by the depth). So the lists hold the same (document, score) pairs and
differ at most in the order of equal scores. Scores are equal when they differ by at most 1e-5
relative (float32 sums in a different order); each document is compared on its own, so near-ties
never chain. Flywheel's scores include Lucene's older (k1 + 1) factor, bm25s's do
not, so Flywheel's are divided by k1 + 1 before comparing values.

    compare.py FLYWHEEL_LISTS BM25S_LISTS [--k1 1.2]
"""
import argparse
import json


def load(path):
    return {r["id"]: r for r in (json.loads(l) for l in open(path) if l.strip())}


def close(a, b):
    return abs(a - b) <= 1e-5 * max(1.0, abs(a), abs(b))


def agree(a, b):
    da, sa = a
    db, sb = b
    if len(da) != len(db):
        return False
    if not all(close(x, y) for x, y in zip(sa, sb)):
        return False
    if not da:
        return True
    score_a, score_b = dict(zip(da, sa)), dict(zip(db, sb))
    for doc, score in score_a.items():
        other = score_b.get(doc, sb[-1])  # absent: it must tie with the cut at the depth
        if not close(score, other):
            return False
    for doc, score in score_b.items():
        if doc not in score_a and not close(score, sa[-1]):
            return False
    return True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("flywheel")
    ap.add_argument("bm25s")
    ap.add_argument("--k1", type=float, default=1.2)
    a = ap.parse_args()
    fw, bs = load(a.flywheel), load(a.bm25s)
    same = 0
    max_diff = 0.0
    for qid, row in fw.items():
        f_docs, f_scores = row["docs"], [s / (a.k1 + 1) for s in row["scores"]]
        b = bs[qid]
        keep = [i for i, s in enumerate(b["scores"]) if s > 0]
        b_docs, b_scores = [b["docs"][i] for i in keep], [b["scores"][i] for i in keep]
        for x, y in zip(f_scores, b_scores):
            max_diff = max(max_diff, abs(x - y))
        if agree((f_docs, f_scores), (b_docs, b_scores)):
            same += 1
    print(json.dumps({"queries": len(fw), "agree": same, "share": same / max(len(fw), 1),
                      "max_abs_score_difference": max_diff}))


if __name__ == "__main__":
    main()
