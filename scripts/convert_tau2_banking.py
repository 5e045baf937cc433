#!/usr/bin/env python3
"""Convert tau2-bench's banking_knowledge domain into generic JSONL for `flywheel corpus import`.

Input : DATASET/documents/*.json  {"id", "title", "content"}       -> articles.jsonl
        DATASET/tasks/task_*.json  user_scenario.instructions,
                                   required_documents               -> tickets.jsonl
Output: OUT/articles.jsonl  {"id", "title", "content", "topic"}
        OUT/tickets.jsonl   {"id", "text", "required_documents"}

The instructions are written for a user simulator (persona, goal, facts to reveal only when
asked), so the ticket text is derived, not verbatim:
  1. the scripted opening line when there is one ("Start naturally:" / "Opening:" "…");
  2. then the goal part: the "Your goal:" or "Your situation:" paragraph, or (older task format)
     the paragraph after the role-play preamble; sentences that hold facts to be revealed only
     when asked, verification details or simulator directions are dropped, and second person is
     turned into first person ("You want" -> "I want").
Topic = the product category from the document id (doc_<category>_<product>_NNN).

Python 3 standard library only. Usage:
  python3 scripts/convert_tau2_banking.py $FLYWHEEL_DATASETS/tau2-banking-knowledge /tmp/tau2-jsonl
  flywheel corpus import --articles /tmp/tau2-jsonl/articles.jsonl --article-body content \
      --tickets /tmp/tau2-jsonl/tickets.jsonl --ticket-relevant required_documents \
      --name tau2-banking --license MIT --out corpora/tau2-banking
"""
import glob
import json
import os
import re
import sys

CATEGORIES = [
    "business_savings_accounts", "business_checking_accounts", "business_credit_cards",
    "buy_now_pay_later", "bank_accounts", "credit_cards", "savings_accounts", "checking_accounts",
    "everyone_pay", "personal_subscriptions", "customer_support",
]

# Sentences with any of these are simulator directions or facts for "only when asked".
DROP = re.compile(
    r"unless asked|only mention|do not|don't|never respond|playing the role|date of birth|phone number|"
    r"e-?mail|address|\bdob\b|verification|when asked|if asked|the agent|tool|end the conversation|"
    r"take your business elsewhere|make up any information",
    re.IGNORECASE,
)


def topic_of(doc_id):
    name = doc_id[4:] if doc_id.startswith("doc_") else doc_id
    for c in CATEGORIES:
        if name.startswith(c):
            return c
    return name.split("_")[0]


def first_person(text):
    rules = [
        (r"\bYou're\b", "I'm"), (r"\byou're\b", "I'm"), (r"\bYou are\b", "I am"), (r"\byou are\b", "I am"),
        (r"\bYou've\b", "I've"), (r"\byou've\b", "I've"), (r"\bYou'd\b", "I'd"), (r"\byou'd\b", "I'd"),
        (r"\bYour\b", "My"), (r"\byour\b", "my"), (r"\byourself\b", "myself"),
        (r"\b(to|for|with|give|gives|tell|tells|help|helps|let|lets|ask|asks|allow|allows|offer|offers|recommend|about|show|send|charge|charges|contact|call) you\b", r"\1 me"),
        (r"\bYou\b", "I"), (r"\byou\b", "I"),
    ]
    for pattern, repl in rules:
        text = re.sub(pattern, repl, text)
    return text


def sentences(paragraph):
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", paragraph) if s.strip()]


def goal_part(instructions):
    text = instructions.replace("\r", "")
    for label in ("Your goal", "Your situation"):
        m = re.search(r"\*\*" + label + r":?\*\*:?\s*(.+?)(?:\n\s*\n|\n\*\*|\n#|$)", text, re.S)
        if m:
            return m.group(1).strip()
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    for p in paragraphs:
        if p.lower().startswith("you are playing the role") or p.startswith("**Your character") or p.startswith("#"):
            continue
        return p
    return paragraphs[0] if paragraphs else ""


def opening_line(instructions):
    m = re.search(r"\*\*(?:Start naturally|Opening)[^*]*\*\*:?\s*\"([^\"]+)\"", instructions)
    return m.group(1).strip() if m else None


def ticket_text(instructions):
    goal = " ".join(s for s in sentences(goal_part(instructions).replace("\n", " ")) if not DROP.search(s))
    goal = first_person(re.sub(r"\*\*", "", goal)).strip()
    opening = opening_line(instructions)
    parts = [p for p in (opening, goal) if p]
    return "\n".join(parts) if parts else first_person(instructions[:400])


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: convert_tau2_banking.py DATASET_DIR OUT_DIR")
    src, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    docs = sorted(glob.glob(os.path.join(src, "documents", "*.json")))
    tasks = sorted(glob.glob(os.path.join(src, "tasks", "task_*.json")))
    if not docs or not tasks:
        sys.exit(f"{src}: expected documents/*.json and tasks/task_*.json")
    with open(os.path.join(out, "articles.jsonl"), "w", encoding="utf-8") as f:
        for path in docs:
            with open(path, encoding="utf-8") as d:
                doc = json.load(d)
            row = {"id": doc["id"], "title": doc.get("title", ""), "content": doc["content"], "topic": topic_of(doc["id"])}
            f.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    with open(os.path.join(out, "tickets.jsonl"), "w", encoding="utf-8") as f:
        for path in tasks:
            with open(path, encoding="utf-8") as t:
                task = json.load(t)
            instructions = task["user_scenario"]["instructions"]
            if not isinstance(instructions, str):
                instructions = json.dumps(instructions, ensure_ascii=False)
            row = {"id": task["id"], "text": ticket_text(instructions), "required_documents": task["required_documents"]}
            f.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"wrote {len(docs)} articles and {len(tasks)} tickets to {out}")


if __name__ == "__main__":
    main()
