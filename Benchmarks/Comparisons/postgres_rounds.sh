#!/bin/bash
# Alternating rounds of the PostgreSQL adapter's figures (postgres-bench), the file store's and
# reports' figures (helpdesk-bench filestore-commit reports) and the SQLite peers, all inside one
# throwaway PostgreSQL cluster (.ci/postgres.sh), one line per round:
#   pg.1w pg.16w pg.16w.noev pg.eng16 | fs.1w fs.16w fs.eng16 | sq.1w sq.16w | pg.queue pg.random pg.load |
#   sla.pg100k sla.mem100k sla.sqlite100k | sla.mem1M sla.sqlite1M
# commits/s (w = raw commit writers, noev = the same units without their outbox event, eng16 = 16
# clients through HelpDesk.createTicket), query and report times in ms (SLA compliance by
# company), pg.load in s (100k tickets). See Documentation/PostgresPerformance.md.
# Usage: Benchmarks/Comparisons/postgres_rounds.sh ROUNDS [--quick]
# Build both benchmarks first (release):
#   swift build -c release --product helpdesk-bench
#   swift build --package-path Examples/PostgresStore -c release --product postgres-bench
# The JSON of every run stays in $POSTGRES_ROUNDS_OUT (default: a new /tmp/postgres-rounds.* directory).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
if [ -z "${HELPDESK_PG_PORT:-}" ]; then exec "$root/.ci/postgres.sh" "$0" "$@"; fi
rounds=${1:-3}
quick=${2:-}
pg_bench=${POSTGRES_BENCH:-$root/Examples/PostgresStore/.build/release/postgres-bench}
hd_bench=${HELPDESK_BENCH:-$root/.build/release/helpdesk-bench}
out=${POSTGRES_ROUNDS_OUT:-$(mktemp -d /tmp/postgres-rounds.XXXXXX)}
mkdir -p "$out"
echo "# raw output: $out"
pick='import json, sys
d = {r["name"]: r["value"] for r in json.load(open(sys.argv[1]))}
print(" ".join(str(round(d[n], 1)) if n in d else "-" for n in sys.argv[2:]))'
median_ms() { sed -n 's/.*median \([0-9.]*\) ms.*/\1/p'; }
echo "round pg.1w pg.16w pg.16w.noev pg.eng16 | fs.1w fs.16w fs.eng16 | sq.1w sq.16w | pg.queue pg.random pg.load |" \
    "sla.pg100k sla.mem100k sla.sqlite100k | sla.mem1M sla.sqlite1M"
for round in $(seq "$rounds"); do
    HELPDESK_SLA_ROWS="$out/sla-100k.csv" "$pg_bench" $quick >"$out/postgres-$round.json"
    HELPDESK_SLA_ROWS="$out/sla-1M.csv" "$hd_bench" filestore-commit reports $quick >"$out/helpdesk-$round.json"
    python3 "$here/sqlite_compare.py" $quick >"$out/sqlite-$round.json"
    python3 "$here/sqlite_sla_report.py" "$out/sla-100k.csv" >"$out/sqlite-sla-100k-$round.txt"
    python3 "$here/sqlite_sla_report.py" "$out/sla-1M.csv" >"$out/sqlite-sla-1M-$round.txt"
    size=100k
    if [ -n "$quick" ]; then size=20k; fi
    pg=$(python3 -c "$pick" "$out/postgres-$round.json" postgres.commit.1writer postgres.commit.16writers \
        postgres.commit.16writers.noEvents engine.postgres.16clients)
    fs=$(python3 -c "$pick" "$out/helpdesk-$round.json" filestore.commit.1writer filestore.commit.16writers \
        engine.filestore.16clients)
    sq=$(python3 -c "$pick" "$out/sqlite-$round.json" sqlite.commit.1writer sqlite.commit.16writers)
    query=$(python3 -c "$pick" "$out/postgres-$round.json" "postgres.query.queue.$size" \
        "postgres.query.random.$size" "postgres.load.$size")
    sla=$(python3 -c "$pick" "$out/postgres-$round.json" "postgres.reports.slaCompliance.company.$size" \
        "memory.reports.slaCompliance.company.$size")
    sla_mem=$(python3 -c "$pick" "$out/helpdesk-$round.json" reports.slaCompliance.company)
    echo "$round $pg | $fs | $sq | $query | $sla $(median_ms <"$out/sqlite-sla-100k-$round.txt") |" \
        "$sla_mem $(median_ms <"$out/sqlite-sla-1M-$round.txt")"
done
