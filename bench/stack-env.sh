#!/usr/bin/env bash
# The benchmark stack's environment: its own data folder and ports (all overridable) so it never collides
# with a developer's stack, raised gateway rate limits and sampled tracing. Sourced by run-all.sh; to keep
# a benchmark stack up between runs: source bench/stack-env.sh && ./run --detach, then bench/<name>.sh.
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
# Every benchmark client checks out from 127.0.0.1: lift the shop's cap on unpaid orders per client address.
export Shop__MaxUnpaidOrdersPerClient=1000000
# Every request is traced and exported to the local telemetry dashboard by default; at thousands of
# requests a second the dashboard's ingestion used more CPU than any service on this 2-core machine
# (measured: 4m42s CPU in 19 minutes of benchmarking, vs 3m29s for the busiest service). Sample 1 % of
# traces for the benchmarks (OpenTelemetry SDK environment variables); BENCH_FULL_TRACING=1 keeps 100 %.
if [ "${BENCH_FULL_TRACING:-0}" != 1 ]; then
  export OTEL_TRACES_SAMPLER=${OTEL_TRACES_SAMPLER:-parentbased_traceidratio} OTEL_TRACES_SAMPLER_ARG=${OTEL_TRACES_SAMPLER_ARG:-0.01}
fi

