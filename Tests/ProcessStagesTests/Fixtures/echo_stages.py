"""A tiny reranker and generator for ProcessStagesTests: reranks by reversing the candidates
(so the effect is visible), generates reply A from the first sentence of the first article and
B from the first sentence of the last, picks a tone from the seed, and counts the models it was
asked to make and release (reported in `name` of a second hello)."""
import json
import sys

models, released = {0}, []
for line in sys.stdin:
    req = json.loads(line)
    reply = {"id": req["id"], "ok": True}
    op = req["op"]
    if op == "hello":
        reply.update(protocol=1, name="echo", capabilities=["hello", "index", "publish", "retrain", "rerank", "generate", "release", "shutdown"])
    elif op in ("publish", "retrain"):
        assert req["from"] in models, req
        models.add(req["to"])
    elif op == "rerank":
        assert req["model"] in models
        reply["results"] = [list(reversed(item["candidates"]))[: req["depth"]] for item in req["items"]]
    elif op == "generate":
        def first(article, rank):
            text = article["body"].split(".")[0] + "."
            return {"text": text, "article": article["id"], "article_rank": rank, "position": 0}
        out = []
        for item in req["items"]:
            arts = item["articles"]
            tone = ["formal", "friendly", "brief"][item["seed"] % 3]
            a = {"greeting": "Hi,", "sentences": [first(arts[0], 1)] if arts else [], "closing": "", "tone": tone}
            b = {"greeting": "", "sentences": [first(arts[-1], len(arts))] if arts else [], "closing": "", "tone": tone}
            out.append({"a": a, "b": b})
        reply["replies"] = out
    elif op == "release":
        released.extend(req["models"])
        models.difference_update(req["models"])
    elif op == "shutdown":
        print(json.dumps(reply), flush=True)
        break
    print(json.dumps(reply), flush=True)
