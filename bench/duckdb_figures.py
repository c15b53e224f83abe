#!/usr/bin/env python3
"""The council's figures K1-K10 computed by DuckDB over the same data, to compare with Wijknet.

Usage (after `wijknet bench --national --database-url sqlite:///PATH --json FIGURES.json`):

    python3 -m venv /tmp/bench && /tmp/bench/bin/pip install duckdb
    /tmp/bench/bin/python bench/duckdb_figures.py PATH FIGURES.json

Exports the tables the figures read from the SQLite file to CSV, loads them into DuckDB (in
memory), computes every figure for the quarter in FIGURES.json for the whole country and for
municipality L001 exactly as domain.md defines them (docs/performance.md), checks each against
Wijknet's, and reports DuckDB's times: cold (first query) and warm (median and p99 of 20).
"""
import csv
import datetime
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time

import duckdb

TABLES = {
    "requests": "SELECT hex(id) AS id, hex(area_id) AS area_id, law, intake_date, decided_on FROM support_requests",
    "assignments": """SELECT hex(a.request_id) AS request_id, a.law, a.kind, p.level, hex(a.provider_id) AS provider_id,
                      a.start_date, a.end_date, a.hours_per_week AS hours, a.inside_network AS inside, a.outside_reason AS reason
                      FROM assignments a JOIN products p ON p.id = a.product_id""",
    "history": """SELECT hex(h.area_id) AS area_id, h.law, h.kind, p.level, h.start_date, h.end_date, h.hours_per_week AS hours,
                  h.inside_network AS inside FROM historical_assignments h JOIN products p ON p.id = h.product_id""",
    "referrals": "SELECT hex(request_id) AS request_id, hex(partner_id) AS partner_id, date, status FROM referrals",
    "discussed": "SELECT hex(i.request_id) AS request_id, m.date FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id",
    "areas": "SELECT hex(a.id) AS id, m.code FROM areas a JOIN municipalities m ON m.id = a.municipality_id",
}

# One statement per figure; {scope} selects the requests' areas, :qs/:qe the quarter, :asof the day.
FIGURES = """
WITH scope_areas AS (SELECT id FROM areas WHERE {scope}),
r AS (SELECT * FROM requests WHERE area_id IN (SELECT id FROM scope_areas)),
a AS (SELECT a.* FROM assignments a JOIN r ON r.id = a.request_id
      UNION ALL
      SELECT NULL AS request_id, law, kind, level, NULL AS provider_id, start_date, end_date, hours, inside, NULL AS reason
      FROM history WHERE area_id IN (SELECT id FROM scope_areas)),
active AS (SELECT * FROM a WHERE start_date <= $qe AND (end_date IS NULL OR end_date >= $qs)),
firsts AS (SELECT a.* FROM assignments a JOIN r ON r.id = a.request_id WHERE a.kind = 'first'),
counted_referrals AS (SELECT f.* FROM referrals f JOIN r ON r.id = f.request_id WHERE f.status <> 'declined'),
k1 AS (SELECT DISTINCT d.request_id AS id FROM discussed d JOIN r ON r.id = d.request_id WHERE d.date BETWEEN $qs AND $qe),
starts AS (SELECT r.id, r.intake_date, MIN(s.day) AS start FROM r JOIN (
              SELECT request_id, start_date AS day FROM firsts UNION ALL SELECT request_id, date AS day FROM counted_referrals) s
           ON s.request_id = r.id WHERE r.intake_date BETWEEN $qs AND $qe GROUP BY r.id, r.intake_date),
reached AS (SELECT r.id, COUNT(DISTINCT o.org) AS n FROM r LEFT JOIN (
              SELECT request_id, provider_id AS org FROM assignments UNION ALL SELECT request_id, partner_id AS org FROM referrals) o
            ON o.request_id = r.id WHERE r.intake_date BETWEEN $qs AND $qe GROUP BY r.id),
reasons AS (SELECT DISTINCT r.id, COALESCE(f.reason, 'onbekend') AS reason FROM r JOIN firsts f ON f.request_id = r.id
            WHERE r.decided_on BETWEEN $qs AND $qe AND NOT f.inside)
SELECT
  (SELECT COUNT(*) FROM k1) AS k1,
  (SELECT COUNT(*) FROM k1 WHERE id IN (SELECT request_id FROM firsts WHERE inside)) AS k2,
  (SELECT COUNT(*) FROM k1 WHERE id IN (SELECT request_id FROM counted_referrals)) AS k3,
  (SELECT COUNT(*) FILTER (WHERE inside) FROM active WHERE law = 'wmo') AS k4_wmo_part,
  (SELECT COUNT(*) FROM active WHERE law = 'wmo') AS k4_wmo_base,
  (SELECT COUNT(*) FILTER (WHERE inside) FROM active WHERE law = 'jeugd') AS k4_jeugd_part,
  (SELECT COUNT(*) FROM active WHERE law = 'jeugd') AS k4_jeugd_base,
  (SELECT COUNT(*) FILTER (WHERE inside) FROM a WHERE kind = 'first' AND law = 'wmo' AND start_date BETWEEN $qs AND $qe) AS k5_wmo_part,
  (SELECT COUNT(*) FROM a WHERE kind = 'first' AND law = 'wmo' AND start_date BETWEEN $qs AND $qe) AS k5_wmo_base,
  (SELECT COUNT(*) FILTER (WHERE inside) FROM a WHERE kind = 'first' AND law = 'jeugd' AND start_date BETWEEN $qs AND $qe) AS k5_jeugd_part,
  (SELECT COUNT(*) FROM a WHERE kind = 'first' AND law = 'jeugd' AND start_date BETWEEN $qs AND $qe) AS k5_jeugd_base,
  (SELECT AVG(hours) FROM active WHERE inside) AS k6_inside, (SELECT COUNT(*) FROM active WHERE inside) AS k6_inside_n,
  (SELECT AVG(hours) FROM active WHERE NOT inside) AS k6_outside, (SELECT COUNT(*) FROM active WHERE NOT inside) AS k6_outside_n,
  (SELECT COUNT(*) FILTER (WHERE level = 'specialist') FROM active WHERE inside AND level <> 'other') AS k7_inside_part,
  (SELECT COUNT(*) FROM active WHERE inside AND level <> 'other') AS k7_inside_base,
  (SELECT COUNT(*) FILTER (WHERE level = 'specialist') FROM active WHERE NOT inside AND level <> 'other') AS k7_outside_part,
  (SELECT COUNT(*) FROM active WHERE NOT inside AND level <> 'other') AS k7_outside_base,
  (SELECT MEDIAN(start - intake_date) FROM starts WHERE start <= $asof) AS k8,
  (SELECT COUNT(*) FROM starts WHERE start <= $asof) AS k8_n,
  (SELECT AVG(n) FROM reached) AS k9, (SELECT COUNT(*) FROM reached) AS k9_n,
  (SELECT list(struct_pack(reason := reason, n := n)) FROM (SELECT reason, COUNT(*) AS n FROM reasons GROUP BY reason)) AS k10
"""


def export(sqlite_path, folder):
    source = sqlite3.connect(sqlite_path)
    rows = 0
    for table, query in TABLES.items():
        cursor = source.execute(query)
        with open(os.path.join(folder, table + ".csv"), "w", newline="") as f:
            writer = csv.writer(f)
            writer.writerow([c[0] for c in cursor.description])
            for row in cursor:
                writer.writerow(row)
                rows += 1
    return rows


def load(db, folder):
    types = {"intake_date": "DATE", "decided_on": "DATE", "start_date": "DATE", "end_date": "DATE", "date": "DATE",
             "hours": "DOUBLE", "inside": "BOOLEAN"}
    for table in TABLES:
        path = os.path.join(folder, table + ".csv")
        with open(path) as f:
            header = f.readline().strip().split(",")
        columns = {c: types.get(c, "VARCHAR") for c in header}
        db.execute(f"CREATE TABLE {table} AS SELECT * FROM read_csv('{path}', header = true, columns = {columns})")


def figures(db, scope, quarter, asof):
    first, last = quarter
    return db.execute(FIGURES.format(scope=scope), {"qs": first, "qe": last, "asof": asof}).fetchone(), db.description


def compare(ours, row, description):
    theirs = dict(zip([d[0] for d in description], row))
    checks = {
        "k1": (ours["k1"], theirs["k1"]),
        "k2": (ours["k2"], [theirs["k2"], theirs["k1"]]),
        "k3": (ours["k3"], [theirs["k3"], theirs["k1"]]),
        "k10": (ours["k10"], {item["reason"]: item["n"] for item in theirs["k10"] or []}),
    }
    for name in ["k4_wmo", "k4_jeugd", "k5_wmo", "k5_jeugd", "k7_inside", "k7_outside"]:
        checks[name] = (ours[name], [theirs[name + "_part"], theirs[name + "_base"]])
    for name, count in [("k6_inside", "k6_inside_n"), ("k6_outside", "k6_outside_n"), ("k8", "k8_n"), ("k9", "k9_n")]:
        value = theirs[name]
        checks[name] = ([round(ours[name][0], 6), ours[name][1]], [round(float(value or 0), 6), float(theirs[count])])
    return {name: pair for name, pair in checks.items() if pair[0] != pair[1]}


def quarter_bounds(text):
    year, q = int(text[:4]), int(text[5])
    first = datetime.date(year, 3 * q - 2, 1)
    last = (datetime.date(year + (q == 4), 1 if q == 4 else 3 * q + 1, 1) - datetime.timedelta(days=1))
    return first, last


def main():
    sqlite_path, ours_path = sys.argv[1], sys.argv[2]
    ours = json.load(open(ours_path))
    quarter = quarter_bounds(ours["quarter"])
    asof = datetime.date.today()
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        rows = export(sqlite_path, folder)
        exported = time.perf_counter() - start
        db = duckdb.connect()
        start = time.perf_counter()
        load(db, folder)
        loaded = time.perf_counter() - start
    print(f"export from SQLite to CSV: {rows} rows in {exported:.1f} s; DuckDB load: {loaded:.1f} s")
    failed = False
    for name, scope, key in [("municipality L001", "code = 'L001'", "municipality"), ("the whole country", "TRUE", "country")]:
        start = time.perf_counter()
        row, description = figures(db, scope, quarter, asof)
        cold = (time.perf_counter() - start) * 1000
        warm = []
        for _ in range(20):
            start = time.perf_counter()
            figures(db, scope, quarter, asof)
            warm.append((time.perf_counter() - start) * 1000)
        warm.sort()
        differences = compare(ours[key], row, description)
        failed = failed or bool(differences)
        verdict = "same figures as Wijknet" if not differences else f"DIFFERENT from Wijknet: {differences}"
        print(f"DuckDB K1-K10 {ours['quarter']}, {name}: cold {cold:.1f} ms; warm median {statistics.median(warm):.1f} ms, "
              f"p99 {warm[min(len(warm) - 1, round(0.99 * (len(warm) - 1)))]:.1f} ms (n=20); {verdict}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
