#!/usr/bin/env python3
"""Crash safety (issue 16): starts Wijknet on a SQLite file, writes residents and requests through
the API from several clients at once, kills the server with SIGKILL at a random moment, and checks
before starting it again:
  - `wijknet audit verify` passes: the hash chain is whole;
  - every request whose creation was answered 2xx is there in full: its resident, its first
    timeline event and its audit entry;
  - nothing half-written: every request this harness made has its timeline event and audit entry,
    every resident its audit entry, whether or not the answer reached the client.
Seeded, so a failing run can be repeated. Usage:
  crash-harness.py --binary .build/debug/wijknet --work DIR [--kills 20] [--seed 20261129]"""
import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request

from harness_http import call, free_port

parser = argparse.ArgumentParser()
parser.add_argument("--binary", required=True)
parser.add_argument("--work", required=True)
parser.add_argument("--kills", type=int, default=20)
parser.add_argument("--seed", type=int, default=20261129)
parser.add_argument("--writers", type=int, default=4)
args = parser.parse_args()
rng = random.Random(args.seed)
MARK = "Crashproef"

db_path = os.path.join(args.work, "crash.sqlite")
env = dict(os.environ, WIJKNET_SQLITE_PATH=db_path, WIJKNET_SIGN_INS_PER_MINUTE="10000", WIJKNET_API_REQUESTS_PER_MINUTE="100000")
subprocess.run([args.binary, "demo", "--requests", "20"], env=env, check=True, stdout=subprocess.DEVNULL)
with sqlite3.connect(db_path) as db:
    district = db.execute("SELECT d.id FROM districts d JOIN areas a ON d.area_id = a.id WHERE a.name = 'Noordwest-Arnhem' LIMIT 1").fetchone()[0]


def bsns(start):
    """Nine-digit numbers that pass the 11-test, upwards from start."""
    n = start
    while True:
        digits = [int(c) for c in f"{n:09d}"]
        if (sum(d * w for d, w in zip(digits[:8], range(9, 1, -1))) - digits[8]) % 11 == 0:
            yield f"{n:09d}"
        n += 1


numbers = bsns(999_970_000)
numbers_lock = threading.Lock()


def start():
    port = free_port()
    log = open(os.path.join(args.work, "crash-serve.log"), "a")
    process = subprocess.Popen([args.binary, "serve", "--demo", "--hostname", "127.0.0.1", "--port", str(port)], env=env,
                               stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            with urllib.request.urlopen(base + "/ready", timeout=2) as response:
                if response.status == 200:
                    return process, base
        except OSError:
            pass
        if process.poll() is not None:
            sys.exit(f"the server did not start again after a kill (exit {process.returncode}); see crash-serve.log")
        time.sleep(0.25)
    sys.exit("the server did not become ready")


acknowledged = []  # request ids answered 201
ack_lock = threading.Lock()


def writer(base, token, stop):
    while not stop.is_set():
        with numbers_lock:
            bsn = next(numbers)
        try:
            status, _, resident = call(base, "POST", "/api/v1/residents", {
                "givenName": "Proef", "familyName": "Crash", "birthDate": "1980-05-01", "bsn": bsn, "street": "Markt",
                "houseNumber": "1", "postcode": "6811 AB", "city": "Arnhem", "districtId": district}, token, timeout=10)
            if status != 201:
                continue
            status, _, request = call(base, "POST", "/api/v1/requests", {
                "residentId": resident["id"], "intakeDate": time.strftime("%Y-%m-%d"), "summary": MARK, "law": "wmo",
                "lifeDomains": ["finances"], "urgency": "normal", "consentForMeeting": False}, token, timeout=10)
            if status == 201:
                with ack_lock:
                    acknowledged.append(request["id"])
        except (OSError, ValueError):
            return  # the server is gone


def check(cycle):
    result = subprocess.run([args.binary, "audit", "verify"], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"kill {cycle}: audit verify failed: {result.stdout}{result.stderr}")
    with sqlite3.connect(db_path) as db:
        def one(sql, *params):
            return db.execute(sql, params).fetchone()[0]
        for request_id in acknowledged:
            key = request_id.upper()
            if not one("SELECT COUNT(*) FROM support_requests WHERE id = ?", key):
                sys.exit(f"kill {cycle}: request {request_id} was answered 201 and is gone")
        half = one(f"""SELECT COUNT(*) FROM support_requests r WHERE r.summary = ? AND (
                        NOT EXISTS (SELECT 1 FROM case_events e WHERE e.request_id = r.id)
                        OR NOT EXISTS (SELECT 1 FROM audit_entries a WHERE a.subject_id = r.id AND a.action = 'create')
                        OR NOT EXISTS (SELECT 1 FROM residents p WHERE p.id = r.resident_id))""", MARK)
        if half:
            sys.exit(f"kill {cycle}: {half} request(s) half-written (without timeline, audit entry or resident)")
        orphans = one("""SELECT COUNT(*) FROM residents p WHERE p.family_name = 'Crash'
                         AND NOT EXISTS (SELECT 1 FROM audit_entries a WHERE a.subject_id = p.id AND a.action = 'create')""")
        if orphans:
            sys.exit(f"kill {cycle}: {orphans} resident(s) without their audit entry")
        return one("SELECT COUNT(*) FROM support_requests WHERE summary = ?", MARK)


process, base = start()
for cycle in range(1, args.kills + 1):
    status, _, body = call(base, "POST", "/api/v1/tokens", {"username": "coach.noordwest", "password": "wijknet-demo", "name": "crash"})
    assert status == 201, f"token: {status}"
    stop = threading.Event()
    threads = [threading.Thread(target=writer, args=(base, body["token"], stop)) for _ in range(args.writers)]
    for thread in threads:
        thread.start()
    time.sleep(rng.uniform(0.2, 1.5))
    process.send_signal(signal.SIGKILL)
    process.wait()
    stop.set()
    for thread in threads:
        thread.join()
    stored = check(cycle)
    print(f"kill {cycle}: {len(acknowledged)} requests acknowledged so far, {stored} stored, chain whole", flush=True)
    process, base = start()
process.send_signal(signal.SIGTERM)
process.wait()
print(f"crash safety: {args.kills} kills with SIGKILL during writes, every acknowledged write there in full, nothing half-written")
