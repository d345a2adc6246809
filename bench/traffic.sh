#!/usr/bin/env bash
# Drives a little storefront traffic through the gateway of a running stack (./run), so the dashboards and
# Prometheus have something to show: browsing, a comment, a treatment-package purchase paid with tok_visa
# (its trace spans gateway -> shop -> RabbitMQ -> booking in the telemetry dashboard), and a booking.
#
#   bench/traffic.sh            one round
#   bench/traffic.sh 20         twenty rounds
# GATEWAY overrides the address (default http://127.0.0.1:$CH_GATEWAY_PORT from deploy/local/ports.env).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=../deploy/local/ports.env
source "$ROOT/deploy/local/ports.env"
GATEWAY=${GATEWAY:-http://127.0.0.1:$CH_GATEWAY_PORT}
ROUNDS=${1:-1}
say() { printf '\033[1m[traffic]\033[0m %s\n' "$*"; }
die() { printf '\033[31m[traffic]\033[0m %s\n' "$*" >&2; exit 1; }

curl -fsS "$GATEWAY/health" >/dev/null 2>&1 || die "no healthy gateway at $GATEWAY: start the stack with ./run first"
command -v jq >/dev/null || die "jq is needed: apt-get install -y jq"

get() { curl -fsS "$GATEWAY$1"; }
post() { # post PATH JSON [IDEMPOTENT]
  local key=()
  if [ "${3:-}" = idempotent ]; then key=(-H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)"); fi
  curl -fsS -X POST "$GATEWAY$1" -H 'Content-Type: application/json' "${key[@]}" -d "$2"
}

browse() {
  get "/api/shop/products?pageSize=24" >/dev/null
  get "/api/content/articles?pageSize=10" | jq -r '.items[].slug' | head -3 | while read -r slug; do
    get "/api/content/articles/$slug" >/dev/null
  done
  get /api/content/tags >/dev/null
  get /feed.xml >/dev/null
}

comment() {
  local slug; slug=$(get "/api/content/articles?pageSize=1" | jq -r '.items[0].slug')
  post "/api/content/articles/$slug/comments" \
    "{\"authorName\":\"Traffic Script\",\"authorEmail\":\"traffic-$RANDOM@example.com\",\"body\":\"Thanks, the exercises helped my knee ($RANDOM).\"}" >/dev/null
}

buy_treatment_package() {
  local sku cart order order_id payment
  sku=$(get "/api/shop/products?category=treatment-packages" | jq -r '.items[0].sku')
  cart=$(post /api/shop/carts '{}' | jq -r '.cartId')
  post "/api/shop/carts/$cart/items" "{\"sku\":\"$sku\",\"quantity\":1}" >/dev/null
  order=$(post /api/shop/checkout "{\"cartId\":\"$cart\",\"customer\":{\"name\":\"Pat Example\",\"email\":\"pat-$RANDOM@example.com\"}}" idempotent)
  order_id=$(jq -r '.orderId' <<<"$order")
  payment=$(post "/api/shop/orders/$order_id/payments" "{\"paymentToken\":\"tok_visa\",\"orderToken\":$(jq '.accessToken' <<<"$order")}" idempotent)
  say "order $(jq -r '.orderNumber' <<<"$order") for $sku: payment $(jq -r '.status' <<<"$payment")"
}

book() {
  local type from to availability practitioner start booking
  type=$(get /api/booking/appointment-types | jq -r '(if type == "array" then . else .items end) | map(select((.practitionerIds | length) > 0)) | .[0].id')
  from=$(date -u -d '+3 days' +%F); to=$(date -u -d '+9 days' +%F)
  availability=$(get "/api/booking/availability?appointmentTypeId=$type&from=$from&to=$to")
  practitioner=$(jq -r '[.practitioners[] | select((.slots | length) > 0)] | .[0].practitionerId' <<<"$availability")
  # A random free slot, so repeated rounds do not all race for the first one.
  start=$(jq -r --arg p "$practitioner" '[.practitioners[] | select(.practitionerId == $p) | .slots[]] | .[(now | floor) % length].start' <<<"$availability")
  if booking=$(post /api/booking/bookings \
      "{\"appointmentTypeId\":\"$type\",\"practitionerId\":\"$practitioner\",\"start\":\"$start\",\"patient\":{\"name\":\"Pat Example\",\"email\":\"pat@example.com\",\"phone\":\"07700 900123\"}}" idempotent); then
    say "booked $(jq -r '.booking.id' <<<"$booking") at $start"
  else
    say "slot at $start was taken meanwhile (409): fine for a traffic script"
  fi
}

for round in $(seq 1 "$ROUNDS"); do
  say "round $round of $ROUNDS"
  browse
  comment
  buy_treatment_package
  book
done
say "done: Grafana/Prometheus show it within one scrape (15 s); traces are in the telemetry dashboard (http://127.0.0.1:$CH_DASHBOARD_PORT)"
