#!/usr/bin/env bash
# The existing outbox delivery benchmark (bench/OutboxLatency): commit in booking -> handled in content,
# through a real RabbitMQ and PostgreSQL that the program starts for itself (it does not need the stack).
#   OUTBOX_EVENTS (1000) and OUTBOX_WRITERS (1) are its two arguments.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

EVENTS=${OUTBOX_EVENTS:-1000}
WRITERS=${OUTBOX_WRITERS:-1}
# Build from another checkout (e.g. a snapshot of HEAD) when this tree is being edited by others.
ROOT=${OUTBOX_ROOT:-$REPO_ROOT}
CMD="dotnet run -c Release --project bench/OutboxLatency -- $EVENTS $WRITERS"
[ "$ROOT" = "$REPO_ROOT" ] || CMD="$CMD (in $ROOT)"
log "$CMD"
(cd "$ROOT" && timeout 600 dotnet run -c Release --project bench/OutboxLatency -- "$EVENTS" "$WRITERS") > "$RAW_DIR/outbox.txt" 2>&1 \
  || { tail -n 30 "$RAW_DIR/outbox.txt" >&2; fail "OutboxLatency failed"; }
LINE=$(grep -E '^events=' "$RAW_DIR/outbox.txt" | tail -n 1)
echo "$LINE" >&2
value() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<< " $LINE"; }
record outbox-latency "commit -> consumer handled p50/p95/p99 ($(value events) events, $(value writers) writer(s), max $(value max))" \
  "$(value p50)/$(value p95)/$(value p99)" "report" "-" "$CMD"
record outbox-latency "delivery throughput" "$(value throughput)" "report" "-" "$CMD"
