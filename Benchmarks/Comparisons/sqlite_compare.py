#!/usr/bin/env python3
"""SQLite baseline for the file-store benchmarks (not part of CI).

Durable inserts per second with journal_mode=WAL and synchronous=FULL, one row per transaction,
from 1 writer and from 16 writer threads (each with its own connection), with rows of about the
size of a file-store record (~1.5 KB of JSON: a ticket, an audit entry and an outbox event).
Usage: python3 Benchmarks/Comparisons/sqlite_compare.py [--quick]
"""
import json
import os
import sqlite3
import sys
import tempfile
import threading
import time
import uuid


def row(index):
    body = {
        "ticket": {"id": str(uuid.UUID(int=index)), "number": index, "title": f"printer network VPN {index}",
                   "channel": "email", "priority": 1, "status": "new",
                   "requester": {"contact": str(uuid.UUID(int=index * 7))},
                   "assigneeID": str(uuid.UUID(int=index * 11)), "groupID": str(uuid.UUID(int=index * 13)),
                   "createdAt": 788_918_400.0 + index * 60, "updatedAt": 788_918_400.0 + index * 61, "revision": 1},
        "audit": {"id": str(uuid.UUID(int=index * 17)), "field": "created", "newValue": f"#{index}",
                  "performer": "system", "at": 788_918_400.0 + index * 60},
        "event": {"id": str(uuid.UUID(int=index * 19)), "ticketCreated": {"number": index, "channel": "email"},
                  "audience": {"employeeIDs": [], "groupIDs": []}, "occurredAt": 788_918_400.0 + index * 60},
    }
    return index, json.dumps(body)


def connect(path):
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=60)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    return connection


def single(path, count):
    connection = connect(path)
    connection.execute("CREATE TABLE IF NOT EXISTS tickets (number INTEGER PRIMARY KEY, body TEXT)")
    rows = [row(i) for i in range(count)]
    start = time.perf_counter()
    for number, body in rows:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("INSERT INTO tickets VALUES (?, ?)", (number, body))
        connection.execute("COMMIT")
    return count / (time.perf_counter() - start)


def concurrent(path, count, writers=16):
    setup = connect(path)
    setup.execute("CREATE TABLE IF NOT EXISTS tickets (number INTEGER PRIMARY KEY, body TEXT)")
    rows = [row(i) for i in range(count)]

    def work(writer):
        connection = connect(path)
        for number, body in rows[writer::writers]:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("INSERT INTO tickets VALUES (?, ?)", (number, body))
            connection.execute("COMMIT")

    threads = [threading.Thread(target=work, args=(w,)) for w in range(writers)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return count / (time.perf_counter() - start)


def main():
    quick = "--quick" in sys.argv
    count = 300 if quick else 2_000
    with tempfile.TemporaryDirectory() as folder:
        one = single(os.path.join(folder, "single.db"), count)
        many = concurrent(os.path.join(folder, "concurrent.db"), count * 4)
    print(json.dumps([
        {"name": "sqlite.commit.1writer", "value": one, "unit": "commits/s",
         "notes": f"SQLite {sqlite3.sqlite_version}, WAL, synchronous=FULL, {count} one-row transactions"},
        {"name": "sqlite.commit.16writers", "value": many, "unit": "commits/s",
         "notes": f"16 threads, one connection each, {count * 4} one-row transactions"},
    ], indent=2))


if __name__ == "__main__":
    main()
