import HubBench
import HubCore

/// `bench publish`: how fast events can be published, optionally next to the engine's raw
/// append loop measured in the same run.
enum BenchPublish {
    static let command = Command(
        CommandSpec(
            ["bench", "publish"], summary: "measure how fast events can be published",
            details: [
                "Producers (threads of this process) append --events events of --size body bytes"
                    + " in batches of --batch, as fast as they can, to a throwaway hub that is"
                    + " removed afterwards, or to --hub. Reports events/s and MB/s (10^6 bytes"
                    + " of bodies), the events per commit, latency percentiles of the append"
                    + " calls and a chart of their distribution.",
                "Producers that publish durably at the same time share commits and their disk"
                    + " flushes (group commit), so more producers publish more events per"
                    + " second.",
                "--vs-baseline first runs the same write pattern (body size, batch size, sync"
                    + " mode) as the engine's raw append loop, then reports hubsh's rate as a"
                    + " share of it: the cost of hubsh's layers, measured on this machine now.",
            ],
            flags: [
                BenchFlags.events(default: 100_000), BenchFlags.size, BenchFlags.batch(default: 100),
                BenchFlags.partitions, BenchFlags.producers, BenchFlags.keys, BenchFlags.sync,
                BenchFlags.noSync, BenchFlags.hub,
                Flag("--vs-baseline", "also run the raw baseline and report the ratio"),
            ],
            examples: [
                "bench publish",
                "bench publish --events 1000000 --batch 1000 --no-sync --vs-baseline",
                "bench publish --events 20000 --batch 1 --producers 16",
                "bench publish --keys 100 --partitions 8 --json",
            ]),
        run: run)

    static func run(_ arguments: Arguments, _ context: ShellContext) throws {
        let session = BenchSession(context: context, arguments: arguments)
        let workload = try BenchFlags.publishWorkload(
            arguments, defaultEvents: 100_000, defaultBatch: 100)
        let partitions = try BenchFlags.partitions(arguments)
        let engine = arguments.has("--vs-baseline") ? try session.engine() : nil
        let control = session.control()

        var baseline: (result: BenchResult, description: String)?
        if let engine {
            let result = try session.measuring {
                try BaselineBenchmark.run(engine: engine, workload: workload, control: control)
            }
            baseline = (result, engine.baselineDescription)
            if result.interrupted { throw CommandFailure("stopped during the baseline") }
        }
        let (hub, result) = try session.withHub(
            partitions: partitions, largestBatchBytes: workload.largestBatchBytes
        ) { hub in
            let result = try session.measuring {
                try PublishBenchmark.run(
                    log: context.log, hub: hub.properties, workload: workload, control: control)
            }
            return (hub, result)
        }
        BenchReport(
            summary: describe(workload, partitions: hub.properties.partitionCount),
            settings: settings(workload, partitions: hub.properties.partitionCount), hub: hub,
            result: result, baseline: baseline
        ).print(to: context.output, json: session.json)
    }

    /// `100,000 events of 100 bytes in batches of 100, 4 partitions, 1 producer, round-robin,
    /// sync`
    static func describe(_ workload: PublishWorkload, partitions: Int) -> String {
        let producers = workload.producers == 1 ? "1 producer" : "\(workload.producers) producers"
        let routing = workload.keys == 0 ? "round-robin" : "\(Figures.grouped(workload.keys)) keys"
        return "\(Figures.grouped(workload.events)) events of \(workload.bodySize) bytes in"
            + " batches of \(Figures.grouped(workload.batchSize)), \(partitions) partitions,"
            + " \(producers), \(routing), \(durabilityName(workload.durability))"
    }

    static func settings(_ workload: PublishWorkload, partitions: Int) -> [(String, JSONValue)] {
        [
            ("events", .int(workload.events)), ("size", .int(workload.bodySize)),
            ("batch", .int(workload.batchSize)), ("partitions", .int(partitions)),
            ("producers", .int(workload.producers)), ("keys", .int(workload.keys)),
            ("durability", .string(durabilityName(workload.durability))),
        ]
    }

    static func durabilityName(_ durability: Durability) -> String {
        durability == .durable ? "sync" : "no-sync"
    }
}
