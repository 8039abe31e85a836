#!/usr/bin/env python3
"""Writes the golden mail corpus: NN-name.eml (the bytes as on the wire) beside NN-name.json (the
expected parse), one case of issue #22 each.

Every message is composed by hand from byte strings here, so its expected values are known by
construction: Python's `email` package neither writes nor reads any of it (only `base64` and the
`codecs` charset tables are used, to produce bytes). Run from anywhere: `python3 make_corpus.py`;
it rewrites every *.eml / *.json in this folder and removes stale ones.
"""

import json
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the test bundle's resources
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cases_broken  # noqa: E402  (the cases, split by theme to keep each file short)
import cases_charsets  # noqa: E402
import cases_mime  # noqa: E402
import cases_more  # noqa: E402
import cases_replies  # noqa: E402
import cases_robots  # noqa: E402

CASES = (cases_charsets.cases() + cases_mime.cases() + cases_replies.cases() + cases_robots.cases()
         + cases_broken.cases() + cases_more.cases())


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    for name in os.listdir(here):
        if name.endswith(".eml") or (name.endswith(".json") and name[:2].isdigit()):
            os.remove(os.path.join(here, name))
    slugs = [slug for slug, _, _ in CASES]
    assert len(slugs) == len(set(slugs)), "duplicate case names"
    assert len(CASES) <= 99, "two-digit numbers only"
    for number, (slug, data, expected) in enumerate(CASES, start=1):
        stem = "%02d-%s" % (number, slug)
        with open(os.path.join(here, stem + ".eml"), "wb") as f:
            f.write(data)
        with open(os.path.join(here, stem + ".json"), "w", encoding="utf-8") as f:
            json.dump(expected, f, ensure_ascii=False, indent=2, sort_keys=True)
            f.write("\n")
    print("wrote %d messages" % len(CASES))


if __name__ == "__main__":
    main()
