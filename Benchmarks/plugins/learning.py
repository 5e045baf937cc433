"""Paired final-evaluation table of two runs of the same scenario and seeds that differ in one
setting: per metric, each run's mean over replicates (t 95% CI) and the difference LEARN - STILL
paired by (arm, replicate), with its t 95% interval and n.

    python3 learning.py LEARN/metrics.csv STILL/metrics.csv"""
import csv, math, statistics as st, sys

T95 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262}
METRICS = ["recall@75", "precision@8", "ndcg@10", "helpfulness", "adoption"]


def final(path):
    rows = list(csv.DictReader(open(path)))
    last = max(int(r["iteration"]) for r in rows)
    return last, {(r["arm"], int(r["replicate"]), r["metric"]): float(r["value"])
                  for r in rows if int(r["iteration"]) == last and r["metric"] in METRICS}


def interval(xs):
    m = st.mean(xs)
    return m, (T95[len(xs) - 1] * st.stdev(xs) / math.sqrt(len(xs)) if len(xs) > 1 else float("nan"))


(last_a, a), (last_b, b) = final(sys.argv[1]), final(sys.argv[2])
if last_a != last_b:
    sys.exit(f"learning.py: final iterations differ ({last_a} vs {last_b})")
keys = sorted({(arm, rep) for arm, rep, _ in a} & {(arm, rep) for arm, rep, _ in b})
print("| metric | strength 0.5 | strength 0 | 0.5 − 0 (paired) |")
print("| --- | ---: | ---: | ---: |")
for m in METRICS:
    xa = [a[(arm, rep, m)] for arm, rep in keys]
    xb = [b[(arm, rep, m)] for arm, rep in keys]
    d = interval([p - q for p, q in zip(xa, xb)])
    ma, mb = interval(xa), interval(xb)
    print(f"| {m} | {ma[0]:.3f} ± {ma[1]:.3f} | {mb[0]:.3f} ± {mb[1]:.3f} "
          f"| {d[0]:+.3f} [{d[0] - d[1]:+.3f}, {d[0] + d[1]:+.3f}] |")
print(f"\n(n = {len(keys)} paired (arm, replicate) jobs; final evaluation, iteration {last_a}; "
      "± and [ ] are t 95% intervals)")
