#!/usr/bin/env bash
# Starts Debian's Prometheus against the local stack (./run) with deploy/observability/prometheus.yml and its
# alert rules, on a free port with its data under .local/prometheus, then reports every scrape target's health.
#
#   deploy/observability/prometheus-local.sh          start (or reuse) and report targets; leaves Prometheus running
#   deploy/observability/prometheus-local.sh stop     stop the Prometheus this script started
# PROMETHEUS_PORT picks the port (default: 9090 if free, else a free one).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DATA=${CH_DATA_DIR:-$ROOT/.local}/prometheus
PIDFILE="$DATA/prometheus.pid"
PORTFILE="$DATA/port"
say() { printf '\033[1m[prometheus]\033[0m %s\n' "$*"; }
die() { printf '\033[31m[prometheus]\033[0m %s\n' "$*" >&2; exit 1; }
running() { [ -f "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null; }
port_free() { ! (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if [ "${1:-}" = stop ]; then
  if running; then kill "$(cat "$PIDFILE")"; say "stopped"; else say "not running"; fi
  rm -f "$PIDFILE"
  exit 0
fi

if ! command -v prometheus >/dev/null; then
  [ "$(id -u)" = 0 ] || die "Prometheus is missing: sudo apt-get install -y prometheus"
  say "installing Debian's prometheus (its own service stays stopped)"
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq prometheus >/dev/null || { rm -f /usr/sbin/policy-rc.d; die "install failed"; }
  rm -f /usr/sbin/policy-rc.d
fi

mkdir -p "$DATA"
if running; then
  PORT=$(cat "$PORTFILE")
  say "already running on http://127.0.0.1:$PORT"
else
  PORT=${PROMETHEUS_PORT:-9090}
  while ! port_free "$PORT"; do PORT=$(shuf -i 20000-59999 -n 1); done
  echo "$PORT" > "$PORTFILE"
  nohup prometheus \
    --config.file="$ROOT/deploy/observability/prometheus.yml" \
    --storage.tsdb.path="$DATA/data" \
    --storage.tsdb.retention.time=2d \
    --web.listen-address="127.0.0.1:$PORT" \
    > "$DATA/prometheus.log" 2>&1 &
  echo $! > "$PIDFILE"
  say "started on http://127.0.0.1:$PORT (log: $DATA/prometheus.log)"
fi

# Prometheus scrapes every 15 s: wait for the first round of every target, not a fixed time.
for _ in $(seq 1 60); do
  targets=$(curl -fsS "http://127.0.0.1:$PORT/api/v1/targets" 2>/dev/null || true)
  # Targets appear a moment after start-up, then each stays "unknown" until its first scrape.
  if grep -q '"scrapeUrl"' <<<"$targets" && ! grep -q '"health":"unknown"' <<<"$targets"; then break; fi
  sleep 1
done
[ -n "${targets:-}" ] || die "Prometheus did not answer; see $DATA/prometheus.log"
python3 - "$targets" <<'PY'
import json, sys
targets = json.loads(sys.argv[1])["data"]["activeTargets"]
down = [t for t in targets if t["health"] != "up"]
for t in sorted(targets, key=lambda t: t["labels"]["job"]):
    note = "" if t["health"] == "up" else f"  ({t['lastError']})"
    print(f"  {t['labels']['job']:<14} {t['scrapeUrl']:<32} {t['health']}{note}")
print(f"[prometheus] {len(targets) - len(down)} of {len(targets)} targets up")
sys.exit(1 if down else 0)
PY
