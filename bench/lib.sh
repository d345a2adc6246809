# shellcheck shell=bash
# Shared helpers for the bench/*.sh scripts: where the stack is, tool installation, wrk/hey parsing,
# staff sign-in and recording a dated line in bench/RESULTS.md. Sourced, never run.
#
# Environment (all optional):
#   CH_GATEWAY_URL   gateway base URL (default http://127.0.0.1:$CH_GATEWAY_PORT, i.e. :8080)
#   CH_DATA_DIR      the stack's data folder (for secrets.env); default <repo>/.local
#   CH_*_PORT        as in deploy/local/ports.env; the services are called directly on these
#   BENCH_DURATION   seconds per wrk/hey run (default 15; every run is bounded by it)
#   BENCH_NO_RECORD  set to 1 to print results without appending to RESULTS.md

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$BENCH_DIR/.." && pwd)
# shellcheck source=../deploy/local/ports.env
source "$REPO_ROOT/deploy/local/ports.env"
: "${CH_GATEWAY_URL:=http://127.0.0.1:$CH_GATEWAY_PORT}"
: "${CH_DATA_DIR:=$REPO_ROOT/.local}"
: "${BENCH_DURATION:=15}"
RESULTS_FILE="$BENCH_DIR/RESULTS.md"
# Raw tool output is kept (git-ignored) so a surprising number can be looked at afterwards.
RAW_DIR="$BENCH_DIR/results/raw"
mkdir -p "$RAW_DIR"
export CH_GATEWAY_URL CH_DATA_DIR BENCH_DURATION BENCH_DIR

CONTENT_URL="http://127.0.0.1:$CH_CONTENT_PORT"
SHOP_URL="http://127.0.0.1:$CH_SHOP_PORT"
BOOKING_URL="http://127.0.0.1:$CH_BOOKING_PORT"
# Used by the scripts that source this file.
export CONTENT_URL SHOP_URL BOOKING_URL

log() { printf '\033[1m[bench]\033[0m %s\n' "$*" >&2; }
fail() { printf '\033[31m[bench]\033[0m %s\n' "$*" >&2; exit 1; }

# The load generators are Debian packages; install them only when missing.
ensure_tools() {
  local missing=()
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  apt-get install -y "${missing[@]}" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y "${missing[@]}" >/dev/null; }
}

# Refuse to send load anywhere but this machine.
require_local() {
  case "$1" in
    http://127.0.0.1:*|http://localhost:*) ;;
    *) fail "refusing to load-test $1: only 127.0.0.1 targets are allowed" ;;
  esac
}

require_stack() {
  require_local "$CH_GATEWAY_URL"
  curl -fsS -m 5 "$CH_GATEWAY_URL/health" >/dev/null 2>&1 \
    || fail "no healthy stack at $CH_GATEWAY_URL (start one with ./run --detach, or use bench/run-all.sh)"
}

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# The 1-minute load average above the core count means other work shares the CPUs with the run.
load_note() {
  local one cores
  one=$(cut -d' ' -f1 /proc/loadavg)
  cores=$(nproc)
  if awk -v l="$one" -v c="$cores" 'BEGIN { exit !(l > c) }'; then echo "HIGH"; else echo "ok"; fi
}

record_header() {
  if [ ! -s "$RESULTS_FILE" ]; then
    {
      echo "# Benchmark results"
      echo
      echo "Appended by bench/*.sh (bench/lib.sh \`record\`). Load average is 1/5/15 min from /proc/loadavg at the"
      echo "end of the measurement on a 2-core machine; **HIGH** means the 1-minute load exceeded the core count."
      echo
      echo "| Date (UTC) | Benchmark | Metric | Value | Target | Met? | Load avg | Command |"
      echo "|---|---|---|---|---|---|---|---|"
    } > "$RESULTS_FILE"
  fi
}

# record BENCH METRIC VALUE TARGET VERDICT COMMAND
# Appends one dated row to RESULTS.md (the table header is written the first time).
record() {
  local bench=$1 metric=$2 value=$3 target=$4 verdict=$5 cmd=$6
  printf '  %-24s %-42s %-16s target %-12s %s\n' "$bench" "$metric" "$value" "$target" "$verdict"
  [ "${BENCH_NO_RECORD:-0}" = 1 ] && return 0
  record_header
  local load note
  load=$(loadavg)
  note=$(load_note)
  [ "$note" = HIGH ] && load="$load **HIGH**"
  # Pipes inside a table cell would break the row.
  cmd=${cmd//|/\\|}
  # shellcheck disable=SC2016 # the backticks are Markdown code spans, not command substitution
  printf '| %s | %s | %s | %s | %s | %s | %s | `%s` |\n' \
    "$(date -u '+%Y-%m-%d %H:%M')" "$bench" "$metric" "$value" "$target" "$verdict" "$load" "$cmd" >> "$RESULTS_FILE"
}

# note TEXT: a row that says how the following rows were run (stack, tracing, limits).
note() {
  [ "${BENCH_NO_RECORD:-0}" = 1 ] && return 0
  record_header
  printf '| %s | **%s** | | | | | %s | |\n' "$(date -u '+%Y-%m-%d %H:%M')" "$1" "$(loadavg)" >> "$RESULTS_FILE"
}

# verdict VALUE OP LIMIT -> "yes" / "no" (OP is lt or gt)
verdict() {
  if awk -v v="$1" -v l="$3" -v op="$2" 'BEGIN { exit !((op == "lt" && v < l) || (op == "gt" && v > l)) }'; then echo yes; else echo no; fi
}

# run_wrk NAME URL [CONNECTIONS] -> writes $RAW_DIR/NAME.wrk and prints "rps p50_ms p95_ms p99_ms non2xx errors"
# p95 is not among wrk's --latency percentiles, so a tiny Lua done() hook prints it with the others.
run_wrk() {
  local url=$2 conns=${3:-50} out="$RAW_DIR/$1.wrk"
  require_local "$url"
  warm_up "$url" "$conns"
  wrk -t2 -c"$conns" -d"${BENCH_DURATION}s" --timeout 10s --latency -s "$BENCH_DIR/percentiles.lua" "$url" > "$out" 2>&1 || true
  python3 "$BENCH_DIR/parse_load.py" wrk "$out"
}

# Unmeasured load first (BENCH_WARMUP seconds, default 3): a freshly started service is still JIT-compiling
# its hot paths (tiered compilation), and the first seconds would otherwise be measured as its latency.
warm_up() {
  [ "${BENCH_WARMUP:-3}" -gt 0 ] || return 0
  wrk -t2 -c"$2" -d"${BENCH_WARMUP:-3}s" "$1" >/dev/null 2>&1 || true
}

# run_hey NAME URL [CONCURRENCY] -> writes $RAW_DIR/NAME.hey and prints "rps p50_ms p95_ms p99_ms non2xx errors"
run_hey() {
  local url=$2 conns=${3:-50} out="$RAW_DIR/$1.hey"
  require_local "$url"
  warm_up "$url" "$conns"
  hey -z "${BENCH_DURATION}s" -c "$conns" -t 10 "$url" > "$out" 2>&1 || true
  python3 "$BENCH_DIR/parse_load.py" hey "$out"
}

# Staff bearer token from the admin service through the gateway (sign-in is rate limited to 10/min per IP).
staff_token() {
  local secrets="$CH_DATA_DIR/secrets.env"
  [ -f "$secrets" ] || fail "no $secrets: set CH_DATA_DIR to the stack's data folder"
  local email password
  email=$(sed -n 's/^CH_ADMIN_EMAIL=//p' "$secrets")
  password=$(sed -n 's/^CH_ADMIN_PASSWORD=//p' "$secrets")
  curl -fsS -m 10 -H 'Content-Type: application/json' \
    -d "$(python3 -c 'import json,sys; print(json.dumps({"email": sys.argv[1], "password": sys.argv[2]}))' "$email" "$password")" \
    "$CH_GATEWAY_URL/api/admin/auth/login" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d.get("accessToken") or d["token"])'
}

# Direct SQL against one service database of the stack's private PostgreSQL.
psql_db() {
  local db=$1; shift
  psql -h 127.0.0.1 -p "$CH_PG_PORT" -U postgres -d "$db" -v ON_ERROR_STOP=1 -qtA "$@"
}
