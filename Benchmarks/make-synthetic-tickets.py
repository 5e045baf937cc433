#!/usr/bin/env python3
"""Write a synthetic support corpus as generic JSONL for the read benchmark, until the
generated default corpus exists: 1,500 articles and 40,000 tickets of realistic size
(ticket text 20-90 words, 1-2 relevant articles, 1-3 nuggets, a reference reply of 30-90 words).
Deterministic (seeded). Python 3 standard library only.

  python3 Benchmarks/make-synthetic-tickets.py OUT_DIR [TICKETS]
"""
import json
import os
import random
import sys

WORDS = (
    "refund booking host guest cancel cancellation policy payout listing review fee service cleaning "
    "deposit reservation check-in checkout calendar message account verify identity payment card "
    "charged twice dates change house apartment room weekend week month night stay trip travel city "
    "support help please urgent thanks question problem issue wrong late missing days business "
    "available area price discount coupon tax invoice receipt email phone password login reset "
    "damage claim insurance rules pets smoking party noise neighbour keys lockbox wifi parking"
).split()


def sentence(rng, lo, hi):
    n = rng.randint(lo, hi)
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def text(rng, words):
    out, n = [], 0
    while n < words:
        s = sentence(rng, 6, 16)
        out.append(s)
        n += s.count(" ") + 1
    return " ".join(out)


def main():
    out = sys.argv[1]
    n_tickets = int(sys.argv[2]) if len(sys.argv) > 2 else 40000
    rng = random.Random(20260105)
    os.makedirs(out, exist_ok=True)
    n_articles = 1500
    with open(os.path.join(out, "articles.jsonl"), "w") as f:
        for i in range(n_articles):
            row = {"id": f"KB-{i:05d}", "title": sentence(rng, 3, 8), "body": text(rng, rng.randint(80, 300)),
                   "topic": f"topic-{i % 24:02d}"}
            f.write(json.dumps(row) + "\n")
    with open(os.path.join(out, "tickets.jsonl"), "w") as f:
        t0 = 1767571200  # 2026-01-05T00:00:00Z
        step = 26 * 7 * 86400 // n_tickets
        for i in range(n_tickets):
            arts = rng.sample(range(n_articles), rng.choice([1, 1, 1, 2]))
            rel = {f"KB-{a:05d}": rng.choice([1, 2, 2, 3]) for a in arts}
            nuggets = [{"text": sentence(rng, 5, 12), "article": f"KB-{rng.choice(arts):05d}"} for _ in range(rng.randint(1, 3))]
            secs = t0 + i * step
            days, rem = divmod(secs, 86400)
            import datetime
            when = (datetime.datetime(1970, 1, 1) + datetime.timedelta(seconds=secs)).strftime("%Y-%m-%dT%H:%M:%SZ")
            row = {"id": f"TK-{i:06d}", "created_at": when, "text": text(rng, rng.randint(20, 90)),
                   "channel": rng.choice(["email", "chat", "phone"]), "locale": "en-US",
                   "relevant": rel, "nuggets": nuggets, "reference_response": text(rng, rng.randint(30, 90))}
            f.write(json.dumps(row) + "\n")
    print(f"wrote {n_articles} articles and {n_tickets} tickets to {out}")


if __name__ == "__main__":
    main()
