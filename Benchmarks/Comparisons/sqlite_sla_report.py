#!/usr/bin/env python3
"""SLA compliance by client as one indexed SQL query in SQLite, for comparison with
ReportEngine.slaCompliance(_:by: .company) (not part of CI).

Usage:
    HELPDESK_SLA_ROWS=/tmp/sla-rows.csv .build/release/helpdesk-bench reports   # writes the rows
    python3 Benchmarks/Comparisons/sqlite_sla_report.py /tmp/sla-rows.csv

The CSV holds one line per ticket with SLA clocks (company, created as Unix seconds, reaction and
resolution outcome: met, breached, pending or empty). The script loads it into an in-memory
database, indexes (created, company), and times the median of 5 runs of the aggregation over the
same period the Swift benchmark uses (every row).
"""
import csv
import sqlite3
import statistics
import sys
import time

QUERY = """
SELECT company,
       COUNT(*) AS tickets,
       SUM(reaction = 'met'), SUM(reaction = 'breached'), SUM(reaction = 'pending'),
       SUM(resolution = 'met'), SUM(resolution = 'breached'), SUM(resolution = 'pending')
FROM tickets
WHERE created >= ? AND created < ?
GROUP BY company
ORDER BY company
"""


def main(path: str) -> None:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE tickets (company TEXT, created INTEGER, reaction TEXT, resolution TEXT)")
    with open(path, newline="") as handle:
        rows = csv.reader(handle)
        next(rows)
        db.executemany("INSERT INTO tickets VALUES (?, ?, ?, ?)", ((c, int(t), r, s) for c, t, r, s in rows))
    db.execute("CREATE INDEX tickets_created_company ON tickets (created, company)")
    db.commit()
    count = db.execute("SELECT COUNT(*) FROM tickets").fetchone()[0]
    low, high = db.execute("SELECT MIN(created), MAX(created) + 1 FROM tickets").fetchone()
    samples = []
    for _ in range(5):
        start = time.perf_counter()
        result = db.execute(QUERY, (low, high)).fetchall()
        samples.append((time.perf_counter() - start) * 1000)
    print(f"rows with SLA: {count}, groups: {len(result)}, median {statistics.median(samples):.1f} ms "
          f"(runs: {', '.join(f'{s:.0f}' for s in samples)})")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/sla-rows.csv")
