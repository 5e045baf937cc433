#!/usr/bin/env python3
"""Convert the DSTC11 Track 5 validation split into generic JSONL for `flywheel corpus import`.

Input : DATASET/knowledge.json            domain -> entity -> faqs / reviews
        DATASET/val/logs.json, labels.json  dialogues and their labels (same order)
Output: OUT/articles.jsonl  {"id", "title", "body", "topic"}
        OUT/tickets.jsonl   {"id", "created_at", "text", "relevant", "nuggets", "reference_response"}

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
Graded relevance: the articles the gold knowledge cites (the FAQ or the review holding a cited
sentence) get grade 2; every other FAQ and review article of the same entity (or entities, when a
turn compares places) gets grade 1: it is about the right place but not the cited fact. All other
articles are unjudged (0). nuggets = the cited FAQ answers or review sentences with their article;
reference_response = the human response.

Time: the validation split lists instances in dialogue order, so `created_at` keeps it: instance i
of N (all instances, targets or not) is at START + i/N * SPAN, START 2026-01-05T00:00:00Z and SPAN
23 weeks by default (`--start`, `--weeks`), so a weekly loop has 23 windows. Import with
`--ticket-created-at created_at` (without it the importer synthesises hourly times instead).

Python 3 standard library only. Usage:
  python3 scripts/convert_dstc11_track5.py $FLYWHEEL_DATASETS/dstc11-track5-val /tmp/dstc-jsonl
  flywheel corpus import --articles /tmp/dstc-jsonl/articles.jsonl --tickets /tmp/dstc-jsonl/tickets.jsonl \
      --ticket-created-at created_at --ticket-nuggets nuggets --ticket-reference reference_response \
      --name dstc11-track5-val --license CDLA-Sharing-1.0 --out corpora/dstc11-val
"""
import argparse
import datetime
import json
import os
import sys

CONTEXT_TURNS = 3
CITED_GRADE = 2        # the article holding a cited FAQ answer or review sentence
SAME_ENTITY_GRADE = 1  # any other FAQ/review of an entity the gold knowledge is about


def article_id(domain, entity, doc_type, doc):
    return f"{domain}-{entity}-{doc_type}-{doc}"


def main():
    ap = argparse.ArgumentParser(description="DSTC11 track 5 validation split -> JSONL for flywheel corpus import")
    ap.add_argument("dataset")
    ap.add_argument("out")
    ap.add_argument("--start", default="2026-01-05T00:00:00Z", help="created_at of the first instance (ISO-8601, UTC)")
    ap.add_argument("--weeks", type=float, default=23, help="span the instances are spread over, in weeks")
    args = ap.parse_args()
    src, out = args.dataset, args.out
    start = datetime.datetime.strptime(args.start, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)
    span = args.weeks * 7 * 86400
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
    entity_articles = {}  # (domain, entity) -> every FAQ and review article id
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
                    entity_articles.setdefault((domain, entity), []).append(row["id"])
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
                    entity_articles.setdefault((domain, entity), []).append(row["id"])
                    n_articles += 1

    n_tickets, n_cited, n_same = 0, 0, 0
    with open(os.path.join(out, "tickets.jsonl"), "w", encoding="utf-8") as f:
        for i, (log, label) in enumerate(zip(logs, labels)):
            if not label.get("target"):
                continue
            text = "\n".join(turn["text"] for turn in log[-CONTEXT_TURNS:])
            relevant, nuggets, entities = {}, [], []
            for k in label.get("knowledge", []):
                domain, entity, doc_type, doc = k["domain"], str(k["entity_id"]), k["doc_type"], str(k["doc_id"])
                aid = article_id(domain, entity, doc_type, doc)
                relevant[aid] = CITED_GRADE
                if (domain, entity) not in entities:
                    entities.append((domain, entity))
                e = kb[domain][entity]
                if doc_type == "faq":
                    nugget = e["faqs"][doc]["answer"]
                else:
                    nugget = e["reviews"][doc]["sentences"][str(k["sent_id"])]
                nuggets.append({"text": nugget, "article": aid})
            n_cited += len(relevant)
            for key in entities:
                for aid in entity_articles.get(key, []):
                    if aid not in relevant:
                        relevant[aid] = SAME_ENTITY_GRADE
                        n_same += 1
            created = start + datetime.timedelta(seconds=round(span * i / len(logs)))
            row = {"id": f"dstc11-val-{i:04d}", "created_at": created.strftime("%Y-%m-%dT%H:%M:%SZ"), "text": text,
                   "relevant": relevant, "nuggets": nuggets, "reference_response": label.get("response")}
            f.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
            n_tickets += 1
    print(f"wrote {n_articles} articles and {n_tickets} tickets to {out} "
          f"({n_cited} cited judgments at grade {CITED_GRADE}, {n_same} same-entity at grade {SAME_ENTITY_GRADE})")


if __name__ == "__main__":
    main()
