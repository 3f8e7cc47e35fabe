#!/usr/bin/env bash
# Group commit against Redis Streams on the same disk, taking turns: hubsh with 50 producers of
# single durable events, then Redis with `appendfsync always` and 50 redis-benchmark clients
# of XADD with a 100-byte field. Needs redis-server and redis-tools (apt-get install
# redis-server redis-tools). Usage: samples/bench/redis-streams.sh [path/to/hubsh] [pairs]
set -euo pipefail
hubsh=${1:-.build/release/hubsh}
pairs=${2:-3}
port=6390
scratch=$(mktemp -d)
trap 'redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true; rm -rf "$scratch"' EXIT

body=$(head -c 100 /dev/zero | tr '\0' 'a')
for pair in $(seq "$pairs"); do
    data=$(mktemp -d -p "$scratch")
    echo -n "hubsh, 50 producers:  "
    "$hubsh" --data "$data" -c 'bench publish --events 100000 --batch 1 --sync --producers 50' \
        | grep throughput | tr -s ' '
    redis-server --port "$port" --dir "$data" --appendonly yes --appendfsync always \
        --save '' --daemonize yes --logfile "$data/redis.log"
    until redis-cli -p "$port" ping >/dev/null 2>&1; do sleep 0.1; done
    echo -n "redis, 50 clients:    "
    redis-benchmark -p "$port" -c 50 -n 100000 -q XADD bench '*' body "$body" \
        | tr '\r' '\n' | grep -v '^$' | tail -1 | sed 's/.*: //'
    redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true
    rm -rf "$data"
done
