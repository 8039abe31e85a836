#!/usr/bin/env python3
"""The Python peer of helpdesk-bench's `recurrence` group: expands the same plans with python-dateutil.

Usage: expand_python.py PLANS.json FROM THROUGH [ROUNDS]
PLANS.json is a list of {"rule", "start" (YYYY-MM-DD), "time" (HH:MM), "zone"}; FROM and THROUGH are
YYYY-MM-DD. Each rule is parsed with rrulestr and a zone-aware DTSTART before timing; the timed loop calls
rrule.between(FROM 00:00, THROUGH 23:59:59, inc=True) for every plan. Prints one JSON object:
{"plans": n, "occurrences": k, "seconds": best round, "python": "3.x.y", "dateutil": "2.x"}.
Exits non-zero (the bench reports the peer as skipped) when dateutil is missing.
"""

import datetime as dt
import json
import platform
import sys
import time
from zoneinfo import ZoneInfo

import dateutil
from dateutil.rrule import rrulestr


def main():
    with open(sys.argv[1]) as f:
        plans = json.load(f)
    first = dt.date.fromisoformat(sys.argv[2])
    last = dt.date.fromisoformat(sys.argv[3])
    rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    rules = []
    for plan in plans:
        zone = ZoneInfo(plan["zone"])
        hour, minute = map(int, plan["time"].split(":"))
        start = dt.datetime.combine(dt.date.fromisoformat(plan["start"]), dt.time(hour, minute), tzinfo=zone)
        rules.append((rrulestr(plan["rule"], dtstart=start), zone))
    best = None
    total = 0
    for _ in range(rounds):
        count = 0
        began = time.perf_counter()
        for rule, zone in rules:
            a = dt.datetime.combine(first, dt.time(0, 0), tzinfo=zone)
            b = dt.datetime.combine(last, dt.time(23, 59, 59), tzinfo=zone)
            count += len(rule.between(a, b, inc=True))
        elapsed = time.perf_counter() - began
        best = elapsed if best is None else min(best, elapsed)
        total = count
    print(json.dumps({"plans": len(plans), "occurrences": total, "seconds": best,
                      "python": platform.python_version(), "dateutil": dateutil.__version__}))


if __name__ == "__main__":
    main()
