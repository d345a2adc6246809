#!/usr/bin/env bash
# Private PostgreSQL and RabbitMQ nodes for local runs and tests: no Docker, loopback only.
#
#   infra.sh ensure-installed [--browser]           install what is missing (apt); --browser: Chromium too (browser tests)
#   infra.sh pg-start DIR PORT [fast]               start (initialising if new) a cluster in DIR
#   infra.sh pg-stop DIR
#   infra.sh pg-run DIR PORT                        the same cluster in the foreground: this process becomes postgres
#                                                   (what the Aspire AppHost supervises; SIGTERM stops it)
#   infra.sh rabbit-start DIR PORT DIST_PORT NODE [MGMT_PORT]
#   infra.sh rabbit-stop DIR NODE
#   infra.sh rabbit-run DIR PORT DIST_PORT NODE [MGMT_PORT]   the node in the foreground: this process becomes its VM
#   infra.sh rabbit-vhost NODE VHOST                create a vhost and give guest all rights on it
#   infra.sh rabbit-app NODE stop|start             stop or start the broker app (an outage; the node stays)
#   infra.sh pg-service PORT SERVICE PASSWORD       LOGIN role SERVICE (password) owning database SERVICE, which
#                                                   only it (and the superuser) may connect to
#   infra.sh rabbit-service NODE VHOST SERVICE PASSWORD PUBLISHES CONSUMES
#                                                   broker user SERVICE limited to its own queues and exchanges,
#                                                   writing to the events it PUBLISHES and reading those it
#                                                   CONSUMES (comma-separated event type names)
#   infra.sh service-access PG_PORT NODE [PG_DIR RABBIT_DIR]
#                                                   pg-service and rabbit-service for every row of
#                                                   deploy/service-access.txt; passwords from the environment
#                                                   (CH_<SERVICE>_DB_PASSWORD, CH_<SERVICE>_RABBIT_PASSWORD);
#                                                   with the folders: skipped while nothing changed
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

# Options both modes start the server with.
# random_page_cost 1.1 (SSD, data in memory): at the default 4 the planner scanned every article for a
# common search word, detoasting each search_vector (150 ms) instead of using the GIN index (15 ms).
pg_options() {
  local dir=$1 port=$2 fast=${3:-}
  echo "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=400 -c shared_buffers=256MB -c random_page_cost=1.1"
  if [ "$fast" = fast ]; then
    echo "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  fi
}

# A cluster in DIR, made if new, with this script's access rules.
pg_prepare() {
  local dir=$1 bin=$2
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
  chmod 700 "$dir"
  if [ ! -f "$dir/PG_VERSION" ]; then
    as_pg "$bin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  write_pg_hba "$dir"
}

pg_start() {
  local dir=$1 port=$2 fast=${3:-}
  local bin; bin=$(pg_bin)
  pg_prepare "$dir" "$bin"
  local opts; opts=$(pg_options "$dir" "$port" "$fast" | tr '\n' ' ')
  if as_pg "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    as_pg "$bin/pg_ctl" -D "$dir" reload >/dev/null
    log "PostgreSQL already running in $dir"
    return 0
  fi
  as_pg "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -o "$opts" -w -t 60 start >/dev/null
  log "PostgreSQL listening on 127.0.0.1:$port"
}

# Foreground: exec, never fork, so the supervisor's PID is postgres itself. setpriv (unlike runuser, which forks)
# changes user in place: a supervisor that killed a runuser would leave a postgres it no longer sees.
pg_run() {
  local dir=$1 port=$2
  local bin; bin=$(pg_bin)
  pg_prepare "$dir" "$bin"
  # A postgres killed with -9 leaves its pid file; postgres itself checks whether that pid still runs.
  # shellcheck disable=SC2046
  if [ "$(id -u)" = 0 ]; then
    exec setpriv --reuid=postgres --regid=postgres --init-groups -- "$bin/postgres" -D "$dir" $(pg_options "$dir" "$port")
  fi
  exec "$bin/postgres" -D "$dir" $(pg_options "$dir" "$port")
}

# The superuser keeps password-less access over the socket and loopback (tests, ./run, tooling on this machine);
# every other role (one per service) must prove its password. Written at every start, so clusters made by an
# older version of this script get it too.
write_pg_hba() {
  local dir=$1
  cat > "$dir/pg_hba.conf" <<'HBA'
# Written by deploy/local/infra.sh at every start: edits here are lost.
# TYPE  DATABASE  USER      ADDRESS        METHOD
local   all       postgres                 trust
host    all       postgres  127.0.0.1/32   trust
local   all       all                      scram-sha-256
host    all       all       127.0.0.1/32   scram-sha-256
HBA
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir/pg_hba.conf"
  chmod 600 "$dir/pg_hba.conf"
}

valid_name() {
  [[ "$1" =~ ^[a-z][a-z0-9_]{0,62}$ ]] || { log "not a valid service name: '$1' (lower-case letters, digits, _)"; exit 2; }
}

# A LOGIN role per service that owns the service's database; nobody else but the superuser may connect to it.
# Idempotent: run at every ./run, it also moves a database (and its tables, sequences, views, types and
# functions in public) made by an older run as postgres over to the service's role.
pg_service() {
  local port=$1 service=$2 password=$3
  valid_name "$service"
  [ -n "$password" ] || { log "pg-service: empty password for $service"; exit 2; }
  local psql=(psql -h 127.0.0.1 -p "$port" -U postgres -v ON_ERROR_STOP=1 -qAt)
  # The password travels as a psql variable (:'pw' quotes it as a literal), never spliced into the SQL text.
  "${psql[@]}" -d postgres -v svc="$service" -v pw="$password" >/dev/null <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'svc') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'svc') \gexec
SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', :'svc', :'pw') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'svc', :'svc') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'svc') \gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', :'svc', :'svc') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'svc') \gexec
SELECT format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', :'svc', :'svc') \gexec
SQL
  "${psql[@]}" -d "$service" -v svc="$service" >/dev/null <<'SQL'
SELECT format('ALTER SCHEMA public OWNER TO %I', :'svc') \gexec
SELECT format('ALTER %s %s OWNER TO %I',
              CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
              c.oid::regclass, :'svc')
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
   AND c.relowner = 'postgres'::regrole
   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('e', 'a', 'i')) \gexec
SELECT format('ALTER TYPE %s OWNER TO %I', t.oid::regtype, :'svc')
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
 WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'r') AND t.typowner = 'postgres'::regrole
   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e') \gexec
SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, :'svc')
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
 WHERE n.nspname = 'public' AND p.proowner = 'postgres'::regrole
   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e') \gexec
SQL
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

# The node's plugins and listeners: the management UI on MGMT_PORT, or no plugin at all.
rabbit_configure() {
  local dir=$1 mgmt=${2:-}
  mkdir -p "$dir/mnesia" "$dir/log"
  if [ -n "$mgmt" ]; then
    echo '[rabbitmq_management].' > "$dir/enabled_plugins"
    printf 'management.tcp.ip = 127.0.0.1\nmanagement.tcp.port = %s\n' "$mgmt" > "$dir/rabbitmq.conf"
  else
    : > "$dir/enabled_plugins"
    : > "$dir/rabbitmq.conf"
  fi
}

rabbit_start() {
  local dir=$1 port=$2 dist=$3 node=$4 mgmt=${5:-}
  rabbit_env "$dir" "$port" "$dist" "$node"
  rabbit_configure "$dir" "$mgmt"
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

# Foreground: the server script execs the Erlang VM itself when input is "allowed" (otherwise it stays as a
# shell parent whose death would orphan the VM); -noinput then keeps the VM from reading a shell.
# SIGTERM stops the node cleanly.
rabbit_run() {
  local dir=$1 port=$2 dist=$3 node=$4 mgmt=${5:-}
  rabbit_env "$dir" "$port" "$dist" "$node"
  rabbit_configure "$dir" "$mgmt"
  cd "$dir"
  RABBITMQ_ALLOW_INPUT=true exec "$RABBIT_BIN/rabbitmq-server" -noinput
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

# A broker user per service with the rights deploy/rabbitmq-permissions.sh gives it (its own queues and
# exchanges, writing the events it publishes, binding to those it consumes). Idempotent: ./run calls it each start.
rabbit_service() {
  local node=$1 vhost=$2 service=$3 password=$4 publishes=${5:-} consumes=${6:-}
  valid_name "$service"
  [ -n "$password" ] || { log "rabbit-service: empty password for $service"; exit 2; }
  export HOME=${HOME:-/root}
  local ctl=("$RABBIT_BIN/rabbitmqctl" -q -n "$node") rights
  mapfile -t rights < <(sh "$(dirname "$(readlink -f "$0")")/../rabbitmq-permissions.sh" "$service" "$publishes" "$consumes")
  [ ${#rights[@]} = 3 ] || { log "rabbit-service: could not work out the permissions of $service"; exit 1; }
  "${ctl[@]}" add_vhost "$vhost" >/dev/null 2>&1 || true
  if "${ctl[@]}" list_users 2>/dev/null | awk '{print $1}' | grep -qx "$service"; then
    "${ctl[@]}" change_password "$service" "$password" >/dev/null
  else
    "${ctl[@]}" add_user "$service" "$password" >/dev/null
  fi
  "${ctl[@]}" set_user_tags "$service" >/dev/null
  "${ctl[@]}" set_permissions -p "$vhost" "$service" "${rights[0]}" "${rights[1]}" "${rights[2]}" >/dev/null
}

# Every row of deploy/service-access.txt: the service's database role (if it has a database) and broker user.
# The passwords come from the environment, as ./run's secrets file defines them. With PG_DIR and RABBIT_DIR it
# leaves a stamp in each (a digest of the list, the passwords and these scripts) and skips the work next time
# while both stamps match: about 40 rabbitmqctl calls, each an Erlang VM start, are most of a warm start.
service_access() {
  local pg_port=$1 node=$2 pg_dir=${3:-} rabbit_dir=${4:-}
  local here; here="$(dirname "$(readlink -f "$0")")"
  local access="$here/../service-access.txt"
  local rows; rows=$(grep -vE '^[[:space:]]*(#|$)' "$access")
  local svc database publishes consumes upper db_var rabbit_var digest_input=""
  while read -r svc database publishes consumes; do
    upper=${svc^^}; upper=${upper//-/_}
    db_var="CH_${upper}_DB_PASSWORD"; rabbit_var="CH_${upper}_RABBIT_PASSWORD"
    digest_input+="$svc $database $publishes $consumes ${!db_var:-} ${!rabbit_var:-}"$'\n'
  done <<< "$rows"
  local digest; digest=$( { printf '%s' "$digest_input"; cat "$here/infra.sh" "$here/../rabbitmq-permissions.sh"; } | sha256sum | cut -d' ' -f1)
  local stamp=.culturehealth-service-access
  if [ -n "$pg_dir" ] && [ -n "$rabbit_dir" ] && [ "$(cat "$pg_dir/$stamp" 2>/dev/null)" = "$digest" ] \
     && [ "$(cat "$rabbit_dir/$stamp" 2>/dev/null)" = "$digest" ]; then
    log "database roles and broker users unchanged since the last start"
    return 0
  fi
  while read -r svc database publishes consumes; do
    upper=${svc^^}; upper=${upper//-/_}
    db_var="CH_${upper}_DB_PASSWORD"; rabbit_var="CH_${upper}_RABBIT_PASSWORD"
    # </dev/null: rabbitmqctl (Erlang) reads its standard input, which here is the rest of the list.
    if [ "$database" = yes ]; then pg_service "$pg_port" "$svc" "${!db_var:-}" </dev/null; fi
    rabbit_service "$node" / "$svc" "${!rabbit_var:-}" "${publishes#-}" "${consumes#-}" </dev/null
    log "$svc: database role and broker user ready"
  done <<< "$rows"
  if [ -n "$pg_dir" ] && [ -n "$rabbit_dir" ]; then
    # The pg folder belongs to postgres; the stamp is only read by this script.
    echo "$digest" > "$pg_dir/$stamp"; echo "$digest" > "$rabbit_dir/$stamp"
  fi
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
  pg-run) pg_run "$@" ;;
  rabbit-start) rabbit_start "$@" ;;
  rabbit-stop) rabbit_stop "$@" ;;
  rabbit-run) rabbit_run "$@" ;;
  service-access) service_access "$@" ;;
  rabbit-vhost) rabbit_vhost "$@" ;;
  rabbit-app) rabbit_app "$@" ;;
  pg-service) pg_service "$@" ;;
  rabbit-service) rabbit_service "$@" ;;
  reap) reap "$@" ;;
  pg-destroy) pg_destroy "$@" ;;
  rabbit-destroy) rabbit_destroy "$@" ;;
  *) sed -n '2,30p' "$0"; exit 2 ;;
esac
