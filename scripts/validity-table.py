#!/usr/bin/env python3
"""Print the validity table of a run: per arm, the final paired difference to the baseline arm
with its 95% t interval over replicates (n stated), for the six headline metrics.

Usage: python3 scripts/validity-table.py results/validity/controls-ci-small [more result folders]
Reads each folder's summary.json (written by `flywheel run` / `flywheel check`). Standard library only.
"""
import json
import sys

METRICS = ["recall@75", "precision@8", "ndcg@10", "mrr", "helpfulness", "adoption"]
ORDER = ["oracle", "skill-75", "skill-50", "skill-25", "zero-skill", "shuffled", "silent"]


def cell(e):
    if e is None:
        return "–"
    lo, hi = e.get("lower"), e.get("upper")
    ci = f" [{lo:+.4f}, {hi:+.4f}]" if lo is not None and hi is not None else ""
    return f"{e['mean']:+.4f}{ci}{'*' if e.get('clipped') else ''}"


def main():
    for folder in sys.argv[1:]:
        s = json.load(open(f"{folder}/summary.json"))
        print(f"\n**{s['run']}** — vs `{s['baseline']}`, final iteration, n = {s['replicates']} replicates\n")
        print("| arm | " + " | ".join(METRICS) + " |")
        print("|---|" + "---:|" * len(METRICS))
        arms = {a["arm"]: a for a in s["arms"] if a["arm"] != s["baseline"]}
        for name in sorted(arms, key=lambda a: (ORDER.index(a) if a in ORDER else 99, a)):
            by = {m["metric"]: m for m in arms[name]["metrics"]}
            print(f"| {name} | " + " | ".join(cell(by.get(m, {}).get("versusBaseline")) for m in METRICS) + " |")


if __name__ == "__main__":
    main()
