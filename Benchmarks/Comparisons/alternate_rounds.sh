#!/bin/bash
# Alternating rounds of the file store's commit benchmark (one or more builds) and SQLite's, one
# line per round:
#   [store-1-writer store-16-writers] per build, then sqlite-1-writer sqlite-16-threads ratio
# where ratio = (last build's store-16-writers) / sqlite-1-writer (issue #7's target: >= 10).
# Usage: Benchmarks/Comparisons/alternate_rounds.sh ROUNDS [path/to/helpdesk-bench ...]
# Several builds compare formats in the same run (e.g. the commit before a change and after it).
# Build the benchmark first: swift build -c release --product helpdesk-bench
set -euo pipefail
rounds=${1:-10}
shift || true
here=$(cd "$(dirname "$0")" && pwd)
benches=("$@")
if [ ${#benches[@]} -eq 0 ]; then benches=("$here/../../.build/release/helpdesk-bench"); fi
figures='import json, sys
d = {r["name"].split(".")[-1]: r["value"] for r in json.load(sys.stdin)}
print(round(d["1writer"]), round(d["16writers"]))'
for _ in $(seq "$rounds"); do
    line=""
    for bench in "${benches[@]}"; do
        read -r store1 store16 < <("$bench" filestore-commit | python3 -c "$figures")
        line="$line$store1 $store16 "
    done
    read -r sqlite1 sqlite16 < <(python3 "$here/sqlite_compare.py" | python3 -c "$figures")
    echo "$line$sqlite1 $sqlite16 $(python3 -c "print(round($store16 / $sqlite1, 1))")"
done
