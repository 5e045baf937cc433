"""A tiny reranker and generator for ProcessStagesTests: reranks by reversing the candidates
(so the effect is visible), generates reply A from the first sentence of the first article and
B from the first sentence of the last, picks a tone from the seed, and checks the models it is
asked to use exist. Speaks protocol versions 1 and 2 and exits with status 4 when a request's id
is not the next of its session (ids start at 1 again after a reset).

Arguments (PluginReuseTests): `v1` speaks version 1 only; `leak` keeps its models and a count of
sessions across a reset and stops reversing after the first session (a plugin that breaks the
reset contract); `bad-reset` answers a reset with fewer capabilities than its hello."""
import json
import sys

CAPABILITIES = ["hello", "index", "publish", "retrain", "rerank", "generate", "release", "reset", "shutdown"]
modes = set(sys.argv[1:])
models, released, version, sessions, expected = {0}, [], None, 0, 1
for line in sys.stdin:
    req = json.loads(line)
    reply = {"id": req["id"], "ok": True}
    op = req["op"]
    if op == "reset":
        expected = 1
    if req["id"] != expected:
        print(f"echo: request id {req['id']}, expected {expected}", file=sys.stderr, flush=True)
        sys.exit(4)
    expected += 1
    if op == "hello":
        version = 1 if "v1" in modes else max({1, 2} & set(req.get("protocols", [1])))
        caps = CAPABILITIES if version == 2 else [c for c in CAPABILITIES if c != "reset"]
        reply.update(protocol=version, name="echo", capabilities=caps)
        sessions = 1
    elif op == "reset":
        assert version == 2 and req["protocol"] == 2, req
        sessions += 1
        if "leak" not in modes:
            models, released = {0}, []
        caps = CAPABILITIES if "bad-reset" not in modes else [c for c in CAPABILITIES if c != "publish"]
        reply.update(protocol=version, name="echo", capabilities=caps)
    elif op == "index":
        models.add(req["model"])
    elif op in ("publish", "retrain"):
        assert req["from"] in models, req
        models.add(req["to"])
    elif op == "rerank":
        assert req["model"] in models
        flip = sessions == 1 or "leak" not in modes
        reply["results"] = [(list(reversed(c)) if flip else c)[: req["depth"]] for c in (i["candidates"] for i in req["items"])]
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
