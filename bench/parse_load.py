#!/usr/bin/env python3
"""Reduce wrk/hey output to one line: rps p50_ms p95_ms p99_ms non2xx errors (used by bench/lib.sh)."""
import re
import sys


def wrk(text):
    m = re.search(r"BENCH requests=(\d+) duration_us=(\d+) p50_us=(\d+) p95_us=(\d+) p99_us=(\d+) max_us=(\d+) non2xx=(\d+) errors=(\d+)", text)
    if not m:
        sys.exit("wrk produced no summary:\n" + text[-2000:])
    req, dur, p50, p95, p99, _mx, non2xx, errors = (int(x) for x in m.groups())
    return req / (dur / 1e6), p50 / 1000, p95 / 1000, p99 / 1000, non2xx, errors


def hey(text):
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    pct = {int(p): float(v) * 1000 for p, v in re.findall(r"(\d+)%+ in ([\d.]+) secs", text)}
    codes = {int(c): int(n) for c, n in re.findall(r"\[(\d{3})\]\s+(\d+) responses", text)}
    non2xx = sum(n for c, n in codes.items() if not 200 <= c < 300)
    err = re.search(r"Error distribution:(.*)", text, re.S)
    errors = sum(int(n) for n in re.findall(r"\[(\d+)\]", err.group(1))) if err else 0
    return rps, pct.get(50, 0), pct.get(95, 0), pct.get(99, 0), non2xx, errors


def main():
    kind, path = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    rps, p50, p95, p99, non2xx, errors = (wrk if kind == "wrk" else hey)(text)
    print(f"{rps:.0f} {p50:.2f} {p95:.2f} {p99:.2f} {non2xx} {errors}")


main()
