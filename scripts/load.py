#!/usr/bin/env python3
"""Load (issue 16): N clients at once, each signed in as a coach with its own token, read the
case list and then a case page from it, over and over for a bounded time. Reports throughput and
the 50th, 95th and 99th percentile; any error (not 200) fails the run. In scripts/test it is a
smoke test against the demo server; the figures of record are in docs/performance.md.
With --outage the database is stopped and started during the run: then 503 with Retry-After is
the right answer, counted apart, and at least one must come; anything else is still an error.
An answer may then take long: each database round trip of a request can wait up to the
connection pool's 10 seconds, so the client waits up to 90 seconds instead of 30.
With several URLs (instances behind no proxy) the clients are spread over them in turn.
Usage: load.py URL [URL ...] [--clients 16] [--seconds 5] [--username coach.noordwest] [--outage]"""
import argparse
import json
import random
import sys
import threading
import time
import urllib.error
import urllib.request

parser = argparse.ArgumentParser()
parser.add_argument("urls", nargs="+", metavar="url")
parser.add_argument("--clients", type=int, default=16)
parser.add_argument("--seconds", type=float, default=5)
parser.add_argument("--username", default="coach.noordwest")
parser.add_argument("--password", default="wijknet-demo")
parser.add_argument("--seed", type=int, default=20261129)
parser.add_argument("--outage", action="store_true")
args = parser.parse_args()


TIMEOUT = 90 if args.outage else 30


def call(path, token=None, body=None, url=args.urls[0]):
    request = urllib.request.Request(url + path, data=json.dumps(body).encode() if body is not None else None,
                                     headers={"Content-Type": "application/json"})
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        return response.status, json.loads(response.read())


# One token for every client: the clients are one coach's browser tabs, as far as the server knows.
status, issued = call("/api/v1/tokens", body={"username": args.username, "password": args.password, "name": "load"})
token = issued["token"]
status, first = call("/api/v1/requests?perPage=50", token)
ids = [item["id"] for item in first["items"]]
if not ids:
    sys.exit("no requests to read")

timings = {"list": [], "case": []}
errors = []
unavailable = []
lock = threading.Lock()
deadline = time.monotonic() + args.seconds


def client(number):
    rng = random.Random(args.seed + number)
    url = args.urls[number % len(args.urls)]
    while time.monotonic() < deadline:
        for kind, path in (("list", f"/api/v1/requests?page={rng.randint(1, 3)}"), ("case", f"/api/v1/requests/{rng.choice(ids)}")):
            start = time.perf_counter()
            retry_after = None
            try:
                status, _ = call(path, token, url=url)
            except urllib.error.HTTPError as error:
                status, retry_after = error.code, error.headers.get("Retry-After")
            except (urllib.error.URLError, OSError, ValueError) as error:
                status = str(error)
            elapsed = time.perf_counter() - start
            with lock:
                if status == 200:
                    timings[kind].append(elapsed)
                elif args.outage and status == 503 and retry_after:
                    unavailable.append(elapsed)
                else:
                    errors.append(f"{path}: {status}")


threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
started = time.monotonic()
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
duration = time.monotonic() - started


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] * 1000


total = sum(len(v) for v in timings.values())
print(f"{args.clients} clients, {duration:.1f} s: {total} requests, {total / duration:.0f} per second, {len(errors)} errors")
if args.outage:
    slowest = max(unavailable + timings["list"] + timings["case"], default=0)
    print(f"  database stopped: {len(unavailable)} answered 503 with Retry-After; slowest answer of the run {slowest:.1f} s")
for kind, values in timings.items():
    if values:
        print(f"  {kind:4}: p50 {percentile(values, 50):.1f} ms, p95 {percentile(values, 95):.1f} ms, p99 {percentile(values, 99):.1f} ms ({len(values)})")
if errors:
    print("errors:", *errors[:10], sep="\n  ")
    sys.exit(1)
if args.outage and not unavailable:
    sys.exit("no answer said the database was away: the outage did not happen during the run")
