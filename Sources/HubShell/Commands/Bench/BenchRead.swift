import HubBench
import HubCore

/// `bench read`: how fast stored events are read and decoded in this process.
enum BenchRead {
    static let command = Command(
        CommandSpec(
            ["bench", "read"], summary: "measure how fast stored events are read",
            details: [
                "Fills a throwaway hub with --events events of --size body bytes (unsynced"
                    + " batches of 1000, not measured), then reads every event back, partition"
                    + " by partition, decoding each one, and removes the hub. With --hub it"
                    + " reads that hub's retained events instead (at most --events when given).",
                "Latency values are scan calls of up to 1000 events each, one read transaction"
                    + " per call.",
            ],
            flags: [
                BenchFlags.events(default: 1_000_000), BenchFlags.size, BenchFlags.partitions,
                BenchFlags.hub,
            ],
            examples: [
                "bench read",
                "bench read --events 5000000 --partitions 1",
                "bench read --hub orders --json",
            ]),
        run: { arguments, context in
            let session = BenchSession(context: context, arguments: arguments)
            var fill = try BenchFlags.publishWorkload(
                arguments, defaultEvents: 1_000_000, defaultBatch: 1000)
            fill.durability = .noSync
            let partitions = try BenchFlags.partitions(arguments)
            if arguments.has("--size") && arguments.has("--hub") {
                throw arguments.usageError("--size applies to a throwaway hub, not to --hub")
            }
            // Fill batches as large as a hub of the engine takes, so that large events fit.
            let largest = BenchHub.largestEventSize(of: context.log)
            fill.batchSize = max(1, min(fill.batchSize, largest / max(1, fill.bodySize)))
            try session.prepare(storing: arguments.has("--hub") ? [] : [fill])
            let control = session.control()

            let (hub, result) = try session.withHub(
                partitions: partitions, largestBatchBytes: fill.largestBatchBytes,
                largestEventBytes: fill.largestEventBytes, writes: false
            ) { hub in
                if hub.isThrowaway {
                    let filled = try session.measuring {
                        try PublishBenchmark.run(
                            log: context.log, hub: hub.properties, workload: fill,
                            control: control, phase: "fill")
                    }
                    if filled.interrupted { throw CommandFailure("stopped while filling the hub") }
                }
                let limit = hub.isThrowaway ? nil : try arguments.int("--events")
                let result = try session.measuring {
                    try ReadBenchmark.run(
                        log: context.log, hub: hub.properties, maxEvents: limit, control: control)
                }
                return (hub, result)
            }
            // An empty hub has no rate to measure: a report of 0 events/s would read as a
            // figure, so the run fails instead.
            if result.events == 0 && !result.interrupted {
                throw CommandFailure(
                    "hub '\(hub.name)' holds no events to read; publish some first, or leave"
                        + " out --hub to read a throwaway hub filled for the run")
            }
            let partitionCount = hub.properties.partitionCount
            BenchReport(
                summary: Figures.count(result.events, "event") + " from "
                    + Figures.count(partitionCount, "partition") + ", decoded in this process",
                settings: [
                    ("events", .int(hub.isThrowaway ? fill.events : result.events)),
                    ("size", hub.isThrowaway ? .int(fill.bodySize) : .null),
                    ("partitions", .int(partitionCount)),
                ],
                hub: hub, result: result, reference: nil
            ).print(to: context.output, json: session.json)
        })
}
