#!/usr/bin/env python3
"""A full disk under SQLite (issue 16): Wijknet runs on a small tmpfs, writes requests through the
API, and then the disk is filled to the last byte. It checks that
  - no answer is a 500: a write that cannot be stored is refused with 503, Retry-After and the
    Dutch message about the full disk;
  - nothing stored before is lost: every request answered 201 is there, `wijknet audit verify`
    passes, and no request is half-written;
  - once there is room again the same server stores writes again, without a restart.
Mounting a tmpfs takes root; without it the stage says it is skipped. Usage:
  disk-full.py --binary .build/debug/wijknet --work DIR"""
import argparse
import contextlib
import os
import sqlite3
import subprocess
import sys
import time

import harness_http

parser = argparse.ArgumentParser()
parser.add_argument("--binary", required=True)
parser.add_argument("--work", required=True)
args = parser.parse_args()
MARK = "Schijf vol"
FULL = "de schijf van de database is vol"

disk = os.path.join(args.work, "disk")
os.makedirs(disk, exist_ok=True)
if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", disk], capture_output=True).returncode != 0:
    print("disk full: skipped, a tmpfs could not be mounted here (it takes root)")
    sys.exit(0)

process = None
try:
    db_path = os.path.join(disk, "wijknet.sqlite")
    env = dict(os.environ, WIJKNET_SQLITE_PATH=db_path, WIJKNET_SIGN_INS_PER_MINUTE="10000", WIJKNET_API_REQUESTS_PER_MINUTE="100000")
    subprocess.run([os.path.abspath(args.binary), "demo", "--requests", "20"], env=env, check=True, stdout=subprocess.DEVNULL)
    with contextlib.closing(sqlite3.connect(db_path)) as db:
        district = db.execute("SELECT d.id FROM districts d JOIN areas a ON d.area_id = a.id WHERE a.name = 'Noordwest-Arnhem' LIMIT 1").fetchone()[0]
        resident = db.execute("SELECT id FROM residents WHERE district_id = ? LIMIT 1", (district,)).fetchone()[0]

    port = harness_http.free_port()
    log = open(os.path.join(args.work, "disk-full-serve.log"), "w")
    process = subprocess.Popen([os.path.abspath(args.binary), "serve", "--demo", "--hostname", "127.0.0.1", "--port", str(port)],
                               env=env, stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"

    def call(method, path, body=None, token=None):
        return harness_http.call(base, method, path, body, token)

    for _ in range(120):
        try:
            if call("GET", "/ready")[0] == 200:
                break
        except OSError:
            pass
        time.sleep(0.25)
    else:
        sys.exit("disk full: the server did not become ready")
    status, _, body = call("POST", "/api/v1/tokens", {"username": "coach.noordwest", "password": "wijknet-demo", "name": "disk"})
    assert status == 201, f"token: {status}"
    token = body["token"]

    def new_request():
        return call("POST", "/api/v1/requests", {"residentId": resident, "intakeDate": time.strftime("%Y-%m-%d"), "summary": MARK,
                                                 "law": "wmo", "lifeDomains": ["finances"], "urgency": "normal"}, token)

    acknowledged = []
    for _ in range(10):
        status, _, body = new_request()
        assert status == 201, f"before the disk is full: {status} {body}"
        acknowledged.append(body["id"])

    # Fill the disk to the last byte.
    ballast = os.path.join(disk, "ballast")
    with open(ballast, "wb", buffering=0) as f:
        for size in (65536, 1):
            try:
                while True:
                    f.write(b"\0" * size)
            except OSError:
                pass

    # SQLite may still find room in pages it has; go on until it has none.
    refused = 0
    for attempt in range(400):
        status, headers, body = new_request()
        if status == 201:
            acknowledged.append(body["id"])
            continue
        if status != 503 or FULL not in (body.get("detail") or "") or headers.get("Retry-After") != "60":
            sys.exit(f"disk full: a write was answered {status} {headers.get('Retry-After')} {body}")
        refused += 1
        if refused == 20:
            break
    if refused == 0:
        sys.exit("disk full: 400 writes on a full disk were all stored; the disk was not full")
    status, _, _ = call("GET", "/api/v1/requests", token=token)
    if status not in (200, 503):
        sys.exit(f"disk full: a read was answered {status}")

    # Room again: the same server stores again.
    os.remove(ballast)
    status, _, body = new_request()
    if status != 201:
        sys.exit(f"disk full: after freeing the disk a write was answered {status} {body}")
    acknowledged.append(body["id"])
    process.terminate()
    process.wait(timeout=30)
    process = None

    result = subprocess.run([os.path.abspath(args.binary), "audit", "verify"], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"disk full: audit verify failed: {result.stdout}{result.stderr}")
    with contextlib.closing(sqlite3.connect(db_path)) as db:
        stored = {row[0].upper() for row in db.execute("SELECT id FROM support_requests WHERE summary = ?", (MARK,))}
        missing = [i for i in acknowledged if i.upper() not in stored]
        if missing:
            sys.exit(f"disk full: {len(missing)} request(s) answered 201 are gone")
        half = db.execute("""SELECT COUNT(*) FROM support_requests r WHERE r.summary = ? AND (
                              NOT EXISTS (SELECT 1 FROM case_events e WHERE e.request_id = r.id)
                              OR NOT EXISTS (SELECT 1 FROM audit_entries a WHERE a.subject_id = r.id AND a.action = 'create'))""",
                          (MARK,)).fetchone()[0]
        if half:
            sys.exit(f"disk full: {half} request(s) half-written")
    print(f"disk full: {refused} writes refused with 503 on a full disk, {len(acknowledged)} stored and all there, "
          "audit chain whole, writes stored again once there was room")
finally:
    if process is not None:
        process.kill()
        process.wait()
    if subprocess.run(["umount", disk], capture_output=True).returncode != 0:
        print(f"disk full: {disk} is still mounted; unmount it by hand", file=sys.stderr)
