#!/usr/bin/env bash
# Private PostgreSQL and RabbitMQ nodes for local runs and tests: no Docker, loopback only.
#
#   infra.sh ensure-installed [--browser]           install what is missing (apt); --browser: Chromium too (browser tests)
#   infra.sh pg-start DIR PORT [fast]               start (initialising if new) a cluster in DIR
#   infra.sh pg-stop DIR
#   infra.sh rabbit-start DIR PORT DIST_PORT NODE [MGMT_PORT]
#   infra.sh rabbit-stop DIR NODE
#   infra.sh rabbit-vhost NODE VHOST                create a vhost and give guest all rights on it
#   infra.sh rabbit-app NODE stop|start             stop or start the broker app (an outage; the node stays)
#   infra.sh reap PID COMMAND [ARGS...]             once process PID has exited, run this script's COMMAND
#   infra.sh pg-destroy DIR | rabbit-destroy DIR NODE   stop and delete (what reap runs for test nodes)
#
# "fast" turns off fsync for throwaway test clusters. The tests and ./run both call this script,
# so there is one way to start the infrastructure.
set -euo pipefail

log() { printf '[infra] %s\n' "$*" >&2; }

pg_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$bin" ] || { log "PostgreSQL server binaries not found under /usr/lib/postgresql"; exit 1; }
  echo "$bin"
}

# initdb and postgres refuse to run as root.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

RABBIT_BIN=/usr/lib/rabbitmq/bin

apt_updated=0
apt_install() {
  if [ "$(id -u)" != 0 ]; then log "need root to install $*: run: sudo apt-get install -y $*"; exit 1; fi
  if [ "$apt_updated" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    apt_updated=1
  fi
  log "installing $*"
  # The package's own service must not grab the default port: we run private nodes.
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  rm -f /usr/sbin/policy-rc.d
}

ensure_installed() {
  local missing=()
  ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || missing+=(postgresql)
  [ -x "$RABBIT_BIN/rabbitmq-server" ] || missing+=(rabbitmq-server)
  # The browser tests drive Debian's Chromium through Playwright (nothing downloads a browser of its own).
  if [ "${1:-}" = --browser ] && [ ! -x /usr/bin/chromium ]; then missing+=(chromium); fi
  if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
  # The packaged services, if they started anyway, are not ours and would hold the default ports.
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet rabbitmq-server 2>/dev/null; then
    systemctl stop rabbitmq-server || true
  fi
}

pg_start() {
  local dir=$1 port=$2 fast=${3:-}
  local bin; bin=$(pg_bin)
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
  chmod 700 "$dir"
  if [ ! -f "$dir/PG_VERSION" ]; then
    as_pg "$bin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  # random_page_cost 1.1 (SSD, data in memory): at the default 4 the planner scanned every article for a
  # common search word, detoasting each search_vector (150 ms) instead of using the GIN index (15 ms).
  local opts="-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=400 -c shared_buffers=256MB -c random_page_cost=1.1"
  if [ "$fast" = fast ]; then
    opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  fi
  if as_pg "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    log "PostgreSQL already running in $dir"
    return 0
  fi
  as_pg "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -o "$opts" -w -t 60 start >/dev/null
  log "PostgreSQL listening on 127.0.0.1:$port"
}

pg_stop() {
  local dir=$1 bin; bin=$(pg_bin)
  if [ -f "$dir/postmaster.pid" ]; then
    as_pg "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
  fi
}

rabbit_env() {
  local dir=$1 port=$2 dist=$3 node=$4
  export RABBITMQ_NODENAME="$node"
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT="$port"
  export RABBITMQ_DIST_PORT="$dist"
  export RABBITMQ_MNESIA_BASE="$dir/mnesia"
  export RABBITMQ_LOG_BASE="$dir/log"
  export RABBITMQ_PID_FILE="$dir/rabbit.pid"
  export RABBITMQ_FEATURE_FLAGS_FILE="$dir/feature_flags"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins"
  export RABBITMQ_CONFIG_FILE="$dir/rabbitmq"
  export RABBITMQ_ADVANCED_CONFIG_FILE="$dir/advanced.config"
  export HOME=${HOME:-/root}
}

rabbit_start() {
  local dir=$1 port=$2 dist=$3 node=$4 mgmt=${5:-}
  mkdir -p "$dir/mnesia" "$dir/log"
  rabbit_env "$dir" "$port" "$dist" "$node"
  if [ -n "$mgmt" ]; then
    echo '[rabbitmq_management].' > "$dir/enabled_plugins"
    printf 'management.tcp.ip = 127.0.0.1\nmanagement.tcp.port = %s\n' "$mgmt" > "$dir/rabbitmq.conf"
  else
    : > "$dir/enabled_plugins"
    : > "$dir/rabbitmq.conf"
  fi
  if timeout 30 "$RABBIT_BIN/rabbitmqctl" -q -n "$node" status >/dev/null 2>&1; then
    log "RabbitMQ node $node already running"
    return 0
  fi
  # From its own folder, so an Erlang crash dump lands there and not in the caller's directory.
  # Only the server goes to the background, with every standard stream redirected: a caller that reads
  # this script's output to its end (the test fixtures) must see it close.
  (cd "$dir" || exit 1; nohup "$RABBIT_BIN/rabbitmq-server" >"$dir/log/stdout.log" 2>&1 </dev/null &)
  if ! "$RABBIT_BIN/rabbitmqctl" -q -n "$node" wait --timeout 90 "$dir/rabbit.pid" >/dev/null 2>&1; then
    log "RabbitMQ node $node did not start; last lines of its log:"
    tail -n 30 "$dir/log/stdout.log" >&2 || true
    exit 1
  fi
  log "RabbitMQ node $node listening on 127.0.0.1:$port"
}

# Whether the node's Erlang VM (the pid in its pid file) still runs. A zombie does not count: here PID 1
# may be slow to reap orphans, and "rabbitmqctl stop PIDFILE" waits for that pid to vanish, so asking a
# node that already stopped used to hang "./run stop" (and the test reapers) for good.
rabbit_alive() {
  local pid
  pid=$(cat "$1/rabbit.pid" 2>/dev/null) || return 1
  [ -n "$pid" ] && [ -r "/proc/$pid/stat" ] && [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != Z ]
}

rabbit_stop() {
  local dir=$1 node=$2
  export HOME=${HOME:-/root}
  if [ ! -f "$dir/rabbit.pid" ]; then
    timeout 30 "$RABBIT_BIN/rabbitmqctl" -q -n "$node" stop >/dev/null 2>&1 || true
    return 0
  fi
  if rabbit_alive "$dir"; then
    timeout 60 "$RABBIT_BIN/rabbitmqctl" -q -n "$node" stop "$dir/rabbit.pid" >/dev/null 2>&1 || true
  fi
  # Should the node not stop by itself, end what still runs from its folder.
  if rabbit_alive "$dir"; then
    kill "$(cat "$dir/rabbit.pid")" 2>/dev/null || true
  fi
}

rabbit_vhost() {
  local node=$1 vhost=$2
  export HOME=${HOME:-/root}
  "$RABBIT_BIN/rabbitmqctl" -q -n "$node" add_vhost "$vhost" >/dev/null 2>&1 || true
  "$RABBIT_BIN/rabbitmqctl" -q -n "$node" set_permissions -p "$vhost" guest '.*' '.*' '.*' >/dev/null
}

rabbit_app() {
  local node=$1 action=$2
  export HOME=${HOME:-/root}
  case "$action" in
    stop) "$RABBIT_BIN/rabbitmqctl" -q -n "$node" stop_app >/dev/null ;;
    start) "$RABBIT_BIN/rabbitmqctl" -q -n "$node" start_app >/dev/null ;;
    *) log "rabbit-app: stop or start"; exit 2 ;;
  esac
}

# Test processes can be killed without running their clean-up: a detached watcher outlives them and
# removes their throwaway nodes when they are gone.
reap() {
  local pid=$1; shift
  local self; self=$(readlink -f "$0")
  setsid nohup bash -c 'while kill -0 "$1" 2>/dev/null; do sleep 1; done; shift; "$@"' _ "$pid" "$self" "$@" >/dev/null 2>&1 < /dev/null &
}

pg_destroy() { pg_stop "$1"; rm -rf "$1"; }
rabbit_destroy() { rabbit_stop "$1" "$2"; rm -rf "$1"; }

cmd=${1:-}; shift || true
case "$cmd" in
  ensure-installed) ensure_installed "$@" ;;
  pg-start) pg_start "$@" ;;
  pg-stop) pg_stop "$@" ;;
  rabbit-start) rabbit_start "$@" ;;
  rabbit-stop) rabbit_stop "$@" ;;
  rabbit-vhost) rabbit_vhost "$@" ;;
  rabbit-app) rabbit_app "$@" ;;
  reap) reap "$@" ;;
  pg-destroy) pg_destroy "$@" ;;
  rabbit-destroy) rabbit_destroy "$@" ;;
  *) sed -n '2,16p' "$0"; exit 2 ;;
esac
