#!/usr/bin/env bash
# Issue 5: article list, one article page and /feed.xml through the gateway at 50 connections (output
# caching on: the cached path is what readers hit), then full-text search over 5,000 seeded articles.
# Search answers are output-cached per URL too, so the search runs put a unique `_=` parameter on every
# request (search_uncached.lua) to make each one reach PostgreSQL; a cached search run is shown alongside.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
ensure_tools wrk hey
require_stack

SEED_ARTICLES=${SEED_ARTICLES:-5000}

SLUG=$(curl -fsS "$CH_GATEWAY_URL/api/content/articles?pageSize=1" | python3 -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["slug"])')
for target in list page feed; do
  case $target in
    list) url="$CH_GATEWAY_URL/api/content/articles" ;;
    page) url="$CH_GATEWAY_URL/api/content/articles/$SLUG" ;;
    feed) url="$CH_GATEWAY_URL/feed.xml" ;;
  esac
  curl -fsS -o /dev/null "$url" # fill the output cache before measuring
  read -r RPS P50 P95 P99 NON2XX ERRS < <(run_wrk "content-$target" "$url" 50)
  record content "article $target @50 via gateway: p95 ($RPS req/s, p50/p99 $P50/$P99 ms)" "$P95 ms" "< 10 ms" \
    "$(verdict "$P95" lt 10)" "wrk -t2 -c50 -d${BENCH_DURATION}s --latency $url; non-2xx $NON2XX, errors $ERRS"
done

# Seed published articles straight into the content database (the staff API would take minutes and
# 10,000 rate-limited calls). Columns follow services/content/CultureHealth.Content/Data; search_vector
# is a generated column, so PostgreSQL builds it. Idempotent: only the missing bench-* rows are added.
# Bodies are 180 words, 1 in 20 a clinical term from a list of 40 and the rest filler from 3,000, so a
# one-word search matches about a fifth of the articles and two words a few percent (as in a real blog,
# rather than every article matching every query).
EXISTING=$(psql_db content -c "SELECT count(*) FROM articles WHERE slug LIKE 'bench-%'")
if [ "$EXISTING" -lt "$SEED_ARTICLES" ]; then
  log "seeding $((SEED_ARTICLES - EXISTING)) articles"
  psql_db content <<SQL
WITH words AS (
  SELECT ARRAY['knee','back','pain','shoulder','running','injury','posture','rehabilitation','stretching','strength',
               'hamstring','ankle','sprain','tendon','desk','sleep','recovery','exercise','massage','physiotherapy',
               'pilates','neck','hip','mobility','core','balance','marathon','cycling','swimming','football',
               'arthritis','sciatica','whiplash','tennis','elbow','plantar','fasciitis','osteoporosis','pregnancy','golf'] AS w
), rows AS (
  SELECT g, (SELECT id FROM authors ORDER BY id LIMIT 1) AS author,
         (SELECT string_agg(CASE WHEN h % 20 = 0 THEN w[1 + (h / 20) % 40] ELSE 'filler' || (h % 3000) END, ' ')
            FROM words, generate_series(1, 180) AS i, LATERAL (SELECT abs(hashtext(g::text || '-' || i)) AS h) AS x) AS body,
         (SELECT string_agg(w[1 + (abs(hashtext('t' || g::text || '-' || i)) % 40)], ' ') FROM words, generate_series(1, 5) AS i) AS title
  FROM generate_series($((EXISTING + 1)), $SEED_ARTICLES) AS g
)
INSERT INTO articles (id, title, slug, excerpt, body_markdown, body_html, reading_time_minutes, author_id, tags,
                      status, published_at, created_at, updated_at, comments_open)
SELECT gen_random_uuid(), initcap(title) || ' ' || g, 'bench-' || g, left(body, 200), body, '<p>' || body || '</p>', 1, author,
       ARRAY['bench'], 'published', now() - make_interval(hours => g), now(), now(), true
FROM rows;
ANALYZE articles;
SQL
fi
TOTAL=$(psql_db content -c "SELECT count(*) FROM articles WHERE status = 'published'")

# Uncached search: one client (the query's own cost) and 10 (a busy moment), through the gateway.
for conns in 1 10; do
  out="$RAW_DIR/content-search-c$conns.wrk"
  wrk -t1 -c"$conns" -d"${BENCH_DURATION}s" --timeout 10s --latency -s "$BENCH_DIR/search_uncached.lua" "$CH_GATEWAY_URL" > "$out" 2>&1 || true
  read -r RPS P50 P95 P99 NON2XX ERRS < <(python3 "$BENCH_DIR/parse_load.py" wrk "$out")
  record content "search uncached @$conns over $TOTAL published: p95 ($RPS req/s, p50/p99 $P50/$P99 ms)" "$P95 ms" "< 30 ms" \
    "$(verdict "$P95" lt 30)" "wrk -t1 -c$conns -d${BENCH_DURATION}s --latency -s bench/search_uncached.lua $CH_GATEWAY_URL; non-2xx $NON2XX, errors $ERRS"
done

# The same search repeated: every answer after the first comes from the output cache.
url="$CH_GATEWAY_URL/api/content/articles?q=knee%20pain"
read -r RPS P50 P95 P99 NON2XX ERRS < <(run_hey content-search-cached "$url" 50)
record content "search cached (same q) @50: p95 ($RPS req/s, p50/p99 $P50/$P99 ms)" "$P95 ms" "< 30 ms" \
  "$(verdict "$P95" lt 30)" "hey -z ${BENCH_DURATION}s -c 50 '$url'; non-2xx $NON2XX, errors $ERRS"
