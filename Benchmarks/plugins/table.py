"""Final-evaluation table from several runs' metrics.csv: per system, frozen and aitl means over
replicates (t 95% CI), the paired aitl - frozen difference, and each system's frozen arm
minus the first system's frozen arm, paired by replicate."""
import csv, sys, math, statistics as st
T = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 9: 2.262}
metrics = ["recall@75", "precision@8", "ndcg@10", "helpfulness", "adoption"]
def load(path):
    rows = list(csv.DictReader(open(path)))
    last = max(int(r["iteration"]) for r in rows)
    v = {}
    for r in rows:
        if int(r["iteration"]) == last and r["metric"] in metrics:
            v[(r["arm"], int(r["replicate"]), r["metric"])] = float(r["value"])
    return v, last
def ci(xs):
    m = st.mean(xs)
    if len(xs) < 2: return m, float("nan")
    return m, T[len(xs) - 1] * st.stdev(xs) / math.sqrt(len(xs))
runs = [(a.split("=")[0], load(a.split("=")[1])) for a in sys.argv[1:]]
ref = runs[0][1][0]
print("| first stage | metric | frozen | aitl | aitl − frozen (paired) | frozen − builtin frozen (paired) |")
print("| --- | --- | ---: | ---: | ---: | ---: |")
for name, (v, last) in runs:
    reps = sorted({k[1] for k in v})
    for m in metrics:
        fz = [v[("frozen", r, m)] for r in reps]; ai = [v[("aitl", r, m)] for r in reps]
        d = [a - f for a, f in zip(ai, fz)]
        x = [v[("frozen", r, m)] - ref[("frozen", r, m)] for r in reps] if v is not ref else None
        f = lambda p: f"{p[0]:.3f} ± {p[1]:.3f}"
        g = lambda p: f"{p[0]:+.3f} [{p[0]-p[1]:+.3f}, {p[0]+p[1]:+.3f}]"
        print(f"| {name} | {m} | {f(ci(fz))} | {f(ci(ai))} | {g(ci(d))} | {g(ci(x)) if x else '—'} |")
print(f"\n(n = {len(reps)} replicates; final evaluation, iteration {last}; ± and [ ] are t 95% intervals)")
