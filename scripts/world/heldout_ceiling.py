#!/usr/bin/env python3
"""P@8 ceiling over the held-out tickets a scenario evaluates: mean of min(8, |relevant|)/8.

Ports Engine.isHeldOut (RandomStream keyed by (seed, "heldout", fnv1a(ticket id))) exactly and
keeps the first `max` held-out tickets within the horizon, like Engine.prepare.
Usage: heldout_ceiling.py CORPUS [horizon_weeks=4] [seed=42] [share=0.05] [max=1000]
Needs the `zstd` command."""
import json, subprocess, sys
from datetime import datetime
M = (1 << 64) - 1
def fnv(s):
    h = 0xCBF29CE484222325
    for b in s.encode():
        h ^= b; h = (h * 0x100000001B3) & M
    return h
def mix(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return z ^ (z >> 31)
def stream(seed, purpose, ids):
    h = mix(seed ^ 0x6A09E667F3BCC908)
    h = mix(h ^ fnv(purpose))
    for i in ids: h = mix(((h + 0x9E3779B97F4A7C15) & M) ^ i)
    return h
def uniform(state):
    state = (state + 0x9E3779B97F4A7C15) & M
    return (mix(state) >> 11) * 2.0**-53
corpus = sys.argv[1]
weeks = float(sys.argv[2]) if len(sys.argv) > 2 else 4
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 42
share = float(sys.argv[4]) if len(sys.argv) > 4 else 0.05
mx = int(sys.argv[5]) if len(sys.argv) > 5 else 1000
p = subprocess.run(["zstd", "-dc", corpus + "/tickets.jsonl.zst"], capture_output=True, check=True, text=True)
first = None; held = []; allc = []
def ts(s): return datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()
for line in p.stdout.splitlines():
    r = json.loads(line)
    t = ts(r["created_at"])
    rel = r["relevant"]
    n = sum(1 for v in rel.values() if v > 0)
    allc.append(min(8, n) / 8)
    if first is None: first = t
    if t >= first + weeks * 7 * 86400: continue
    if len(held) < mx and uniform(stream(seed, "heldout", [fnv(r["id"])])) < share:
        held.append(min(8, n) / 8)
print(json.dumps({"heldout": len(held), "ceiling": sum(held) / len(held), "ceiling_all_tickets": sum(allc) / len(allc)}))
