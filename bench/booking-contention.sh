#!/usr/bin/env bash
# Issue 3: booking under contention. 200 clients start together and POST /api/booking/bookings for
# 20 candidate slots (distinct Idempotency-Keys and patients), then a SQL self-join proves that no two
# confirmed bookings of one practitioner overlap. The candidates are 10 consecutive slot starts for
# each of 2 practitioners on one day: at 15-minute granularity they overlap each other, so the
# database constraint (not just "same start" checks) is what keeps the diary consistent.
# Goes through the gateway: its booking policy allows 30 POSTs/min per IP, so start the stack with
# Gateway__RateLimits__booking raised (bench/run-all.sh does) or every 429 is reported as such.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
require_stack

CLIENTS=${CLIENTS:-200}
PER_CLIENT=${PER_CLIENT:-10}
SLOTS_FILE="$RAW_DIR/contention-slots.json"

TYPE_ID=$(curl -fsS "$CH_GATEWAY_URL/api/booking/appointment-types" | python3 -c '
import json, sys
ts = json.load(sys.stdin)
ts = ts.get("items", ts) if isinstance(ts, dict) else ts
print(ts[0]["id"])')
FROM=$(date -u -d "+7 days" +%F)
TO=$(date -u -d "+30 days" +%F)
# The freshest day (a week or more out, so minimum notice never interferes): the one where the two
# practitioners with the most free starts have the most, so earlier runs' bookings do not pre-empt the
# race (a slot already taken is refused by the availability check before the insert even runs).
curl -fsS "$CH_GATEWAY_URL/api/booking/availability?appointmentTypeId=$TYPE_ID&from=$FROM&to=$TO" | python3 -c '
import json, sys, collections
d = json.load(sys.stdin)
by_day = collections.defaultdict(dict)
for p in d["practitioners"]:
    for s in p["slots"]:
        by_day[s["start"][:10]].setdefault(p["practitionerId"], []).append(s["start"])
def score(day):
    counts = sorted((len(v) for v in by_day[day].values()), reverse=True)[:2]
    return (sum(counts) if len(counts) == 2 and counts[1] >= 10 else -1, [-int(x) for x in day.split("-")])
day = max(by_day, key=score)
if score(day)[0] < 0:
    sys.exit("no day with two practitioners having 10 free slots each")
rich = sorted(by_day[day].items(), key=lambda kv: -len(kv[1]))[:2]
slots = [{"appointmentTypeId": d["appointmentTypeId"], "practitionerId": pid, "start": s} for pid, starts in rich for s in starts[:10]]
json.dump(slots, open(sys.argv[1], "w"))
minutes = d["durationMinutes"]
print(f"{day}: {len(slots)} candidate slots, {minutes}-minute appointments", file=sys.stderr)' "$SLOTS_FILE"

overlaps() {
  psql_db booking -c "
    SELECT count(*) FROM bookings a
    JOIN bookings b ON a.practitioner_id = b.practitioner_id AND a.id < b.id AND a.footprint && b.footprint
    WHERE a.status IN ('pending', 'confirmed') AND b.status IN ('pending', 'confirmed')"
}
BEFORE=$(overlaps)

log "$CLIENTS clients x up to $PER_CLIENT attempts on 20 slots (max ${BENCH_DURATION}s)"
python3 "$BENCH_DIR/loadclient.py" booking "$CH_GATEWAY_URL" "$SLOTS_FILE" \
  --clients "$CLIENTS" --per-client "$PER_CLIENT" --duration "$BENCH_DURATION" > "$RAW_DIR/contention.json"
cat "$RAW_DIR/contention.json" >&2
AFTER=$(overlaps)
# The rows this run made (guests' bookings are pending until confirmed by email; both hold the slot), read back
# from the database rather than trusted from the client.
STORED=$(psql_db booking -c "
  SELECT count(*) FROM bookings WHERE status IN ('pending', 'confirmed') AND notes = 'contention benchmark'
    AND start >= '$(python3 -c 'import json,sys; print(min(s["start"] for s in json.load(open(sys.argv[1]))))' "$SLOTS_FILE")'
    AND start <= '$(python3 -c 'import json,sys; print(max(s["start"] for s in json.load(open(sys.argv[1]))))' "$SLOTS_FILE")'")

read -r REQS RPS P50 P95 P99 CREATED STATUSES < <(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(d["requests"], d["requests_per_s"], d["p50_ms"], d["p95_ms"], d["p99_ms"], d["bookings_created"],
      ",".join(f"{k}:{v}" for k, v in d["statuses"].items()))' "$RAW_DIR/contention.json")
CMD="bench/loadclient.py booking $CH_GATEWAY_URL <20 slots> --clients $CLIENTS --per-client $PER_CLIENT"
record booking-contention "attempts/s, $CLIENTS clients ($REQS requests; statuses $STATUSES)" "$RPS req/s" "report" "-" "$CMD"
record booking-contention "bookings created (of 20 overlapping candidates; $STORED holding their slot in DB)" "$CREATED" "report" "-" "$CMD"
record booking-contention "latency p50/p95/p99 (all answers)" "$P50/$P95/$P99 ms" "report" "-" "$CMD"
record booking-contention "overlapping slot-holding pairs (SQL self-join; before: $BEFORE)" "$AFTER" "0" \
  "$([ "$AFTER" = 0 ] && echo yes || echo no)" "psql -d booking: bookings a JOIN bookings b ON same practitioner, a.footprint && b.footprint, both pending or confirmed"
case "$STATUSES" in *429*) log "WARNING: rate-limited (429): raise Gateway__RateLimits__booking for this benchmark" ;; esac
