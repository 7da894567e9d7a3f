#!/usr/bin/env bash
# Serve the tracker from several replicas behind HAProxy, in the foreground.
#
#   bash deploy/up.sh --replicas 2 --port 8080 [--host 0.0.0.0] [--data DIR] [--run-dir DIR]
#
# Starts N `streamlit run app.py` processes on free loopback ports (a replica that dies is
# started again), and HAProxy on HOST:PORT in front of them: sticky sessions by cookie (a
# Streamlit session's websocket and its download files live in one process), health checks
# on /_stcore/health every second, and a reader whose replica died sent to a live one. Ctrl-C
# or SIGTERM stops all of it. HAProxy comes from Debian's packages; it is installed if missing.
# PYTHON names the interpreter of the environment holding requirements.txt (default: python3).
# Every replica serves the same data folder (MALI_TRACKER_DATA or --data): a new version
# published into it (python -m mali_tracker.build / ingest) reaches all replicas on their
# readers' next run. See deploy/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

replicas=2 port=8080 host=0.0.0.0 run_dir=""
usage() { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case "$1" in
    --replicas) replicas=${2:-}; shift 2 ;;
    --port) port=${2:-}; shift 2 ;;
    --host) host=${2:-}; shift 2 ;;
    --data) export MALI_TRACKER_DATA=${2:-}; shift 2 ;;
    --run-dir) run_dir=${2:-}; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "up.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done
case "$replicas" in ''|*[!0-9]*) echo "up.sh: --replicas takes a number, not '$replicas'" >&2; exit 2 ;; esac
case "$port" in ''|*[!0-9]*) echo "up.sh: --port takes a number, not '$port'" >&2; exit 2 ;; esac
if [ "$replicas" -lt 1 ] || [ "$replicas" -gt 32 ]; then echo "up.sh: --replicas must be 1 to 32" >&2; exit 2; fi

PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c "import streamlit" 2>/dev/null; then
  echo "up.sh: $PYTHON cannot import streamlit; install requirements.txt first, or set PYTHON" >&2
  exit 2
fi

if ! command -v haproxy >/dev/null 2>&1; then
  echo "== installing Debian's haproxy"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq haproxy >/dev/null \
    || { $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq haproxy >/dev/null; } \
    || { echo "up.sh: could not install haproxy (apt-get install haproxy)" >&2; exit 2; }
fi

if [ -z "$run_dir" ]; then run_dir=$(mktemp -d "${TMPDIR:-/tmp}/mali-tracker-deploy.XXXXXX"); fi
mkdir -p "$run_dir"
rm -f "$run_dir"/replica-*.pid "$run_dir/stopping"

free_port() { "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

stop_all() {
  trap - INT TERM EXIT
  touch "$run_dir/stopping"
  echo "== stopping the proxy and $replicas replicas"
  for pid_file in "$run_dir"/replica-*.pid "$run_dir"/supervisor-*.pid "$run_dir/haproxy.pid"; do
    [ -f "$pid_file" ] && kill "$(cat "$pid_file")" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}
trap stop_all INT TERM EXIT

supervise() {  # supervise INDEX PORT: run one replica, start it again if it dies
  local index=$1 replica_port=$2
  while [ ! -e "$run_dir/stopping" ]; do
    "$PYTHON" -m streamlit run app.py --server.port "$replica_port" --server.address 127.0.0.1 \
      --server.headless true --server.fileWatcherType none --server.runOnSave false \
      >>"$run_dir/replica-$index.log" 2>&1 &
    echo $! >"$run_dir/replica-$index.pid"
    wait $! || true
    [ -e "$run_dir/stopping" ] && break
    echo "== replica $index (port $replica_port) stopped; starting it again" >&2
    sleep 1
  done
}

# one cookie secret for every replica: a reader moved to another replica keeps a valid XSRF cookie
cookie_secret=$("$PYTHON" -c 'import secrets; print(secrets.token_hex(32))')
export STREAMLIT_SERVER_COOKIE_SECRET=$cookie_secret

servers=""
ports=""
for index in $(seq 1 "$replicas"); do
  replica_port=$(free_port)
  supervise "$index" "$replica_port" &
  echo $! >"$run_dir/supervisor-$index.pid"
  ports+=" $replica_port"
  servers+="    server r$index 127.0.0.1:$replica_port check cookie r$index"$'\n'
  echo "== replica $index on 127.0.0.1:$replica_port (log: $run_dir/replica-$index.log)"
done

cat >"$run_dir/haproxy.cfg" <<CFG
global
    maxconn 4096

defaults
    mode http
    timeout connect 5s
    timeout client 60s
    timeout server 60s
    # Streamlit keeps one websocket open per reader: let it live while the reader reads
    timeout tunnel 1h
    timeout client-fin 10s
    # a reader whose replica is down goes to a live one, even with its cookie
    option redispatch
    retries 2

frontend tracker
    bind $host:$port
    default_backend replicas

backend replicas
    balance roundrobin
    # sticky sessions: the websocket and the files behind download buttons live in one process
    cookie MALI_REPLICA insert indirect nocache httponly
    option httpchk GET /_stcore/health
    http-check expect status 200
    default-server inter 1s fall 2 rise 2
$servers
CFG

# start the proxy once every replica answers its health check (at most 90 s)
"$PYTHON" - $ports <<'PY'
import sys, time, urllib.request
deadline = time.monotonic() + 90
for port in sys.argv[1:]:
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                break
        except OSError:
            if time.monotonic() > deadline:
                sys.exit(f"up.sh: the replica on port {port} did not start; see its log")
            time.sleep(0.3)
PY

haproxy -f "$run_dir/haproxy.cfg" -db &
echo $! >"$run_dir/haproxy.pid"
echo "== serving http://$host:$port/ through haproxy ($replicas replicas; Ctrl-C stops all)"
wait "$(cat "$run_dir/haproxy.pid")"
