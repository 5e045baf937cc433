#!/usr/bin/env bash
# The process boundary's cost for two binaries in one sitting: for each of REPEATS rounds, the
# old binary's builtin and served-builtin legs, then the new one's (the two legs of boundary.sh:
# process-retriever-ci.yaml with the builtin first stage, and with `<binary> plugin serve
# retriever` behind the protocol; each binary serves its own plugin), plus the bm25s leg for
# both when .venv-plugins exists. Medians of user + sys incl. the plugin (/usr/bin/time), each
# binary against its own builtin leg, and whether every metrics.csv is the same.
#
#   bash Benchmarks/plugins/boundary-ab.sh OLD_BINARY [REPEATS] [NEW_BINARY]
#       # NEW_BINARY: this checkout's release build by default; copy both first if you rebuild
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
old="${1:?usage: boundary-ab.sh OLD_BINARY [REPEATS] [NEW_BINARY]}"
repeats="${2:-5}"
new="${3:-$(swift build -c release --show-bin-path)/flywheel}"
out="Benchmarks/out/plugins-ab"
process=scenarios/examples/process-retriever-ci.yaml
legs=(builtin swift)
[[ -x .venv-plugins/bin/python ]] && legs+=(bm25s)
absolute=(-e "s|\.\./\.\./|$root/|g" -e "s|^personas: \.\./personas|personas: $root/scenarios/personas|")
for v in old new; do
    bin="$old"
    [[ $v == new ]] && bin="$new"
    mkdir -p "$out/$v-builtin" "$out/$v-swift" "$out/$v-bm25s"
    # one file name (run.yaml) everywhere, so the metrics.csv files compare byte for byte
    sed -e '/kind: process/d' -e '/process: {command/d' "${absolute[@]}" "$process" > "$out/$v-builtin/run.yaml"
    sed -e "s|process: {command: \[[^]]*\]|process: {command: [$bin, plugin, serve, retriever]|" "${absolute[@]}" "$process" > "$out/$v-swift/run.yaml"
    sed "${absolute[@]}" "$process" > "$out/$v-bm25s/run.yaml"
done
grep -q "plugin, serve, retriever" "$out/new-swift/run.yaml" || { echo "boundary-ab.sh: the plugin command of $process changed; update this script" >&2; exit 2; }
echo "machine: $(nproc) cores, $(uptime | sed 's/.*load/load/')"
for i in $(seq "$repeats"); do
    for v in old new; do
        bin="$old"
        [[ $v == new ]] && bin="$new"
        for leg in "${legs[@]}"; do
            /usr/bin/time -f "%e %U %S" -o "$out/time-$v-$leg-$i.txt" \
                "$bin" run "$out/$v-$leg/run.yaml" --out "$out/$v-$leg/results" --force --quiet --no-report --jobs 1
            echo "$v $leg $i: $(awk '{printf "%.2f s user+sys", $2 + $3}' "$out/time-$v-$leg-$i.txt")"
        done
    done
done
echo "after: $(uptime | sed 's/.*load/load/')"
python3 - "$out" "$repeats" "${legs[@]}" <<'PY'
import statistics, sys
out, repeats, legs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
cpu = lambda v, leg: [sum(map(float, open(f"{out}/time-{v}-{leg}-{i}.txt").read().split()[1:])) for i in range(1, repeats + 1)]
print("| binary | leg | user + sys s | median | × its builtin |")
print("| --- | --- | --- | ---: | ---: |")
for v in ("old", "new"):
    base = statistics.median(cpu(v, "builtin"))
    for leg in legs:
        c = cpu(v, leg)
        print(f"| {v} | {leg} | {', '.join(f'{x:.2f}' for x in c)} | {statistics.median(c):.2f} | {statistics.median(c) / base:.2f} |")
rows = {(v, leg): open(f"{out}/{v}-{leg}/results/metrics.csv").read() for v in ("old", "new") for leg in legs}
print("metrics.csv identical across binaries and legs:", len(set(rows.values())) == 1)
PY
