"""The bm25s side of the benchmark: same tokens, method="lucene", same k1 and b, numba backend,
single thread; a warm-up call (numba JIT) before the timed passes. Prints a JSON summary and
writes the top-k lists.

    bm25s_side.py DOC_TOKENS QUERY_TOKENS OUT_LISTS [--k 75] [--repeats 5] [--k1 1.2] [--b 0.75]
"""
import argparse
import json
import resource
import time


def rss_mib():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("docs")
    ap.add_argument("queries")
    ap.add_argument("out")
    ap.add_argument("--k", type=int, default=75)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--k1", type=float, default=1.2)
    ap.add_argument("--b", type=float, default=0.75)
    a = ap.parse_args()

    import bm25s
    import numba
    import numpy as np

    numba.set_num_threads(1)
    rss_start = rss_mib()
    docs = [json.loads(l) for l in open(a.docs, encoding="utf-8") if l.strip()]
    queries = [json.loads(l) for l in open(a.queries, encoding="utf-8") if l.strip()]
    rss_loaded = rss_mib()
    ids = [d["id"] for d in docs]

    t0 = time.perf_counter()
    retriever = bm25s.BM25(method="lucene", k1=a.k1, b=a.b, backend="numba")
    retriever.index([d["tokens"] for d in docs], show_progress=False)
    build = time.perf_counter() - t0
    rss_built = rss_mib()

    # bm25s needs at least one known token per query (else it uses its empty token, scoring 0).
    q_tokens = [q["tokens"] for q in queries]
    k = min(a.k, len(docs))

    def run():
        return retriever.retrieve(q_tokens, k=k, n_threads=1, show_progress=False)

    run()  # warm-up: numba compiles here
    passes = []
    cpu = []
    for _ in range(max(a.repeats, 1)):
        t = time.perf_counter()
        c = time.process_time()
        res = run()
        cpu.append(time.process_time() - c)
        passes.append(time.perf_counter() - t)
    passes.sort()
    cpu.sort()
    median = passes[len(passes) // 2]

    with open(a.out, "w") as f:
        for q, row_docs, row_scores in zip(queries, res.documents, res.scores):
            f.write(json.dumps({"id": q["id"], "docs": [ids[i] for i in row_docs],
                                "scores": [float(s) for s in row_scores]}) + "\n")
    print(json.dumps({
        "documents": len(docs), "queries": len(queries), "k": k,
        "build_seconds": build, "pass_seconds": passes,
        "queries_per_second": len(queries) / median,
        "pass_cpu_seconds": cpu, "queries_per_cpu_second": len(queries) / cpu[len(cpu) // 2],
        "rss_start_mib": rss_start, "rss_loaded_mib": rss_loaded, "rss_built_mib": rss_built,
        "index_mib": rss_built - rss_loaded,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "bm25s": bm25s.__version__, "numba": numba.__version__, "numpy": np.__version__,
    }, sort_keys=True))


if __name__ == "__main__":
    main()
