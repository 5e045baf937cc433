"""CPU of one plugin session, by request kind: replays the requests a recorded session
(scripts/protocol-tee.py's log: "> " request lines, "< " reply lines) sent to the plugin
in-process, times each request with time.process_time, and checks the replies are the
recorded ones byte for byte.

    python session_cpu.py PLUGIN.py SESSION-LOG      (run with the plugin's venv python)"""
import collections, importlib.util, io, json, sys, time

plugin, log = sys.argv[1], sys.argv[2]
sessions, current = [], None
for line in open(log, encoding="utf-8"):
    if line.startswith("> ") and json.loads(line[2:])["op"] == "hello":
        current = ([], []); sessions.append(current)
    current[0 if line.startswith("> ") else 1].append(line[2:])

for n, (requests, replies) in enumerate(sessions):
    start = time.process_time()
    spec = importlib.util.spec_from_file_location(f"plugin{n}", plugin)
    module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module)
    imports = time.process_time() - start
    cpu, count = collections.Counter(), collections.Counter()

    class Timed:  # stdin that charges the CPU between two lines to the earlier request's op
        def __iter__(self):
            op = None
            for line in requests:
                now = time.process_time()
                if op: cpu[op] += now - self.since
                op = json.loads(line)["op"]; count[op] += 1
                self.since = time.process_time()
                yield line
            cpu[op] += time.process_time() - self.since

    out, sys.stdin, saved = io.StringIO(), Timed(), sys.stdout
    sys.stdout = out
    module.main()
    sys.stdout = saved
    same = out.getvalue() == "".join(replies)
    print(f"session {n}: start-up (imports) {imports:.3f} s; replies {'identical to' if same else 'DIFFER from'} the recorded ones")
    for op in sorted(cpu, key=cpu.get, reverse=True):
        print(f"  {op:9s} {count[op]:4d} requests {cpu[op]:.3f} s")
