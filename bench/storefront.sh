#!/usr/bin/env bash
# Issue 13: the website's article page through the gateway at 50 connections (wrk), as readers reach it.
#  - client view: wrk's p50/p95/p99 at the load generator (it shares the 2 cores with everything else);
#  - server time: the gateway's own http.server.request.duration histogram for the website's route
#    ("/{**catch-all}"), scraped from its /metrics before and after the run (target p95 < 15 ms), and the
#    website's own histogram for /articles/{slug} (the part of that time spent rendering);
#  - page weight: HTML + CSS + JS of the article page as a browser downloads it (target < 100 KB).
# Each response is a full page render: the article, comments and related list come from the website's
# short-lived cache of the public API (as for real readers); the mini cart and the CSP nonce are per request.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
ensure_tools wrk
require_stack

: "${CH_STOREFRONT_PORT:=5106}"
STOREFRONT_URL="http://127.0.0.1:$CH_STOREFRONT_PORT"
SLUG=${BENCH_ARTICLE:-how-running-injuries-can-trigger-lower-back-pain}
URL="$CH_GATEWAY_URL/articles/$SLUG"
curl -fsS -o /dev/null "$URL" || fail "$URL does not answer 200"

# Page weight: the document plus every stylesheet and script it links (same-origin), uncompressed and as sent.
python3 - "$URL" <<'PY' > "$RAW_DIR/storefront-weight.txt"
import re, sys, urllib.request
url = sys.argv[1]
origin = re.match(r"https?://[^/]+", url).group(0)
def get(u, gzip):
    req = urllib.request.Request(u, headers={"Accept-Encoding": "gzip, br" if gzip else "identity"})
    with urllib.request.urlopen(req) as r:
        return r.read()
html = get(url, False).decode()
assets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html) + re.findall(r'<script[^>]+src="([^"]+)"', html)
raw = len(html.encode())
sent = len(get(url, True))
for a in assets:
    raw += len(get(origin + a, False))
    sent += len(get(origin + a, True))
print(f"{raw / 1024:.1f} {sent / 1024:.1f} {len(assets)}")
PY
read -r RAW_KB SENT_KB ASSETS < "$RAW_DIR/storefront-weight.txt"
record storefront "article page HTML+CSS+JS ($ASSETS linked assets; $SENT_KB KB as sent)" "$RAW_KB KB" "< 100 KB" \
  "$(verdict "$RAW_KB" lt 100)" "bench/storefront.sh page weight of $URL"

GATEWAY_ROUTE='/{**catch-all}'
STOREFRONT_ROUTE='articles/{slug}' # Razor Pages routes carry no leading slash
curl -fsS "$CH_GATEWAY_URL/metrics" > "$RAW_DIR/storefront-gateway-before.prom"
curl -fsS "$STOREFRONT_URL/metrics" > "$RAW_DIR/storefront-site-before.prom"
warm_up "$URL" 50
curl -fsS "$CH_GATEWAY_URL/metrics" > "$RAW_DIR/storefront-gateway-before.prom"
curl -fsS "$STOREFRONT_URL/metrics" > "$RAW_DIR/storefront-site-before.prom"
read -r RPS P50 P95 P99 NON2XX ERRS < <(BENCH_WARMUP=0 run_wrk storefront-article "$URL" 50)
curl -fsS "$CH_GATEWAY_URL/metrics" > "$RAW_DIR/storefront-gateway-after.prom"
curl -fsS "$STOREFRONT_URL/metrics" > "$RAW_DIR/storefront-site-after.prom"
read -r N SP50 SP95 SP99 LE95 < <(python3 "$BENCH_DIR/histogram_quantile.py" "$RAW_DIR/storefront-gateway-before.prom" "$RAW_DIR/storefront-gateway-after.prom" "$GATEWAY_ROUTE")
read -r _ WP50 WP95 WP99 _ < <(python3 "$BENCH_DIR/histogram_quantile.py" "$RAW_DIR/storefront-site-before.prom" "$RAW_DIR/storefront-site-after.prom" "$STOREFRONT_ROUTE")
CMD="wrk -t2 -c50 -d${BENCH_DURATION}s --latency $URL + gateway /metrics http_server_request_duration_seconds diff"
record storefront "article page @50 via gateway: server p95 at the gateway ($N req, p50 $SP50, p99 $SP99; bucket le $LE95 ms)" "$SP95 ms" "< 15 ms" \
  "$(verdict "$SP95" lt 15)" "$CMD"
record storefront "article page @50: the website's own render time p95 (p50 $WP50, p99 $WP99)" "$WP95 ms" "report" "-" \
  "website /metrics http_server_request_duration_seconds for $STOREFRONT_ROUTE during the same run"
record storefront "article page @50 via gateway: client p95 ($RPS req/s, p50/p99 $P50/$P99 ms)" "$P95 ms" "report" "-" \
  "$CMD; non-2xx $NON2XX, errors $ERRS"
