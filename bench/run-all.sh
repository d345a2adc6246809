#!/usr/bin/env bash
# Every benchmark in sequence against one stack that this script starts (./run --detach) and stops.
# The stack gets its own data folder and ports (defaults below, all overridable) so it never collides
# with a developer's stack on the default ports, and the gateway's per-IP rate limits are raised for it:
# the load comes from one IP, and the limits would otherwise answer 429 instead of measuring anything.
#   RUN_ROOT=/path/to/checkout   start the stack from another checkout (default: this repository)
#   BENCH_DURATION=15            seconds per load run
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
RUN_ROOT=${RUN_ROOT:-$(cd "$BENCH_DIR/.." && pwd)}

export CH_DATA_DIR=${CH_DATA_DIR:-/tmp/ch-bench-all}
export CH_GATEWAY_PORT=${CH_GATEWAY_PORT:-18080} CH_CONTENT_PORT=${CH_CONTENT_PORT:-15101} CH_SHOP_PORT=${CH_SHOP_PORT:-15102}
export CH_BOOKING_PORT=${CH_BOOKING_PORT:-15103} CH_ADMIN_PORT=${CH_ADMIN_PORT:-15104} CH_NOTIFICATIONS_PORT=${CH_NOTIFICATIONS_PORT:-15105} CH_PG_PORT=${CH_PG_PORT:-15433}
export CH_RABBIT_PORT=${CH_RABBIT_PORT:-15673} CH_RABBIT_DIST_PORT=${CH_RABBIT_DIST_PORT:-26673} CH_RABBIT_MGMT_PORT=${CH_RABBIT_MGMT_PORT:-25673}
export CH_DASHBOARD_PORT=${CH_DASHBOARD_PORT:-28888} CH_OTLP_GRPC_PORT=${CH_OTLP_GRPC_PORT:-28889} CH_OTLP_HTTP_PORT=${CH_OTLP_HTTP_PORT:-28890}
export CH_RABBIT_NODE=${CH_RABBIT_NODE:-chbench@localhost}
# Not 35672-35682: rabbitmqctl (anyone's, on this machine) takes its distribution port from that range,
# and a node whose dist port is taken at start-up fails with dist_port_already_used.
export CH_GATEWAY_URL="http://127.0.0.1:$CH_GATEWAY_PORT"
# Read by the gateway (Gateway:RateLimits, requests per minute per IP); ./run passes the environment on.
export Gateway__RateLimits__public=1000000 Gateway__RateLimits__booking=1000000 Gateway__RateLimits__checkout=1000000
# Every request is traced and exported to the local telemetry dashboard by default; at thousands of
# requests a second the dashboard's ingestion used more CPU than any service on this 2-core machine
# (measured: 4m42s CPU in 19 minutes of benchmarking, vs 3m29s for the busiest service). Sample 1 % of
# traces for the benchmarks (OpenTelemetry SDK environment variables); BENCH_FULL_TRACING=1 keeps 100 %.
if [ "${BENCH_FULL_TRACING:-0}" != 1 ]; then
  export OTEL_TRACES_SAMPLER=${OTEL_TRACES_SAMPLER:-parentbased_traceidratio} OTEL_TRACES_SAMPLER_ARG=${OTEL_TRACES_SAMPLER_ARG:-0.01}
fi

stop_stack() { "$RUN_ROOT/run" stop >/dev/null 2>&1 || true; }
trap stop_stack EXIT
"$RUN_ROOT/run" --detach

# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"
note "run-all: stack from $RUN_ROOT, gateway rate limits raised, trace sampling ${OTEL_TRACES_SAMPLER_ARG:-1 (100 %)}"
failed=()
# Latency-sensitive ones first while the stack is fresh; the contention run (which leaves many rows and
# may upset the booking service) and the outbox program (its own broker and database) last.
for bench in gateway-overhead shop content booking-availability booking-contention; do
  printf '\n\033[1m== %s ==\033[0m\n' "$bench"
  "$BENCH_DIR/$bench.sh" || failed+=("$bench")
done
# Stopped once, here: a second "run stop" on a stopped node left a rabbitmqctl hanging on the node's
# fixed distribution port, and the next ./run could not start RabbitMQ.
stop_stack
trap - EXIT
printf '\n\033[1m== outbox-latency ==\033[0m\n'
OUTBOX_ROOT=${OUTBOX_ROOT:-$RUN_ROOT} "$BENCH_DIR/outbox-latency.sh" || failed+=(outbox-latency)

[ ${#failed[@]} -eq 0 ] || { echo "failed: ${failed[*]}" >&2; exit 1; }
echo "results appended to $BENCH_DIR/RESULTS.md"
