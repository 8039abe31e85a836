#!/usr/bin/env python3
"""SQLite FTS5 on the knowledge-base benchmark's corpus and queries, for `helpdesk-bench kb`.

Usage: fts5_bench.py DIR   (DIR holds corpus.jsonl and queries.jsonl as helpdesk-bench writes them)

corpus.jsonl: one article a line, {"title", "tags", "body", "partition"}; queries.jsonl: one query a
line, {"words": [...], "prefix": bool}. The index lives in memory, like ours: an FTS5 table of
title, tags and body with tokenize='unicode61 remove_diacritics 2' and rank bm25(3.0, 2.0, 1.0);
each query is its words quoted and ANDed (FTS5's implicit AND), the last as "word"* when it is a
prefix, run as `... MATCH ? ORDER BY rank LIMIT 10`. Prints one JSON object: build seconds (inserts
in one transaction, then 'optimize'), per-query latency p50/p99 in ms over a warm-up pass and three
timed passes, and how many queries found something.
"""
import json
import os
import sqlite3
import sys
import time


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main():
    folder = sys.argv[1]
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE VIRTUAL TABLE kb USING fts5(title, tags, body, tokenize='unicode61 remove_diacritics 2')")
    db.execute("INSERT INTO kb(kb, rank) VALUES('rank', 'bm25(3.0, 2.0, 1.0)')")
    with open(os.path.join(folder, "corpus.jsonl"), encoding="utf-8") as lines:
        articles = [json.loads(line) for line in lines]
    with open(os.path.join(folder, "queries.jsonl"), encoding="utf-8") as lines:
        queries = [json.loads(line) for line in lines]

    start = time.perf_counter()
    with db:
        db.executemany(
            "INSERT INTO kb(title, tags, body) VALUES (?, ?, ?)",
            ((a["title"], a["tags"], a["body"]) for a in articles))
    insert_seconds = time.perf_counter() - start
    with db:
        db.execute("INSERT INTO kb(kb) VALUES('optimize')")
    build_seconds = time.perf_counter() - start

    expressions = []
    for query in queries:
        words = ['"' + word.replace('"', '""') + '"' for word in query["words"]]
        if query["prefix"] and words:
            words[-1] += "*"
        expressions.append(" ".join(words))
    statement = "SELECT rowid FROM kb WHERE kb MATCH ? ORDER BY rank LIMIT 10"
    found = 0
    for expression in expressions:
        if db.execute(statement, (expression,)).fetchall():
            found += 1
    samples = []
    for _ in range(3):
        for expression in expressions:
            begin = time.perf_counter()
            db.execute(statement, (expression,)).fetchall()
            samples.append((time.perf_counter() - begin) * 1000)
    print(json.dumps({
        "sqlite": sqlite3.sqlite_version,
        "articles": len(articles),
        "queries": len(queries),
        "insert_seconds": insert_seconds,
        "build_seconds": build_seconds,
        "p50_ms": percentile(samples, 0.50),
        "p99_ms": percentile(samples, 0.99),
        "queries_with_hits": found,
    }))


if __name__ == "__main__":
    main()
