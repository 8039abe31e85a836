#!/usr/bin/env python3
"""Cross-checks the shipped Russian production calendars against PyPI `holidays`.

Not part of CI. Usage (from the repository root):

    pip install holidays
    python3 Benchmarks/Comparisons/production_calendar_check.py [--dir DIR] [--country ru]

For every `<country>-<year>.csv` in DIR (default: Sources/WorkingTime/ProductionCalendars) it
compares, year by year:

- the `holiday` lines with `holidays.country_holidays("RU", years=...)` (public holidays and
  the days off moved by the Government's decrees or by Labour Code art. 112);
- the working weekend days (`working`, or `shortened` on a Saturday or Sunday) with its
  `weekend_workdays`;
- the `shortened` lines with the art. 95 rule computed from the package's data: a working day
  right before a non-working holiday of art. 112 is one hour shorter, and so is a working
  Saturday whose day off was moved to such an eve (the Saturday takes over its work, as the
  Ministry of Labour's calendars do: 2 November 2024, 1 November 2025, 20 February 2027).
  Every shortened line must cut exactly one hour (`-01:00`).

Every difference is printed; the exit status is 1 when a difference is not listed in
EXPLAINED below, else 0.
"""
import argparse
import csv
import datetime
import os
import re
import sys

import holidays

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DIR = os.path.join(HERE, "..", "..", "Sources", "WorkingTime", "ProductionCalendars")

# Non-working holidays of Labour Code art. 112 (month, day).
ART_112 = {(1, d) for d in range(1, 9)} | {(2, 23), (3, 8), (5, 1), (5, 9), (6, 12), (11, 4)}

# Differences that are understood, as {(date, what): reason}; none so far.
EXPLAINED: dict = {}


def read_file(path):
    """Rows of an exception CSV as {date: (kind, intervals)}."""
    rows = {}
    with open(path, encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.lstrip().startswith("#")]
    for record in csv.reader(lines):
        if record[0].strip().lower() == "date":
            continue
        day = datetime.date.fromisoformat(record[0].strip())
        intervals = record[2].strip() if len(record) > 2 else ""
        rows[day] = (record[1].strip().lower(), intervals)
    return rows


def expected_shortened(year, reference):
    """The art. 95 shortened days of `year` computed from the `holidays` package's data."""
    workdays = set(reference.weekend_workdays)
    # "Day off (substituted from MM/DD/YYYY)": the date a moved day off came from.
    moved_from = {}
    for day, name in reference.items():
        match = re.search(r"substituted from (\d\d)/(\d\d)/(\d{4})", name)
        if match:
            month, dom, y = map(int, match.groups())
            moved_from[datetime.date(y, month, dom)] = day

    def working(day):
        return day in workdays or (day.weekday() < 5 and day not in reference)

    def public(day):
        return (day.month, day.day) in ART_112

    result = set()
    day = datetime.date(year, 1, 1)
    while day.year == year:
        eve = working(day) and public(day + datetime.timedelta(days=1))
        took_over_an_eve = day in workdays and day in moved_from and public(
            moved_from[day] + datetime.timedelta(days=1))
        if eve or took_over_an_eve:
            result.add(day)
        day += datetime.timedelta(days=1)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default=DEFAULT_DIR)
    parser.add_argument("--country", default="ru")
    args = parser.parse_args()
    pattern = re.compile(rf"^{re.escape(args.country)}-(\d{{4}})\.csv$")
    files = sorted((int(m.group(1)), os.path.join(args.dir, name))
                   for name in os.listdir(args.dir) if (m := pattern.match(name)))
    if not files:
        print(f"no {args.country}-<year>.csv files in {args.dir}")
        return 1
    differences = []
    for year, path in files:
        rows = read_file(path)
        reference = holidays.country_holidays(args.country.upper(), years=[year, year + 1], language="en_US")
        in_year = lambda days: {d for d in days if d.year == year}
        file_holidays = {d for d, (kind, _) in rows.items() if kind == "holiday"}
        file_workdays = {d for d, (kind, _) in rows.items() if kind in ("working", "shortened") and d.weekday() >= 5}
        file_shortened = {d for d, (kind, _) in rows.items() if kind == "shortened"}
        checks = [
            ("holiday", file_holidays, in_year(reference.keys())),
            ("weekend working day", file_workdays, in_year(reference.weekend_workdays)),
            ("shortened (art. 95)", file_shortened, expected_shortened(year, reference)),
        ]
        for what, mine, theirs in checks:
            for day in sorted(mine - theirs):
                differences.append((day, what, f"in {os.path.basename(path)} only"))
            for day in sorted(theirs - mine):
                differences.append((day, what, "expected but missing from the file"))
        for day in sorted(file_shortened):
            if rows[day][1] != "-01:00":
                differences.append((day, "shortened (art. 95)", f"cut {rows[day][1]!r}, expected '-01:00'"))
        print(f"{year}: {len(file_holidays)} holidays, {len(file_workdays)} weekend working days, "
              f"{len(file_shortened)} shortened days")
    unexplained = 0
    for day, what, problem in differences:
        reason = EXPLAINED.get((day, what))
        unexplained += reason is None
        print(f"  {day} {what}: {problem}" + (f" (explained: {reason})" if reason else " (UNEXPLAINED)"))
    print(f"holidays {holidays.__version__}: {len(differences)} differences, {unexplained} unexplained")
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
