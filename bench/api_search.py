#!/usr/bin/env python3
"""Free-text search through the API, one call after the other (issue 16; docs/performance.md):
signs in as a coach, asks `GET /api/v1/requests?q=QUERY` (page 1) CALLS times per query after
five unmeasured calls, and prints how many matched with the median, p95 and p99 in milliseconds.
Usage: api_search.py URL [--calls 100] [--username coach.noordwest] QUERY [QUERY ...]"""
import argparse
import os
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
from harness_http import call  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("url")
parser.add_argument("queries", nargs="+")
parser.add_argument("--calls", type=int, default=100)
parser.add_argument("--username", default="coach.noordwest")
parser.add_argument("--password", default="wijknet-demo")
args = parser.parse_args()

status, _, issued = call(args.url, "POST", "/api/v1/tokens", {"username": args.username, "password": args.password, "name": "search"})
if status != 201:
    sys.exit(f"sign-in: {status}")
token = issued["token"]


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] * 1000


for query in args.queries:
    path = "/api/v1/requests?q=" + urllib.parse.quote(query)
    for _ in range(5):
        status, _, body = call(args.url, "GET", path, token=token, timeout=120)
        if status != 200:
            sys.exit(f"{query}: {status} {body}")
    timings = []
    for _ in range(args.calls):
        start = time.perf_counter()
        status, _, body = call(args.url, "GET", path, token=token, timeout=120)
        timings.append(time.perf_counter() - start)
        if status != 200:
            sys.exit(f"{query}: {status} {body}")
    matches = body.get("total", len(body.get("items", [])))
    print(f"{query!r}: {matches} matches; median {percentile(timings, 50):.1f} ms, p95 {percentile(timings, 95):.1f} ms, "
          f"p99 {percentile(timings, 99):.1f} ms ({args.calls} calls)")
