#!/usr/bin/env bash
# The existing outbox delivery benchmark (bench/OutboxLatency): commit in booking -> handled in content,
# through a real RabbitMQ and PostgreSQL that the program starts for itself (it does not need the stack).
#   OUTBOX_EVENTS (1000), OUTBOX_WRITERS (1) and OUTBOX_RATES ("100 0": commits/s, 0 = flat out) are its arguments.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

EVENTS=${OUTBOX_EVENTS:-1000}
WRITERS=${OUTBOX_WRITERS:-1}
# Two runs: commits paced at OUTBOX_RATE per second (default 100, far above a clinic's busiest hour),
# then one writer committing flat out (rate 0), where delivery competes for the 2 cores with the writer.
RATES=${OUTBOX_RATES:-100 0}
# Build from another checkout (e.g. a snapshot of HEAD) when this tree is being edited by others.
ROOT=${OUTBOX_ROOT:-$REPO_ROOT}
for RATE in $RATES; do
  CMD="dotnet run -c Release --project bench/OutboxLatency -- $EVENTS $WRITERS $RATE"
  [ "$ROOT" = "$REPO_ROOT" ] || CMD="$CMD (in $ROOT)"
  log "$CMD"
  (cd "$ROOT" && timeout 600 dotnet run -c Release --project bench/OutboxLatency -- "$EVENTS" "$WRITERS" "$RATE") > "$RAW_DIR/outbox-$RATE.txt" 2>&1 \
    || { tail -n 30 "$RAW_DIR/outbox-$RATE.txt" >&2; fail "OutboxLatency failed"; }
  LINE=$(grep -E '^events=' "$RAW_DIR/outbox-$RATE.txt" | tail -n 1)
  echo "$LINE" >&2
  value() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<< " $LINE"; }
  P95=$(value p95); P95=${P95%ms}
  record outbox-latency "commit -> handled p50/p95/p99 ($(value events) events, $(value writers) writer(s) at $(value rate), max $(value max); relay p50/p95 $(value relay_p50)/$(value relay_p95), consume $(value consume_p50)/$(value consume_p95))" \
    "$(value p50)/$(value p95)/$(value p99)" "p95 < 50 ms" "$(verdict "$P95" lt 50)" "$CMD"
  record outbox-latency "delivery throughput at $(value rate)" "$(value throughput)" "report" "-" "$CMD"
done
