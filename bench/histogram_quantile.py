#!/usr/bin/env python3
"""p50/p95/p99 of a Prometheus histogram between two /metrics scrapes, for one route.

usage: histogram_quantile.py BEFORE AFTER ROUTE [METRIC]
Prints "count p50_ms p95_ms p99_ms bucket_le_of_p95_ms". Quantiles are linearly interpolated inside a
bucket (as PromQL histogram_quantile does), so they are only as fine as the bucket bounds.
"""
import re
import sys

METRIC = sys.argv[4] if len(sys.argv) > 4 else "http_server_request_duration_seconds"
# Greedy up to the last "}": a route label may itself hold braces ("/{**catch-all}", "articles/{slug}").
LINE = re.compile(r"^" + METRIC + r"_bucket\{(?P<labels>.*)\}\s+(?P<value>[0-9.eE+]+)\s*$")


def buckets(path, route):
    totals = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = LINE.match(line)
            if not m:
                continue
            labels = dict(re.findall(r'(\w+)="([^"]*)"', m.group("labels")))
            if labels.get("http_route") != route or labels.get("http_request_method", "GET") != "GET":
                continue
            le = float("inf") if labels["le"] == "+Inf" else float(labels["le"])
            # Sum over status codes and other labels: the question is "how long did this route take".
            totals[le] = totals.get(le, 0.0) + float(m.group("value"))
    return totals


def quantile(q, bounds, counts):
    total = counts[-1]
    rank = q * total
    prev_bound, prev_count = 0.0, 0.0
    for bound, count in zip(bounds, counts):
        if count >= rank:
            if bound == float("inf"):
                return prev_bound, bound
            inside = count - prev_count
            frac = (rank - prev_count) / inside if inside else 0
            return prev_bound + (bound - prev_bound) * frac, bound
        prev_bound, prev_count = bound, count
    return prev_bound, float("inf")


def main():
    before, after = buckets(sys.argv[1], sys.argv[3]), buckets(sys.argv[2], sys.argv[3])
    bounds = sorted(after)
    if not bounds:
        sys.exit(f"no {METRIC} buckets for route {sys.argv[3]}")
    counts = [after[b] - before.get(b, 0.0) for b in bounds]
    if counts[-1] <= 0:
        sys.exit("no requests recorded between the scrapes")
    p50, _ = quantile(0.50, bounds, counts)
    p95, le95 = quantile(0.95, bounds, counts)
    p99, _ = quantile(0.99, bounds, counts)
    print(f"{counts[-1]:.0f} {p50 * 1000:.2f} {p95 * 1000:.2f} {p99 * 1000:.2f} {le95 * 1000:g}")


main()
