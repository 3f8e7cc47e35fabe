#!/usr/bin/env bash
# The same publish and end-to-end benchmarks on the embedded log and on a NATS JetStream
# cluster, one after the other, printed side by side as a Markdown table.
#
# Usage: samples/bench/engines.sh [NATS-ADDRESS] [path/to/hubsh]
# The address defaults to the local cluster of 'bash .ci/nats-cluster start'. Each run works
# on a throwaway hub; the NATS runs use a namespace of their own, and a hub with 3 replicas is
# made for the replicated rows and deleted at the end.
set -euo pipefail
address=${1:-nats://127.0.0.1:4222,127.0.0.1:4223,127.0.0.1:4224}
hubsh=${2:-.build/release/hubsh}
data=$(mktemp -d)
namespace="bench$$"
trap 'rm -rf "$data"; "$hubsh" --engine "$address/$namespace" -c "hub delete replicated" \
    >/dev/null 2>&1 || true' EXIT

scenarios=(
    "single events, durable|bench publish --events 3000 --batch 1 --sync"
    "batches of 100, durable|bench publish --events 100000 --batch 100 --sync"
    "batches of 1000, no-sync|bench publish --events 300000 --batch 1000 --no-sync"
    "16 producers of single events|bench publish --events 16000 --batch 1 --producers 16 --sync"
    "end to end, one process, 2,000 events/s|bench e2e --events 20000 --rate 2000/s --no-sync"
    "end to end, two processes, 2,000 events/s|bench e2e --events 20000 --rate 2000/s --no-sync --processes 2"
)

run() { # ENGINE-ARGUMENTS... -- COMMAND: prints the run's JSON object
    local command="${*: -1}"
    "$hubsh" "${@:1:$#-1}" --json -c "$command" | tail -1
}

"$hubsh" --engine "$address/$namespace" -c "hub create replicated --partitions 4 --replicas 3" \
    >/dev/null

echo "| benchmark | embedded LMDB | NATS, 1 replica | NATS, 3 replicas |"
echo "|---|---|---|---|"
for scenario in "${scenarios[@]}"; do
    label=${scenario%%|*}
    command=${scenario#*|}
    lmdb=$(run --data "$data" "$command")
    nats=$(run --engine "$address/$namespace" "$command")
    replicated=$(run --engine "$address/$namespace" "$command --hub replicated")
    python3 - "$label" "$lmdb" "$nats" "$replicated" <<'PY'
import json, sys
label, *runs = sys.argv[1:]
def cell(text):
    run = json.loads(text)
    latency = run.get("latencyNanos") or {}
    parts = [f"{run['eventsPerSecond']:,.0f} events/s"]
    if latency:
        parts.append(f"p50 {latency['p50'] / 1e6:.2f} ms, p99 {latency['p99'] / 1e6:.2f} ms")
    return "; ".join(parts)
print(f"| {label} | " + " | ".join(cell(run) for run in runs) + " |")
PY
done
