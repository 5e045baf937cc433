#!/usr/bin/env python3
"""Runs a plugin and records its session: every request Flywheel writes and every reply the
plugin gives, one JSON line each, prefixed "> " or "< ", appended to LOG.

    protocol-tee.py LOG PLUGIN-COMMAND...      (as a scenario's `process.command`)
"""
import subprocess
import sys

log_path, command = sys.argv[1], sys.argv[2:]
child = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
with open(log_path, "a", encoding="utf-8") as log:
    for line in sys.stdin:
        log.write("> " + line)
        child.stdin.write(line)
        child.stdin.flush()
        reply = child.stdout.readline()
        if not reply:
            break
        log.write("< " + reply)
        sys.stdout.write(reply)
        sys.stdout.flush()
child.stdin.close()
sys.exit(child.wait())
