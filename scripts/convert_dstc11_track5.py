#!/usr/bin/env python3
"""Convert the DSTC11 Track 5 validation split into generic JSONL for `flywheel corpus import`.

Input : DATASET/knowledge.json            domain -> entity -> faqs / reviews
        DATASET/val/logs.json, labels.json  dialogues and their labels (same order)
Output: OUT/articles.jsonl  {"id", "title", "body", "topic"}
        OUT/tickets.jsonl   {"id", "text", "relevant", "nuggets", "reference_response"}

Articles: one per FAQ and one per review (not one per entity's reviews). The gold knowledge cites
single review sentences of single reviews, usually from several reviews of one entity; one
article per review keeps the judgments at the grain the labels were made at (recall then asks for
the right reviews, not just the right hotel), while one article per entity would hold ~10 reviews
and make every ticket about that entity trivially "relevant" to one huge article.
Ids: `<domain>-<entity>-faq-<doc>` and `<domain>-<entity>-review-<doc>`; topic `<domain>-faq` or
`<domain>-review`.

Tickets: the instances with `target: true` (the user turn needs knowledge). The last user turn
alone often does not name the place ("Are their bathrooms clean?" after the system named Hobsons
House), so the text is the last three turns (user, system, user), oldest first, one per line.
relevant = the distinct FAQ/review articles of the gold knowledge (grade 1); nuggets = the cited
FAQ answers or review sentences with their article; reference_response = the human response.

Python 3 standard library only. Usage:
  python3 scripts/convert_dstc11_track5.py ../shared/datasets/dstc11-track5-val /tmp/dstc-jsonl
  flywheel corpus import --articles /tmp/dstc-jsonl/articles.jsonl --tickets /tmp/dstc-jsonl/tickets.jsonl \
      --ticket-nuggets nuggets --ticket-reference reference_response \
      --name dstc11-track5-val --license CDLA-Sharing-1.0 --out corpora/dstc11-val
"""
import json
import os
import sys

CONTEXT_TURNS = 3


def article_id(domain, entity, doc_type, doc):
    return f"{domain}-{entity}-{doc_type}-{doc}"


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: convert_dstc11_track5.py DATASET_DIR OUT_DIR")
    src, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(src, "knowledge.json"), encoding="utf-8") as f:
        kb = json.load(f)
    with open(os.path.join(src, "val", "logs.json"), encoding="utf-8") as f:
        logs = json.load(f)
    with open(os.path.join(src, "val", "labels.json"), encoding="utf-8") as f:
        labels = json.load(f)
    if len(logs) != len(labels):
        sys.exit(f"{src}/val: {len(logs)} logs but {len(labels)} labels")

    n_articles = 0
    with open(os.path.join(out, "articles.jsonl"), "w", encoding="utf-8") as f:
        for domain in sorted(kb):
            for entity in sorted(kb[domain], key=int):
                e = kb[domain][entity]
                name = (e.get("name") or f"{domain} {entity}").title()
                for doc in sorted(e.get("faqs", {}), key=int):
                    faq = e["faqs"][doc]
                    row = {"id": article_id(domain, entity, "faq", doc), "title": f"{name}: {faq['question']}",
                           "body": f"{faq['question']}\n{faq['answer']}", "topic": f"{domain}-faq"}
                    f.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
                    n_articles += 1
                for doc in sorted(e.get("reviews", {}), key=int):
                    review = e["reviews"][doc]
                    sents = review.get("sentences", {})
                    body = " ".join(sents[k] for k in sorted(sents, key=int))
                    who = review.get("traveler_type")
                    row = {"id": article_id(domain, entity, "review", doc),
                           "title": f"Review of {name}" + (f" ({who})" if who else ""),
                           "body": body, "topic": f"{domain}-review"}
                    f.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
                    n_articles += 1

    n_tickets = 0
    with open(os.path.join(out, "tickets.jsonl"), "w", encoding="utf-8") as f:
        for i, (log, label) in enumerate(zip(logs, labels)):
            if not label.get("target"):
                continue
            text = "\n".join(turn["text"] for turn in log[-CONTEXT_TURNS:])
            relevant, nuggets = {}, []
            for k in label.get("knowledge", []):
                domain, entity, doc_type, doc = k["domain"], str(k["entity_id"]), k["doc_type"], str(k["doc_id"])
                aid = article_id(domain, entity, doc_type, doc)
                relevant[aid] = 1
                e = kb[domain][entity]
                if doc_type == "faq":
                    nugget = e["faqs"][doc]["answer"]
                else:
                    nugget = e["reviews"][doc]["sentences"][str(k["sent_id"])]
                nuggets.append({"text": nugget, "article": aid})
            row = {"id": f"dstc11-val-{i:04d}", "text": text, "relevant": relevant, "nuggets": nuggets,
                   "reference_response": label.get("response")}
            f.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
            n_tickets += 1
    print(f"wrote {n_articles} articles and {n_tickets} tickets to {out}")


if __name__ == "__main__":
    main()
