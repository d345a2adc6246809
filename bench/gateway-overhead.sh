#!/usr/bin/env bash
# Issue 6: what the YARP gateway adds. One endpoint (GET /api/shop/products, output-cached in the shop
# service so the service itself is cheap and steady) is called in one run, back to back with wrk at 50
# connections: directly on the shop service, through the gateway, and through nginx (Debian package,
# our own config on a free port, never the system service) as a plain keep-alive reverse proxy.
# Targets: YARP throughput within 10 % of nginx's, and under 1 ms added p99 over direct.
# A fourth path, "bare" (bench/BareYarp: YARP with no middleware, telemetry or logging), shows what YARP
# itself costs here, apart from what the gateway adds on top of it.
# Throughput is measured saturated (wrk); added latency at a fixed offered rate (paced wrk), see below.
# The order is repeated ROUNDS times (direct, gateway, nginx, ...) and the best of the rounds kept per
# path, so a burst of other work on this shared machine does not decide the comparison by itself.
# wrk, the proxy and the service all share the same 2 cores, so a proxy's throughput here is mostly
# "how much CPU per request", which is the honest comparison between YARP and nginx on one box.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
ensure_tools wrk hey nginx
require_stack

NGINX_PORT=${BENCH_NGINX_PORT:-$((CH_GATEWAY_PORT + 1))}
BARE_PORT=${BENCH_BARE_YARP_PORT:-$((CH_GATEWAY_PORT + 2))}
UNTRACED_PORT=${BENCH_UNTRACED_GATEWAY_PORT:-$((CH_GATEWAY_PORT + 3))}
NGINX_DIR=$(mktemp -d /tmp/ch-bench-nginx.XXXXXX)
PATH_UNDER_TEST=${BENCH_PATH:-/api/shop/products}
(echo > "/dev/tcp/127.0.0.1/$NGINX_PORT") 2>/dev/null && fail "port $NGINX_PORT is in use; set BENCH_NGINX_PORT"

# One worker per core, upstream keep-alive (as YARP pools its connections), no access log (YARP logs none).
mkdir -p "$NGINX_DIR/logs"
cat > "$NGINX_DIR/nginx.conf" <<CONF
worker_processes auto;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $NGINX_DIR/body;
  proxy_temp_path $NGINX_DIR/proxy;
  fastcgi_temp_path $NGINX_DIR/fastcgi;
  uwsgi_temp_path $NGINX_DIR/uwsgi;
  scgi_temp_path $NGINX_DIR/scgi;
  upstream shop { server 127.0.0.1:$CH_SHOP_PORT; keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://shop;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
  }
}
CONF
BARE_PID=
UNTRACED_PID=
stop_proxies() {
  [ -z "$UNTRACED_PID" ] || kill "$UNTRACED_PID" 2>/dev/null || true
  if [ -f "$NGINX_DIR/nginx.pid" ]; then kill "$(cat "$NGINX_DIR/nginx.pid")" 2>/dev/null || true; fi
  [ -z "$BARE_PID" ] || kill "$BARE_PID" 2>/dev/null || true
  sleep 0.5
  rm -rf "$NGINX_DIR"
}
trap stop_proxies EXIT
nginx -c "$NGINX_DIR/nginx.conf" -p "$NGINX_DIR" -e "$NGINX_DIR/logs/error.log"
(echo > "/dev/tcp/127.0.0.1/$BARE_PORT") 2>/dev/null && fail "port $BARE_PORT is in use; set BENCH_BARE_YARP_PORT"
dotnet build -c Release -v q --nologo "$REPO_ROOT/bench/BareYarp" >/dev/null || fail "bench/BareYarp does not build"
BARE_YARP_DESTINATION="$SHOP_URL" DOTNET_gcServer=1 \
  dotnet "$REPO_ROOT/bench/BareYarp/bin/Release/net10.0/BareYarp.dll" --urls "http://127.0.0.1:$BARE_PORT" >"$NGINX_DIR/logs/bare-yarp.log" 2>&1 &
BARE_PID=$!
for _ in $(seq 1 100); do curl -fsS -o /dev/null -m 1 "http://127.0.0.1:$BARE_PORT$PATH_UNDER_TEST" 2>/dev/null && break; sleep 0.2; done

# A fifth path, for the latency rows only: a second copy of the stack's own gateway (same binary, same
# environment, read from the running one) with its trace sampler off, to show what sampled tracing adds
# to the tail when the spans are exported to a dashboard on the same 2 cores.
# The process listening on a port, however it was started (./run's AppHost starts each project's own executable).
listener_pid() { ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
GATEWAY_PID=$(listener_pid "$CH_GATEWAY_PORT")
[ -n "$GATEWAY_PID" ] || fail "the stack's gateway process is not found"
(echo > "/dev/tcp/127.0.0.1/$UNTRACED_PORT") 2>/dev/null && fail "port $UNTRACED_PORT is in use; set BENCH_UNTRACED_GATEWAY_PORT"
(
  cd "$(readlink "/proc/$GATEWAY_PID/cwd")"
  while IFS= read -r -d '' setting; do export "${setting?}" 2>/dev/null || true; done < "/proc/$GATEWAY_PID/environ"
  export OTEL_TRACES_SAMPLER=always_off
  exec dotnet "$REPO_ROOT/gateway/CultureHealth.Gateway/bin/Release/net10.0/CultureHealth.Gateway.dll" --urls "http://127.0.0.1:$UNTRACED_PORT"
) >"$NGINX_DIR/logs/untraced-gateway.log" 2>&1 &
UNTRACED_PID=$!
for _ in $(seq 1 100); do curl -fsS -o /dev/null -m 1 "http://127.0.0.1:$UNTRACED_PORT$PATH_UNDER_TEST" 2>/dev/null && break; sleep 0.2; done

declare -A URL=(
  [direct]="$SHOP_URL$PATH_UNDER_TEST"
  [yarp]="$CH_GATEWAY_URL$PATH_UNDER_TEST"
  [nginx]="http://127.0.0.1:$NGINX_PORT$PATH_UNDER_TEST"
  [bare]="http://127.0.0.1:$BARE_PORT$PATH_UNDER_TEST"
  [untraced]="http://127.0.0.1:$UNTRACED_PORT$PATH_UNDER_TEST"
)
for path in direct yarp bare nginx untraced; do
  curl -fsS -o /dev/null "${URL[$path]}" || fail "${URL[$path]} does not answer"
  wrk -t2 -c50 -d3s "${URL[$path]}" >/dev/null 2>&1 || true # warm-up: JIT, pools, cache
done

# CPU each proxy spends per request (user + system, from /proc), next to its throughput: on one box
# where wrk, the proxy and the service share the cores, throughput is mostly this number.
declare -A PIDS=(
  [direct]="$(listener_pid "$CH_SHOP_PORT")"
  [yarp]="$GATEWAY_PID"
  [nginx]="$(cat "$NGINX_DIR/nginx.pid") $(pgrep -P "$(cat "$NGINX_DIR/nginx.pid")" | tr '\n' ' ')"
  [bare]="$BARE_PID"
)
cpu_ticks() { local t=0 pid; for pid in $1; do t=$((t + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0))); done; echo "$t"; }
TICK_US=$((1000000 / $(getconf CLK_TCK)))

ROUNDS=${ROUNDS:-3}
declare -A RPS P50 P99 CPU
for round in $(seq 1 "$ROUNDS"); do
  for path in direct yarp bare nginx; do
    before=$(cpu_ticks "${PIDS[$path]}")
    read -r rps p50 _p95 p99 non2xx errs < <(run_wrk "overhead-$path-$round" "${URL[$path]}" 50)
    # run_wrk warms up for BENCH_WARMUP seconds first: count those requests out at the same rate.
    cpu=$(awk -v t=$(( $(cpu_ticks "${PIDS[$path]}") - before )) -v us="$TICK_US" -v r="$rps" -v d="$BENCH_DURATION" -v w="${BENCH_WARMUP:-3}" \
      'BEGIN { printf "%.0f", (r > 0 ? t * us / (r * (d + w)) : 0) }')
    log "round $round $path: $rps req/s p50 $p50 ms p99 $p99 ms, ${cpu} µs CPU/request in the server (non-2xx $non2xx, errors $errs; load $(loadavg))"
    if [ -z "${CPU[$path]:-}" ] || [ "$cpu" -lt "${CPU[$path]}" ]; then CPU[$path]=$cpu; fi
    # Per path keep the best of the rounds (highest req/s, lowest p50 and p99): the least disturbed
    # measurement of each, since disturbance from other work only ever makes numbers worse.
    if [ -z "${RPS[$path]:-}" ]; then
      RPS[$path]=$rps; P50[$path]=$p50; P99[$path]=$p99
    else
      [ "$rps" -gt "${RPS[$path]}" ] && RPS[$path]=$rps
      [ "$(verdict "$p50" lt "${P50[$path]}")" = yes ] && P50[$path]=$p50
      [ "$(verdict "$p99" lt "${P99[$path]}")" = yes ] && P99[$path]=$p99
    fi
  done
done

# Latency at a fixed, moderate rate: at saturation (above) p99 is queueing for the CPU that wrk, the
# proxy and the service share, which says little about what one hop costs. FIXED_RPS in total (default
# 1000 req/s) over the same 50 connections, two ways:
# - paced (bench/paced.lua): each connection waits a random, exponentially distributed time before each
#   request, so arrivals are independent, as separate clients' are. The added-latency verdict uses this.
#   ROUNDS rounds, interleaved, best per path (as above: other work only ever makes a number worse).
# - lock-step (hey -q): hey fires all 50 workers on one shared tick, a 50-request burst every 50 ms. Kept as
#   a reference row: it measures how fast a proxy drains a burst, i.e. CPU per request again.
FIXED_RPS=${FIXED_RPS:-1000}
PACE_MS=$((50 * 1000 / FIXED_RPS))
declare -A FP50 FP99 HP50 HP99
for round in $(seq 1 "$ROUNDS"); do
  for path in direct yarp nginx untraced; do
    out="$RAW_DIR/overhead-paced-$path-$round.wrk"
    PACE_MS=$PACE_MS wrk -t2 -c50 -d"${BENCH_DURATION}s" --timeout 10s -s "$BENCH_DIR/paced.lua" "${URL[$path]}" > "$out" 2>&1 || true
    read -r _rps p50 _p95 p99 non2xx errs < <(python3 "$BENCH_DIR/parse_load.py" wrk "$out")
    log "paced ${FIXED_RPS} req/s round $round $path: p50 $p50 ms p99 $p99 ms (non-2xx $non2xx, errors $errs; load $(loadavg))"
    if [ -z "${FP50[$path]:-}" ]; then
      FP50[$path]=$p50; FP99[$path]=$p99
    else
      [ "$(verdict "$p50" lt "${FP50[$path]}")" = yes ] && FP50[$path]=$p50
      [ "$(verdict "$p99" lt "${FP99[$path]}")" = yes ] && FP99[$path]=$p99
    fi
  done
done
for path in direct yarp nginx; do
  read -r _rps p50 _p95 p99 non2xx errs < <(
    out="$RAW_DIR/overhead-lockstep-$path.hey"
    hey -z "${BENCH_DURATION}s" -c 50 -q $((FIXED_RPS / 50)) -t 10 "${URL[$path]}" > "$out" 2>&1 || true
    python3 "$BENCH_DIR/parse_load.py" hey "$out")
  log "lock-step ${FIXED_RPS} req/s $path: p50 $p50 ms p99 $p99 ms (non-2xx $non2xx, errors $errs; load $(loadavg))"
  HP50[$path]=$p50; HP99[$path]=$p99
done

ratio=$(awk -v y="${RPS[yarp]}" -v n="${RPS[nginx]}" 'BEGIN { printf "%.2f", y / n }')
diff_ms() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a - b }'; }
added50=$(diff_ms "${FP50[yarp]}" "${FP50[direct]}")
added99=$(diff_ms "${FP99[yarp]}" "${FP99[direct]}")
nadded50=$(diff_ms "${FP50[nginx]}" "${FP50[direct]}")
nadded99=$(diff_ms "${FP99[nginx]}" "${FP99[direct]}")
# A negative "added" latency means the run was disturbed more than the hop costs: no verdict then.
p99_verdict=$(verdict "$added99" lt 1)
[ "$(verdict "$added99" lt 0)" = yes ] && p99_verdict="inconclusive (direct p99 worse than proxied: noise)"
[ "$(load_note)" = HIGH ] && p99_verdict="$p99_verdict; load HIGH"
CMD="wrk -t2 -c50 -d${BENCH_DURATION}s --latency, best of $ROUNDS rounds each: ${URL[direct]} / ${URL[yarp]} / ${URL[nginx]}"
FCMD="wrk -t2 -c50 -d${BENCH_DURATION}s -s bench/paced.lua (PACE_MS=$PACE_MS: ${FIXED_RPS} req/s offered, independent arrivals), best of $ROUNDS rounds, on the same three URLs"
HCMD="hey -z ${BENCH_DURATION}s -c 50 -q $((FIXED_RPS / 50)) (${FIXED_RPS} req/s offered in 50-request bursts) on the same three URLs"
record gateway-overhead "saturated req/s direct / YARP / nginx (best p50 ${P50[direct]}/${P50[yarp]}/${P50[nginx]} ms, p99 ${P99[direct]}/${P99[yarp]}/${P99[nginx]} ms)" \
  "${RPS[direct]} / ${RPS[yarp]} / ${RPS[nginx]}" "report" "-" "$CMD"
record gateway-overhead "CPU per request (least of the rounds), shop direct / YARP gateway / bare YARP / nginx" "${CPU[direct]} / ${CPU[yarp]} / ${CPU[bare]} / ${CPU[nginx]} µs" "report" "-" "$CMD; /proc/PID/stat utime+stime over the run"
record gateway-overhead "bare YARP (bench/BareYarp) / nginx saturated throughput (reference)" \
  "$(awk -v y="${RPS[bare]}" -v n="${RPS[nginx]}" 'BEGIN { printf "%.2f", y / n }') (${RPS[bare]} req/s)" "-" "-" "$CMD"
record gateway-overhead "YARP / nginx saturated throughput" "$ratio" ">= 0.90" "$(verdict "$ratio" gt 0.8999)" "$CMD"
record gateway-overhead "paced @${FIXED_RPS} req/s p50 / p99 direct ${FP50[direct]}/${FP99[direct]}, YARP ${FP50[yarp]}/${FP99[yarp]}, nginx ${FP50[nginx]}/${FP99[nginx]} ms" \
  "see next rows" "report" "-" "$FCMD"
record gateway-overhead "YARP added p50 / p99 over direct, paced @${FIXED_RPS} req/s" "$added50 / $added99 ms" "p99 < 1 ms" "$p99_verdict" "$FCMD"
record gateway-overhead "YARP gateway with its trace sampler off: added p50 / p99 over direct, paced @${FIXED_RPS} req/s (diagnostic)" \
  "$(diff_ms "${FP50[untraced]}" "${FP50[direct]}") / $(diff_ms "${FP99[untraced]}" "${FP99[direct]}") ms" "-" "-" "$FCMD; second gateway on :$UNTRACED_PORT with OTEL_TRACES_SAMPLER=always_off"
record gateway-overhead "nginx added p50 / p99 over direct, paced @${FIXED_RPS} req/s (reference)" "$nadded50 / $nadded99 ms" "-" "-" "$FCMD"
record gateway-overhead "lock-step bursts @${FIXED_RPS} req/s: YARP / nginx added p50 / p99 over direct (reference)" \
  "$(diff_ms "${HP50[yarp]}" "${HP50[direct]}") / $(diff_ms "${HP99[yarp]}" "${HP99[direct]}") ms; nginx $(diff_ms "${HP50[nginx]}" "${HP50[direct]}") / $(diff_ms "${HP99[nginx]}" "${HP99[direct]}") ms" "-" "-" "$HCMD"
