#!/usr/bin/env bash
# Issue 4: product list and product page through the gateway (wrk, 50 connections; output caching is on,
# so this measures the cached path, which is what storefront traffic mostly hits), then the checkout flow
# cart -> item -> order -> payment (tok_visa) at 20 concurrent clients with bench/loadclient.py.
# Checkout and payment are limited to 30/min per IP at the gateway: start the stack with
# Gateway__RateLimits__checkout raised (bench/run-all.sh does), otherwise the 429s are reported.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
ensure_tools wrk
require_stack

CHECKOUT_CLIENTS=${CHECKOUT_CLIENTS:-20}
# Physical products: real stock reservation, shipping address and VAT, like most orders. Client i buys
# SKU i mod 5. Each checkout holds its products' rows locked (the oversell guard) until it commits, so
# with one SKU (BENCH_SKUS=MASSAGE-BALL) all checkouts queue on one row: the hot-product worst case.
SKUS=${BENCH_SKUS:-MASSAGE-BALL,BAND-SET-3,HOT-COLD-PACK,FOAM-ROLLER-45,POSTURE-SUPPORT}
SKU=${SKUS%%,*}

SLUG=$(curl -fsS "$CH_GATEWAY_URL/api/shop/products" | python3 -c '
import json, sys
items = json.load(sys.stdin)["items"]
print(next((p["slug"] for p in items if p["sku"] == sys.argv[1]), items[0]["slug"]))' "$SKU")
LIST="$CH_GATEWAY_URL/api/shop/products"
PAGE="$CH_GATEWAY_URL/api/shop/products/$SLUG"

for target in list page; do
  url=$LIST
  [ "$target" = page ] && url=$PAGE
  curl -fsS "$url" >/dev/null # fill the output cache before measuring
  read -r RPS P50 P95 P99 NON2XX ERRS < <(run_wrk "shop-$target" "$url" 50)
  record shop "product $target @50 via gateway: req/s (p50/p99 $P50/$P99 ms)" "$RPS req/s" "report" "-" \
    "wrk -t2 -c50 -d${BENCH_DURATION}s --latency $url; non-2xx $NON2XX, errors $ERRS"
  record shop "product $target @50 via gateway: p95" "$P95 ms" "< 10 ms" "$(verdict "$P95" lt 10)" \
    "wrk -t2 -c50 -d${BENCH_DURATION}s --latency $url"
done

# Enough stock that the run measures checkout, not "sold out": one staff stock adjustment.
TOKEN=$(staff_token)
IFS=, read -r -a SKU_LIST <<< "$SKUS"
for sku in "${SKU_LIST[@]}"; do
  product_id=$(curl -fsS -H "Authorization: Bearer $TOKEN" "$CH_GATEWAY_URL/api/admin/shop/products" | python3 -c '
import json, sys
rows = [r.get("product", r) for r in json.load(sys.stdin)]
print(next(p["id"] for p in rows if p["sku"] == sys.argv[1]))' "$sku")
  curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"delta": 20000, "reason": "checkout benchmark stock"}' \
    "$CH_GATEWAY_URL/api/admin/shop/products/$product_id/stock-adjustments"
done

log "checkout flow: $CHECKOUT_CLIENTS clients for ${BENCH_DURATION}s on $SKUS"
python3 "$BENCH_DIR/loadclient.py" checkout "$CH_GATEWAY_URL" "$SKUS" --clients "$CHECKOUT_CLIENTS" --duration "$BENCH_DURATION" \
  > "$RAW_DIR/checkout.json"
cat "$RAW_DIR/checkout.json" >&2
read -r PAID PER_S P50 P95 P99 STEPS FAILED < <(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
steps = ",".join("{} p95 {}".format(k, v["p95_ms"]) for k, v in d["steps"].items())
failed = ",".join(f"{k}:{v}" for k, v in d["failed_flows"].items()) or "none"
print(d["checkouts_paid"], d["checkouts_per_s"], d["p50_ms"], d["p95_ms"], d["p99_ms"], steps.replace(" ", "_"), failed)' "$RAW_DIR/checkout.json")
CMD="bench/loadclient.py checkout $CH_GATEWAY_URL $SKUS --clients $CHECKOUT_CLIENTS --duration $BENCH_DURATION"
record shop "checkouts/s @$CHECKOUT_CLIENTS clients, ${#SKU_LIST[@]} SKU(s) ($PAID paid; failed flows: $FAILED)" "$PER_S /s" "report" "-" "$CMD"
record shop "checkout flow p50/p95/p99 (4 requests; ${STEPS//_/ } ms)" "$P50/$P95/$P99 ms" "report" "-" "$CMD"
