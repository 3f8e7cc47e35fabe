#!/usr/bin/env bash
# Peak resident memory of `tail` following a hub of 10 million events from the earliest one
# (target: under 200 MB). Usage: samples/bench/tail-memory.sh [path/to/hubsh]
set -euo pipefail
hubsh=${1:-.build/release/hubsh}
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT

"$hubsh" --data "$data" -c 'hub create memory --partitions 4'
"$hubsh" --data "$data" -c 'bench publish --hub memory --events 10000000 --batch 1000 --no-sync' \
    | grep -E 'throughput|memory'
/usr/bin/time -f 'tail of 10,000,000 events: %e s, peak resident %M kB' \
    "$hubsh" --data "$data" -c 'tail memory --from earliest --count 10000000 --json' >/dev/null
/usr/bin/time -f 'read of 10,000,000 events: %e s, peak resident %M kB' \
    "$hubsh" --data "$data" -c 'read memory --count 10000000 --json' >/dev/null
/usr/bin/time -f 'consume of 10,000,000 events: %e s, peak resident %M kB' \
    "$hubsh" --data "$data" -c "consume memory --group '\$default' --json" >/dev/null
