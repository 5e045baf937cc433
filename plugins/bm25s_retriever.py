#!/usr/bin/env python3
"""A first stage for Flywheel behind the process protocol (docs/protocol.md, versions 1 to 5):
BM25 from bm25s (method="lucene", the builtin's k1 and b, over Flywheel's own analysed
tokens of title + body) plus document expansion learned from agents' relevance marks.

Scores are  BM25(q, d) + strength * BM25(q, expansion(d)),  where expansion(d) is a pseudo
document of the ticket terms marked "relevant" for d more often than the base rate of
"relevant" marks predicts (a term's surplus s = e - p0 * (e + n), with e and n the
time-discounted counts of the term in tickets marked relevant / not relevant for d, p0 the
share of marks that said relevant; half-life forgetting measured in simulated time; at most
`cap` terms per article, each repeated round(s) times). With `expansion.strength: 0` this is
plain BM25 on the builtin's tokens, and lists are ranked exactly as Flywheel ranks them:
positive scores only, ties by article id descending.

Run by Flywheel (`system.retriever.kind: process`); reads requests on stdin, one JSON object a
line, and writes one reply a line on stdout. Diagnostics go to stderr. With version 2 one
process serves a run's jobs one after another: a `reset` drops every model and setting, and is
answered as the hello was, so a job sees a fresh plugin (the import cost is paid once). With
version 4 its retrieve replies are compact lists: article ordinals and the scores' bit patterns.
"""
import json
import operator
import os
import sys
from collections import defaultdict
from datetime import datetime

# one BLAS thread: Flywheel runs a plugin per job, and idle BLAS threads spin on the job's cores
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import bm25s  # noqa: E402  (after the thread setting)
import numpy as np

PROTOCOLS = (1, 2, 3, 4, 5)  # the versions this plugin speaks; 2 adds `reset`, 3 `training`, 4 compact lists, 5 `inputs`
CAPABILITIES = ["hello", "index", "publish", "retrain", "retrieve", "release", "reset", "shutdown"]


def seconds(iso):
    return datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp() if iso else None


class Index:
    """bm25s over token lists, with Flywheel's ranking rule on top."""

    def __init__(self, ids, token_lists, k1, b):
        self.ids = ids
        # each document's place in article-id order, for Flywheel's tie-break (id descending)
        self.id_rank = np.empty(len(ids), dtype=np.int64)
        self.id_rank[sorted(range(len(ids)), key=ids.__getitem__)] = np.arange(len(ids))
        # each list entry's text up to its score, by document: '{"article":"kb-0001","score":'
        self.entry_heads = ['{"article":' + json.dumps(i) + ',"score":' for i in ids]
        self.retriever = None
        if any(token_lists):
            self.retriever = bm25s.BM25(method="lucene", k1=k1, b=b)
            self.retriever.index([t if t else [""] for t in token_lists], show_progress=False)

    def scores(self, token_lists):
        """BM25 scores of every document for each query (rows, float32), and which queries have
        a known term. bm25s's own `get_scores`, for a window at once: the postings of every
        (query, term) pair gathered with NumPy and summed by one `np.add.at`, which adds in
        the order given, so each score is the same float32 sum, term by term in query order,
        that `get_scores` computes one query at a time."""
        n = len(token_lists)
        if self.retriever is None:
            return np.zeros((n, len(self.ids)), dtype=np.float32), np.zeros(n, dtype=bool)
        vocab = self.retriever.vocab_dict
        ids = [[vocab[t] for t in tokens if t in vocab] for tokens in token_lists]
        counts = np.fromiter((len(q) for q in ids), dtype=np.int64, count=n)
        terms = np.fromiter((t for q in ids for t in q), dtype=np.int64, count=int(counts.sum()))
        index = self.retriever.scores
        starts, ends = index["indptr"][terms].astype(np.int64), index["indptr"][terms + 1].astype(np.int64)
        lengths = ends - starts
        # positions of every posting of every (query, term) pair, in that order
        first = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
        positions = first + np.arange(int(lengths.sum()), dtype=np.int64)
        rows = np.repeat(np.repeat(np.arange(n), counts), lengths)
        out = np.zeros((n, len(self.ids)), dtype=index["data"].dtype)
        np.add.at(out, (rows, index["indices"][positions]), index["data"][positions])
        return out, counts > 0


class Model:
    """One numbered model: the published articles and the marks learned so far."""

    def __init__(self, settings, articles, marks, base=None):
        self.settings = settings
        self.articles = articles  # id -> tokens, in publication order
        self.marks = marks  # (time, article, tokens, relevant)
        ids = list(articles)
        k1, b = settings.get("k1", 1.2), settings.get("b", 0.75)
        # the articles' own index changes only with publication: a retrain keeps it
        self.base = base if base is not None else Index(ids, [articles[i] for i in ids], k1, b)
        self.strength = settings.get("expansion", {}).get("strength", 0.0)
        self.expansion = None
        if self.strength > 0 and marks:
            self.expansion = Index(ids, [self.expansion_terms(i) for i in ids], k1, b)

    def expansion_terms(self, article):
        return self._expanded().get(article, [])

    def _expanded(self):
        if hasattr(self, "_cache"):
            return self._cache
        exp = self.settings.get("expansion", {})
        half_life = exp.get("half_life_seconds", 45 * 86400)
        cap = exp.get("cap", 200)
        now = max(t for t, _, _, _ in self.marks)
        yes, no = defaultdict(lambda: defaultdict(float)), defaultdict(lambda: defaultdict(float))
        total_yes = total = 0.0
        for t, article, tokens, relevant in self.marks:
            w = 0.5 ** ((now - t) / half_life)
            total += w
            total_yes += w if relevant else 0
            for term in set(tokens):
                (yes if relevant else no)[article][term] += w
        p0 = total_yes / total if total else 0.0
        out = {}
        for article in self.articles:
            surplus = {}
            for term in set(yes[article]) | set(no[article]):
                e, n = yes[article][term], no[article][term]
                s = e - p0 * (e + n)
                if s >= 0.5:
                    surplus[term] = s
            top = sorted(surplus.items(), key=lambda kv: (-kv[1], kv[0]))[:cap]
            out[article] = [term for term, s in top for _ in range(int(round(s)))]
        self._cache = out
        return out

    def retrieve(self, token_lists, depth, compact=False):
        """The best `depth` articles for each query of a window, as JSON text (one list each):
        entries, or with `compact` (version 4) `{"articles": ordinals, "scores": bit patterns}`,
        an article's ordinal being its place in `self.articles` (index, then publishes)."""
        base, known = self.base.scores(token_lists)
        scores = base.astype(np.float64)
        if self.expansion is not None:
            extra, extra_known = self.expansion.scores(token_lists)
            scores[extra_known] += self.strength * extra[extra_known].astype(np.float64)
        scores32 = scores.astype(np.float32)
        heads = self.base.entry_heads
        # the whole window ranked at once: best first, ties by article id descending, as Flywheel
        # ranks (lexsort's last key is the primary one); positive scores only
        tie = np.broadcast_to(-self.base.id_rank, scores32.shape)
        order = np.lexsort((tie, -scores32), axis=-1)[:, :depth]
        lengths = np.minimum((scores32 > 0).sum(axis=1), depth) * known
        if compact:
            # each score's IEEE 754 bits, most significant hex digit first: the very float64
            bits = np.take_along_axis(scores, order, axis=1).astype(">f8")
            return [
                '{"articles":[' + ",".join(map(str, order[row, :n].tolist())) + '],"scores":"'
                + bits[row, :n].tobytes().hex() + '"}'
                for row, n in enumerate(lengths.tolist())
            ]
        ranked, values = order.tolist(), np.take_along_axis(scores, order, axis=1).tolist()
        out = []
        for row, n in enumerate(lengths.tolist()):
            if n == 0:
                out.append("[]")
                continue
            # '{"article":"ID","score":' + repr(score), joined by "},": C-level loops, no
            # Python frame per entry
            entries = map(operator.add, map(heads.__getitem__, ranked[row][:n]), map(repr, values[row][:n]))
            out.append("[" + "},".join(entries) + "}]")
        return out


def handshake(req, version):
    """The hello's (or a reset's) settings and this plugin's version: the newest both speak
    (a hello without `protocols` comes from a Flywheel that speaks only version 1)."""
    if version is None:
        shared = set(PROTOCOLS) & set(req.get("protocols", [req["protocol"]]))
        if not shared:
            raise ValueError(f"protocols {req.get('protocols', [req['protocol']])} unsupported; this plugin speaks {list(PROTOCOLS)}")
        version = max(shared)
    elif req["protocol"] != version:
        raise ValueError(f"reset names protocol {req['protocol']}, the hello agreed on {version}")
    settings = dict(req["settings"])
    exp = dict(settings.get("expansion", {}))
    exp["half_life_seconds"] = _duration(exp.get("half_life", "45d"))
    settings["expansion"] = exp
    return settings, version


def main():
    settings = {}
    models = {}
    version = None
    out = sys.stdout
    for line in sys.stdin:
        if not line.strip():
            continue
        req = json.loads(line)
        rid, op = req["id"], req["op"]
        reply = {"id": rid, "ok": True}
        try:
            if op in ("hello", "reset"):
                if op == "reset" and (version is None or version < 2):
                    raise ValueError("reset needs protocol version 2 or later, agreed in the hello")
                # a reset drops every model: the next job starts from nothing, as in a new process
                models.clear()
                settings, version = handshake(req, None if op == "hello" else version)
                caps = CAPABILITIES if version >= 2 else [c for c in CAPABILITIES if c != "reset"]
                reply.update(protocol=version, name="bm25s-retriever", capabilities=caps)
                if version >= 3:  # it learns from relevance marks only: spare it the replies
                    reply["training"] = ["relevance"]
                if version >= 5:  # it scores Flywheel's tokens: spare it the text
                    reply["inputs"] = ["tokens", "created_at"]
            elif op == "index":
                models[req["model"]] = Model(settings, {a["id"]: a["tokens"] for a in req["articles"]}, [])
            elif op == "publish":
                src = models[req["from"]]
                articles = dict(src.articles)
                for a in req["articles"]:
                    articles[a["id"]] = a["tokens"]
                models[req["to"]] = Model(settings, articles, src.marks)
            elif op == "retrain":
                src = models[req["from"]]
                batch = req["batch"]
                tickets = {t["id"]: t for t in batch["tickets"]}
                marks = list(src.marks)
                for m in batch["relevance"]:
                    t = tickets[m["ticket"]]
                    marks.append((seconds(t["created_at"]), m["article"], t["tokens"], m["relevant"]))
                models[req["to"]] = Model(settings, src.articles, marks, base=src.base)
            elif op == "retrieve":
                model = models[req["model"]]
                lists = model.retrieve([t["tokens"] for t in req["tickets"]], req["depth"], compact=version >= 4)
                # the lists are JSON already: the reply is written around them
                out.write(f'{{"id":{rid},"ok":true,"results":[{",".join(lists)}]}}\n')
                out.flush()
                continue
            elif op == "release":
                for m in req["models"]:
                    models.pop(m, None)
            elif op == "shutdown":
                out.write(json.dumps(reply) + "\n")
                out.flush()
                return
            else:
                reply = {"id": rid, "error": f"unknown op {op!r}"}
        except KeyError as e:
            reply = {"id": rid, "error": f"{op}: unknown model or missing field {e}"}
        except ValueError as e:
            reply = {"id": rid, "error": f"{op}: {e}"}
        out.write(json.dumps(reply) + "\n")
        out.flush()


def _duration(text):
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
    return int(text[:-1]) * units[text[-1]]


if __name__ == "__main__":
    main()
