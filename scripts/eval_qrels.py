"""Evaluate a TREC run against qrels with pytrec_eval (scripts/eval-qrels.sh).

Usage: eval_qrels.py AGENT_QRELS TRUTH_QRELS RUN
Prints P@8, nDCG@10, recall@75 and MRR of RUN on the tickets both qrels judge, once with the
agents' marks (flywheel export --what qrels) and once with the corpus truth, and how often the
agents' marks agree with the truth. Exits 1 when the agent qrels do not load or judge nothing.
"""
import sys

import pytrec_eval


def load_qrels(path):
    qrels = {}
    with open(path) as f:
        for n, line in enumerate(f, 1):
            parts = line.split()
            if not parts:
                continue
            if len(parts) != 4:
                sys.exit(f"{path}:{n}: expected 'qid 0 docid grade', got {line.strip()!r}")
            qid, _, doc, grade = parts
            qrels.setdefault(qid, {})[doc] = int(grade)
    return qrels


def load_run(path):
    run = {}
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 5:
                run.setdefault(parts[0], {})[parts[2]] = float(parts[4])
    return run


def main():
    agent_path, truth_path, run_path = sys.argv[1:4]
    agent, truth, run = load_qrels(agent_path), load_qrels(truth_path), load_run(run_path)
    common = sorted(q for q in agent if q in run and any(g > 0 for g in agent[q].values()))
    if not common:
        sys.exit(f"{agent_path}: no ticket with a relevant mark is in the run")
    measures = {"P_8", "ndcg_cut_10", "recall_75", "recip_rank"}
    print(f"tickets evaluated: {len(common)} (with a relevant agent mark and in the run)")
    for name, qrels in [("agent marks", agent), ("corpus truth", truth)]:
        sub = {q: qrels.get(q, {}) for q in common}
        scores = pytrec_eval.RelevanceEvaluator(sub, measures).evaluate({q: run[q] for q in common})
        means = {m: sum(s[m] for s in scores.values()) / len(scores) for m in sorted(measures)}
        print(f"{name:>13}: " + "  ".join(f"{m}={v:.4f}" for m, v in means.items()))
    pairs = [(q, d) for q in agent for d in agent[q]]
    agree = sum((agent[q][d] > 0) == (truth.get(q, {}).get(d, 0) > 0) for q, d in pairs)
    print(f"agent marks agreeing with the truth: {agree}/{len(pairs)} = {agree / len(pairs):.3f}")


if __name__ == "__main__":
    main()
