#!/usr/bin/env bash
# Issue 3: availability for one appointment type over 30 days for every practitioner who offers it.
#  1. server time: hey straight at the booking service (no gateway) while the service's own
#     http.server.request.duration histogram is scraped before and after -> server-side p95 (target < 20 ms);
#  2. throughput through the gateway with wrk at 50 connections.
# Needs a running stack (./run --detach or bench/run-all.sh); CH_* ports as for ./run.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
ensure_tools wrk hey
require_stack

# The appointment type offered by the most practitioners, so "all practitioners" is as many as the seed allows.
read -r TYPE_ID OFFERED < <(curl -fsS "$BOOKING_URL/api/booking/appointment-types" | python3 -c '
import json, sys
best = max(json.load(sys.stdin), key=lambda t: len(t["practitionerIds"]))
print(best["id"], len(best["practitionerIds"]))')
PRACTITIONERS=$(curl -fsS "$BOOKING_URL/api/booking/practitioners" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))')
FROM=$(date -u -d tomorrow +%F)
TO=$(date -u -d "tomorrow + 29 days" +%F)
QUERY="/api/booking/availability?appointmentTypeId=$TYPE_ID&from=$FROM&to=$TO"

# Shape check: how many practitioners and slots one answer carries (the work each request does).
BYTES=$(curl -fsS -o /dev/null -w '%{size_download}' "$BOOKING_URL$QUERY")
read -r LISTED SLOTS < <(curl -fsS "$BOOKING_URL$QUERY" | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(len(d["practitioners"]), sum(len(p["slots"]) for p in d["practitioners"]))')
log "appointment type $TYPE_ID ($OFFERED practitioners offer it), $FROM..$TO: $LISTED of $PRACTITIONERS practitioners listed, $SLOTS free slots per answer"

# Warm-up so JIT and connection pools do not land in the measured window.
hey -n 200 -c 4 "$BOOKING_URL$QUERY" >/dev/null

# 1. Server time: one request at a time so the number is the handler's own cost, not queueing behind
#    other requests on 2 cores (SERVER_CONCURRENCY to change it; the gateway run below shows loaded latency).
SERVER_CONCURRENCY=${SERVER_CONCURRENCY:-1}
curl -fsS "$BOOKING_URL/metrics" > "$RAW_DIR/availability.metrics.before"
read -r RPS P50 P95 P99 NON2XX ERRS < <(run_hey availability-direct "$BOOKING_URL$QUERY" "$SERVER_CONCURRENCY")
curl -fsS "$BOOKING_URL/metrics" > "$RAW_DIR/availability.metrics.after"
read -r N SP50 SP95 SP99 LE95 < <(python3 "$BENCH_DIR/histogram_quantile.py" \
  "$RAW_DIR/availability.metrics.before" "$RAW_DIR/availability.metrics.after" /api/booking/availability)
CMD="hey -z ${BENCH_DURATION}s -c $SERVER_CONCURRENCY '$BOOKING_URL$QUERY' + /metrics http_server_request_duration_seconds diff"
record booking-availability "server p95 (histogram, $N req, p50 $SP50, p99 $SP99, p95 bucket le ${LE95} ms)" "${SP95} ms" "< 20 ms" \
  "$(verdict "$SP95" lt 20)" "$CMD"
record booking-availability "direct client p50/p95/p99 @$SERVER_CONCURRENCY (${LISTED} practitioners, ${SLOTS} slots, $(( BYTES / 1024 )) KiB)" \
  "$P50/$P95/$P99 ms, $RPS req/s" "< 20 ms p95" "$(verdict "$P95" lt 20)" "hey -z ${BENCH_DURATION}s -c $SERVER_CONCURRENCY (booking :$CH_BOOKING_PORT direct); non-2xx $NON2XX, errors $ERRS"

# 2. Throughput through the gateway.
read -r RPS P50 P95 P99 NON2XX ERRS < <(run_wrk availability-gateway "$CH_GATEWAY_URL$QUERY" 50)
record booking-availability "gateway throughput @50 (p50/p95/p99 $P50/$P95/$P99 ms)" "$RPS req/s" "report" "-" \
  "wrk -t2 -c50 -d${BENCH_DURATION}s --latency '$CH_GATEWAY_URL$QUERY'; non-2xx $NON2XX, errors $ERRS"
[ "$NON2XX" = 0 ] || log "WARNING: $NON2XX non-2xx answers through the gateway (rate limit? see $RAW_DIR/availability-gateway.wrk)"
