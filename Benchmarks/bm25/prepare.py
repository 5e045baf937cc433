"""Writes the plain-text inputs of the bm25s side-by-side benchmark.

    prepare.py bank   DATASET_DIR OUT_DIR   # tau2-bench banking_knowledge: documents/*.json, tasks/*.json
    prepare.py corpus CORPUS_DIR  OUT_DIR   # a Flywheel corpus: articles.jsonl[.zst], tickets.jsonl[.zst]

OUT_DIR gets articles.jsonl ({"id","title","body"}) and queries.jsonl ({"id","text"}); run.sh
then turns both into tokens with `flywheel analyze --json`, so Flywheel and bm25s index exactly
the same tokens.

Bank ticket text: a task's user_scenario.instructions with the role-play boilerplate removed:
the text is cut into sentences (after . ! or ? followed by white space, and at line breaks) and
sentences that occur verbatim in 5 or more tasks are dropped; the same rule as the Swift
learning test (BankKnowledgeBase.swift).
"""
import glob
import json
import os
import re
import subprocess
import sys
from collections import Counter


def bank_ticket_texts(dataset):
    tasks = [json.load(open(p)) for p in sorted(glob.glob(os.path.join(dataset, "tasks", "task_*.json")))]
    pieces = lambda t: [p.strip() for p in re.split(r"(?<=[.!?])\s+|\n+", t["user_scenario"]["instructions"]) if p.strip()]
    counts = Counter(p for t in tasks for p in set(pieces(t)))
    return [(t["id"], " ".join(p for p in pieces(t) if counts[p] < 5)) for t in tasks]


def read_jsonl(path):
    if os.path.exists(path):
        data = open(path, "rb").read()
    else:
        data = subprocess.run(["zstd", "-dc", path + ".zst"], check=True, capture_output=True).stdout
    return [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()]


def main():
    kind, source, out = sys.argv[1:4]
    os.makedirs(out, exist_ok=True)
    if kind == "bank":
        docs = [json.load(open(p)) for p in sorted(glob.glob(os.path.join(source, "documents", "*.json")))]
        articles = [{"id": d["id"], "title": d["title"], "body": d["content"]} for d in docs]
        queries = [{"id": i, "text": t} for i, t in bank_ticket_texts(source)]
    else:
        articles = [{"id": a["id"], "title": a["title"], "body": a["body"]} for a in read_jsonl(os.path.join(source, "articles.jsonl"))]
        queries = [{"id": t["id"], "text": t["text"]} for t in read_jsonl(os.path.join(source, "tickets.jsonl"))]
    for name, rows in (("articles.jsonl", articles), ("queries.jsonl", queries)):
        with open(os.path.join(out, name), "w") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{out}: {len(articles)} articles, {len(queries)} queries")


if __name__ == "__main__":
    main()
