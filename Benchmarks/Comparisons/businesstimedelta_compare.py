#!/usr/bin/env python3
"""Times PyPI `businesstimedelta` on the cases of `helpdesk-bench`'s WorkingTime figures.

Not part of CI. Usage (from the repository root):

    pip install businesstimedelta pytz
    swift run -c release helpdesk-bench workingtime > /tmp/bench.json    # optional, for the ratios
    python3 Benchmarks/Comparisons/businesstimedelta_compare.py --swift-json /tmp/bench.json

Same calendar as the Swift benchmark: Europe/Berlin, Mon-Fri 09:00-13:00 + 14:00-18:00
(WorkDayRule 09-18 with a LunchTimeRule 13-14), the holidays of the Russian 2025-2027
production calendar fixture (HolidayRule). businesstimedelta cannot express an extra
working Saturday, so the two transferred working Saturdays are left out on this side.
businesstimedelta raises TypeError for any instant after its last holiday (HolidayRule's
day-by-day search returns None), so a sentinel holiday on 2028-07-03 is appended (after
every deadline computed here). Its HolidayRule walks day by day to the next holiday, so the
script also times the same rules without holidays, as a kinder baseline.
Same start instants (the Swift benchmark's seeded LCG, uniform over 2025-2027).
"""
import argparse
import csv
import datetime
import json
import os
import time

import businesstimedelta
import pytz

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "..", "Tests", "WorkingTimeTests", "Fixtures", "russia-2025-2027.csv")
TZ = pytz.timezone("Europe/Berlin")


def load_holidays():
    days = []
    with open(FIXTURE, encoding="utf-8") as f:
        rows = (line for line in f if line[:1].isdigit())
        for row in csv.reader(rows):
            if row[1] == "holiday":
                days.append(datetime.date.fromisoformat(row[0]))
    # Sentinel: without a later holiday businesstimedelta fails after 2027-12-31.
    days.append(datetime.date(2028, 7, 3))
    return days


def make_rules(with_holidays=True):
    weekdays = [0, 1, 2, 3, 4]
    workday = businesstimedelta.WorkDayRule(
        start_time=datetime.time(9), end_time=datetime.time(18), working_days=weekdays, tz=TZ)
    lunch = businesstimedelta.LunchTimeRule(
        start_time=datetime.time(13), end_time=datetime.time(14), working_days=weekdays, tz=TZ)
    if not with_holidays:
        return businesstimedelta.Rules([workday, lunch])
    holidays = businesstimedelta.HolidayRule(load_holidays(), tz=TZ)
    return businesstimedelta.Rules([workday, lunch, holidays])


def starts(count):
    """The Swift benchmark's start instants (WorkingTimeBench.starts)."""
    state = 0x2545F4914F6CDD1D
    mask = (1 << 64) - 1
    first, span = 1_735_689_600, 3 * 365 * 86_400
    result = []
    for _ in range(count):
        state = (state * 6364136223846793005 + 1442695040888963407) & mask
        seconds = first + (state >> 20) % span
        result.append(datetime.datetime.fromtimestamp(seconds, tz=pytz.utc))
    return result


def load_swift_figures(path):
    """helpdesk-bench output (one JSON array) or JSON lines, as {name: value}."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    try:
        items = json.loads(text)
        items = items if isinstance(items, list) else [items]
    except json.JSONDecodeError:
        items = [json.loads(line) for line in text.splitlines() if line.strip().startswith("{")]
    return {item["name"]: item["value"] for item in items}


def rate(n, body):
    t0 = time.perf_counter()
    body(n)
    return n / (time.perf_counter() - t0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--swift-json", help="helpdesk-bench output (JSON array or lines) for ratios")
    parser.add_argument("--n8h", type=int, default=1000)
    parser.add_argument("--n30d", type=int, default=40)
    parser.add_argument("--nelapsed", type=int, default=300)
    args = parser.parse_args()

    ours = load_swift_figures(args.swift_json) if args.swift_json else {}

    points = starts(4096)
    ends = [p + datetime.timedelta(seconds=(i * 7919) % 60 * 86_400 + i % 86_400) for i, p in enumerate(points)]
    for label, rules in (("with holidays", make_rules(True)), ("weekly rules only", make_rules(False))):
        eight = businesstimedelta.BusinessTimeDelta(rules, hours=8)
        thirty = businesstimedelta.BusinessTimeDelta(rules, hours=30 * 24)

        def deadlines(delta):
            def run(n):
                for i in range(n):
                    points[i % len(points)] + delta
            return run

        def elapsed(n):
            for i in range(n):
                rules.difference(points[i % len(points)], ends[i % len(points)])

        print(f"## businesstimedelta, {label}")
        for i in range(3):
            print(f"# sample: {points[i].isoformat()} + 8h -> {(points[i] + eight).astimezone(pytz.utc).isoformat()}")
        results = [
            ("workingtime.deadline.8h", rate(args.n8h, deadlines(eight))),
            ("workingtime.deadline.30d", rate(args.n30d, deadlines(thirty))),
            ("workingtime.elapsed", rate(args.nelapsed, elapsed)),
        ]
        for name, value in results:
            line = f"{name}: businesstimedelta {value:,.1f} ops/s"
            if name in ours:
                line += f"; HelpDeskKit {ours[name]:,.0f} ops/s; ratio {ours[name] / value:,.0f}x"
            print(line)


if __name__ == "__main__":
    main()
