#!/usr/bin/env python3
"""Chained-request load for the flows hey and wrk cannot express (standard library only).

  loadclient.py booking BASE_URL SLOTS_JSON --clients 200 --per-client 10 --duration 20
      every client POSTs /api/booking/bookings for slots picked from SLOTS_JSON (a list of
      {appointmentTypeId, practitionerId, start}) with a fresh Idempotency-Key and patient each time.
  loadclient.py checkout BASE_URL SKU[,SKU...] --clients 20 --duration 15
      every client loops cart -> item -> checkout -> payment (tok_visa) until the duration is up;
      client i always buys SKU number i modulo the number of SKUs given.

Prints one JSON object with counts per status, elapsed time, rates and latency percentiles (ms).
Each client keeps one keep-alive connection, like a browser would.
"""
import argparse
import http.client
import json
import random
import threading
import time
import urllib.parse
import uuid


def percentile(values, q):
    if not values:
        return 0.0
    values = sorted(values)
    k = max(0, min(len(values) - 1, int(round(q / 100 * len(values) + 0.5)) - 1))
    return values[k] * 1000


class Client:
    def __init__(self, base):
        u = urllib.parse.urlsplit(base)
        if u.hostname not in ("127.0.0.1", "localhost"):
            raise SystemExit("only 127.0.0.1 targets are allowed")
        self.host, self.port = u.hostname, u.port or 80
        self.conn = None

    def request(self, method, path, body=None, headers=None):
        """-> (status, parsed json or None, seconds). Reconnects once if the server closed the connection."""
        data = json.dumps(body).encode() if body is not None else None
        hdrs = {"Content-Type": "application/json", "Accept": "application/json"}
        hdrs.update(headers or {})
        for attempt in (0, 1):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
            start = time.perf_counter()
            try:
                self.conn.request(method, path, body=data, headers=hdrs)
                resp = self.conn.getresponse()
                raw = resp.read()
                took = time.perf_counter() - start
            except (http.client.HTTPException, ConnectionError, OSError):
                self.conn.close()
                self.conn = None
                if attempt:
                    return 0, None, time.perf_counter() - start
                continue
            try:
                parsed = json.loads(raw) if raw else None
            except ValueError:
                parsed = None
            return resp.status, parsed, took
        return 0, None, 0.0


def summarise(latencies, statuses, elapsed, extra):
    out = {
        "elapsed_s": round(elapsed, 2),
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "requests": sum(statuses.values()),
        "requests_per_s": round(sum(statuses.values()) / elapsed, 1),
        "p50_ms": round(percentile(latencies, 50), 2),
        "p95_ms": round(percentile(latencies, 95), 2),
        "p99_ms": round(percentile(latencies, 99), 2),
    }
    out.update(extra)
    return out


def booking(args):
    with open(args.slots, encoding="utf-8") as f:
        slots = json.load(f)
    lock = threading.Lock()
    latencies, statuses, created = [], {}, []
    go = threading.Event()
    deadline_holder = {}

    def worker(i):
        client = Client(args.base)
        rnd = random.Random(i)
        go.wait()
        for n in range(args.per_client):
            if time.perf_counter() > deadline_holder["t"]:
                break
            slot = rnd.choice(slots)
            body = {
                "appointmentTypeId": slot["appointmentTypeId"],
                "practitionerId": slot["practitionerId"],
                "start": slot["start"],
                "patient": {"name": f"Bench Patient {i}-{n}", "email": f"bench-{uuid.uuid4().hex[:12]}@example.test", "phone": "07700900000"},
                "notes": "contention benchmark",
            }
            status, data, took = client.request("POST", "/api/booking/bookings", body, {"Idempotency-Key": str(uuid.uuid4())})
            with lock:
                latencies.append(took)
                statuses[status] = statuses.get(status, 0) + 1
                if status == 201 and data:
                    created.append(slot["start"])

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(args.clients)]
    for t in threads:
        t.start()
    # All clients start together: the point is 200 requests racing for the same few slots.
    start = time.perf_counter()
    deadline_holder["t"] = start + args.duration
    go.set()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    print(json.dumps(summarise(latencies, statuses, elapsed, {
        "clients": args.clients,
        "slots": len(slots),
        "bookings_created": len(created),
        "distinct_slots_booked": len(set(created)),
        "bookings_per_s": round(len(created) / elapsed, 2),
    })))


def checkout(args):
    lock = threading.Lock()
    flow_latencies, step_latencies, statuses, failures = [], {}, {}, {}
    paid = [0]
    skus = args.sku.split(",")
    go = threading.Event()
    deadline_holder = {}

    def step(client, name, method, path, body=None, key=False):
        headers = {"Idempotency-Key": str(uuid.uuid4())} if key else None
        status, data, took = client.request(method, path, body, headers)
        with lock:
            step_latencies.setdefault(name, []).append(took)
            statuses[f"{name}:{status}"] = statuses.get(f"{name}:{status}", 0) + 1
        return status, data

    def fail(name):
        with lock:
            failures[name] = failures.get(name, 0) + 1

    def worker(i):
        client = Client(args.base)
        go.wait()
        while time.perf_counter() < deadline_holder["t"]:
            began = time.perf_counter()
            status, cart = step(client, "cart", "POST", "/api/shop/carts")
            if status != 201:
                fail("cart")
                continue
            cart_id = cart.get("cartId") or cart.get("id") or cart.get("token")
            sku = skus[i % len(skus)]
            status, _ = step(client, "item", "POST", f"/api/shop/carts/{cart_id}/items", {"sku": sku, "quantity": 1})
            if status != 200:
                fail("item")
                continue
            status, order = step(client, "checkout", "POST", "/api/shop/checkout", {
                "cartId": cart_id,
                "customer": {"name": f"Bench Buyer {i}", "email": f"bench-{uuid.uuid4().hex[:12]}@example.test"},
                "shippingAddress": {"line1": "1 Bench Street", "city": "London", "postcode": "SW1A 1AA", "country": "GB"},
            }, key=True)
            if status != 201:
                fail("checkout")
                continue
            status, _ = step(client, "payment", "POST", f"/api/shop/orders/{order['orderId']}/payments",
                             {"paymentToken": "tok_visa", "orderToken": order["accessToken"]}, key=True)
            if status != 201:
                fail("payment")
                continue
            with lock:
                flow_latencies.append(time.perf_counter() - began)
                paid[0] += 1

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(args.clients)]
    for t in threads:
        t.start()
    start = time.perf_counter()
    deadline_holder["t"] = start + args.duration
    go.set()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    steps = {name: {"n": len(v), "p50_ms": round(percentile(v, 50), 2), "p95_ms": round(percentile(v, 95), 2)}
             for name, v in step_latencies.items()}
    print(json.dumps(summarise(flow_latencies, statuses, elapsed, {
        "clients": args.clients,
        "checkouts_paid": paid[0],
        "checkouts_per_s": round(paid[0] / elapsed, 2),
        "failed_flows": failures,
        "steps": steps,
        "latency_is": "whole flow (4 requests)",
    })))


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="mode", required=True)
    b = sub.add_parser("booking")
    b.add_argument("base")
    b.add_argument("slots")
    b.add_argument("--clients", type=int, default=200)
    b.add_argument("--per-client", type=int, default=10)
    b.add_argument("--duration", type=float, default=20)
    c = sub.add_parser("checkout")
    c.add_argument("base")
    c.add_argument("sku")
    c.add_argument("--clients", type=int, default=20)
    c.add_argument("--duration", type=float, default=15)
    args = p.parse_args()
    booking(args) if args.mode == "booking" else checkout(args)


main()
