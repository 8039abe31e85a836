#!/usr/bin/env python3
"""Writes Tests/RecurrenceTests/Fixtures/oracle.json: seeded random RRULEs of HelpDeskKit's subset and
their first occurrences (date and UTC epoch seconds, "YYYY-MM-DD 1234567890") as computed by python-dateutil (an independent RFC 5545 implementation).

Run once, offline: `python3 Benchmarks/recurrence/make_oracle.py` (needs `pip install python-dateutil`;
zones come from the system's tz database through zoneinfo). The fixture is committed; the Swift test
(`OracleTests`) compares our expansion with it exactly: local dates, and instants in UTC seconds.

Each rule's DTSTART is synchronized (the rule's first occurrence on or after a random base date), as
dateutil, unlike RFC 5545, does not count a DTSTART the rule does not produce. Rules avoid the few
places where dateutil departs from the RFC: no BYDAY list mixing plain weekdays with ordinals
(dateutil intersects them), no BYMONTHDAY under WEEKLY (the RFC does not allow it), no BYSETPOS under
WEEKLY (dateutil applies it to DTSTART's week cut at DTSTART, not to the whole week).
"""

import datetime as dt
import itertools
import json
import os
import random
import sys
from zoneinfo import ZoneInfo

import dateutil
from dateutil import rrule as du
from dateutil import tz as dutz

SEED = 20261205
RULES = 400
FIRST = 40
ZONES = ["America/New_York", "Europe/Berlin", "Australia/Sydney", "Asia/Kolkata", "UTC",
         "Europe/London", "Pacific/Auckland", "America/Los_Angeles", "Asia/Tokyo"]
FREQS = {"DAILY": du.DAILY, "WEEKLY": du.WEEKLY, "MONTHLY": du.MONTHLY, "YEARLY": du.YEARLY}
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
DU_DAYS = [du.MO, du.TU, du.WE, du.TH, du.FR, du.SA, du.SU]


def random_rule(rng):
    freq = rng.choice(list(FREQS))
    parts = {"FREQ": freq}
    kwargs = {"freq": FREQS[freq]}
    interval = rng.choice([1, 1, 1, 1, 2, 2, 3, 4, 6, 13]) if freq != "YEARLY" else rng.choice([1, 1, 2, 3, 4])
    if interval != 1:
        parts["INTERVAL"] = str(interval)
    kwargs["interval"] = interval
    months = []
    if rng.random() < (0.45 if freq == "YEARLY" else 0.25):
        months = sorted(rng.sample(range(1, 13), rng.randint(1, 4)))
        parts["BYMONTH"] = ",".join(map(str, months))
        kwargs["bymonth"] = months
    if freq != "WEEKLY" and rng.random() < 0.35:
        pool = list(range(1, 32)) + list(range(-31, 0))
        mdays = sorted(rng.sample(pool, rng.randint(1, 4)))
        parts["BYMONTHDAY"] = ",".join(map(str, mdays))
        kwargs["bymonthday"] = mdays
    if rng.random() < 0.55:
        if freq in ("MONTHLY", "YEARLY") and rng.random() < 0.5:
            limit = 53 if freq == "YEARLY" and not months else 5
            entries = set()
            for _ in range(rng.randint(1, 3)):
                n = rng.choice([1, 2, 3, 4, -1, -2, rng.randint(1, limit), -rng.randint(1, limit)])
                entries.add((n, rng.randrange(7)))
            parts["BYDAY"] = ",".join(f"{n}{DAYS[d]}" for n, d in sorted(entries))
            kwargs["byweekday"] = [DU_DAYS[d](n) for n, d in sorted(entries)]
        else:
            days = sorted(rng.sample(range(7), rng.randint(1, 5)))
            parts["BYDAY"] = ",".join(DAYS[d] for d in days)
            kwargs["byweekday"] = [DU_DAYS[d] for d in days]
    # dateutil applies BYSETPOS under WEEKLY to DTSTART's week cut at DTSTART, not the whole week.
    if freq != "WEEKLY" and any(k in parts for k in ("BYMONTH", "BYMONTHDAY", "BYDAY")) and rng.random() < 0.25:
        positions = sorted(set(rng.choice([1, 2, 3, -1, -2, 5]) for _ in range(rng.randint(1, 2))))
        parts["BYSETPOS"] = ",".join(map(str, positions))
        kwargs["bysetpos"] = positions
    if rng.random() < 0.3:
        wkst = rng.randrange(7)
        parts["WKST"] = DAYS[wkst]
        kwargs["wkst"] = wkst
    return parts, kwargs


def instant(local, zone):
    """Epoch seconds of a wall-clock time: RFC 5545 rules (gap: moved later; repeated hour: the first)."""
    aware = local.replace(tzinfo=zone, fold=0)
    aware = dutz.resolve_imaginary(aware)
    return int(aware.timestamp())


def main():
    rng = random.Random(SEED)
    cases = []
    attempts = 0
    while len(cases) < RULES:
        attempts += 1
        parts, kwargs = random_rule(rng)
        zone_name = rng.choice(ZONES)
        zone = ZoneInfo(zone_name)
        base = dt.date(1995, 1, 1) + dt.timedelta(days=rng.randrange(365 * 40))
        if rng.random() < 0.2:
            clock = dt.time(2, 30)  # inside spring-forward gaps and repeated hours of several zones
        else:
            clock = dt.time(rng.randrange(24), rng.choice([0, 15, 30, 45]), rng.choice([0, 0, 0, 17]))
        probe = du.rrule(dtstart=dt.datetime.combine(base, clock), until=dt.datetime.combine(base, clock)
                         + dt.timedelta(days=366 * 30), **kwargs)
        first = next(iter(probe), None)
        if first is None:
            continue
        start = first.replace(tzinfo=zone)
        end = rng.random()
        if end < 0.4:
            count = rng.randint(1, 30)
            parts["COUNT"] = str(count)
            kwargs["count"] = count
        elif end < 0.55:
            until = first.date() + dt.timedelta(days=rng.randrange(30, 2000))
            parts["UNTIL"] = until.strftime("%Y%m%d")
            kwargs["until"] = dt.datetime.combine(until, dt.time(23, 59, 59), tzinfo=zone)
        elif end < 0.7:
            until = dt.datetime.combine(first.date() + dt.timedelta(days=rng.randrange(30, 2000)),
                                        dt.time(rng.randrange(24), rng.choice([0, 30])), tzinfo=dt.timezone.utc)
            parts["UNTIL"] = until.strftime("%Y%m%dT%H%M%SZ")
            kwargs["until"] = until
        rule = du.rrule(dtstart=start, **kwargs)
        preview = list(itertools.islice(iter(rule), FIRST))
        exdates = set()
        for _ in range(rng.choice([0, 0, 1, 2, 3])):
            if rng.random() < 0.8 and preview:
                exdates.add(rng.choice(preview).date())
            else:
                exdates.add(first.date() + dt.timedelta(days=rng.randrange(400)))
        rset = du.rruleset()
        rset.rrule(rule)
        for day in exdates:
            rset.exdate(dt.datetime.combine(day, first.time(), tzinfo=zone))
        occurrences = list(itertools.islice(iter(rset), FIRST))
        names = list(parts)
        rng.shuffle(names)  # the parser accepts parts in any order
        cases.append({
            "rule": ";".join(f"{k}={parts[k]}" for k in names),
            "zone": zone_name,
            "start": first.date().isoformat(),
            "time": first.time().strftime("%H:%M:%S"),
            "exdates": sorted(d.isoformat() for d in exdates),
            "first": FIRST,
            "occurrences": [f"{o.date().isoformat()} {instant(o.replace(tzinfo=None), zone)}" for o in occurrences],
        })
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "RecurrenceTests",
                       "Fixtures", "oracle.json")
    with open(out, "w") as f:
        # One case per line: a diff of a regenerated fixture shows which rules changed.
        header = {"seed": SEED, "generator": f"python-dateutil {dateutil.__version__}, Python {sys.version.split()[0]}"}
        f.write(json.dumps(header)[:-1] + ', "cases": [\n')
        f.write(",\n".join(json.dumps(c) for c in cases))
        f.write("\n]}\n")
    print(f"{len(cases)} rules ({attempts} drawn), {sum(len(c['occurrences']) for c in cases)} occurrences -> {out}")


if __name__ == "__main__":
    main()
