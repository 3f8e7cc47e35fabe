import HubBench
import HubCore

/// `bench baseline`: the engine's raw append loop alone, with a publish run's write pattern.
enum BenchBaseline {
    static let command = Command(
        CommandSpec(
            ["bench", "baseline"], summary: "measure the storage engine's raw append loop",
            details: [
                "Runs the write pattern of 'bench publish' (body size, batch size, sync mode)"
                    + " straight on the storage engine, without any of hubsh's layers: for the"
                    + " embedded log, an LMDB append loop in a scratch environment inside the"
                    + " data directory, removed afterwards. 'bench publish --vs-baseline' runs"
                    + " both and reports the ratio.",
            ],
            flags: [
                BenchFlags.events(default: 100_000), BenchFlags.size,
                BenchFlags.batch(default: 100),
                BenchFlags.sync, BenchFlags.noSync,
            ],
            examples: [
                "bench baseline",
                "bench baseline --events 1000000 --batch 1000 --no-sync --json",
            ]),
        run: { arguments, context in
            let session = BenchSession(context: context, arguments: arguments)
            let workload = try BenchFlags.publishWorkload(
                arguments, defaultEvents: 100_000, defaultBatch: 100)
            let engine = try session.engine()
            try session.prepare(storing: [workload])
            let result = try session.measuring {
                try BaselineBenchmark.run(
                    engine: engine, workload: workload, control: session.control())
            }
            let durability = BenchPublish.durabilityName(workload.durability)
            BenchReport(
                summary: Figures.count(workload.events, "record") + " of "
                    + Figures.count(workload.bodySize, "byte")
                    + " in batches of \(Figures.grouped(workload.batchSize)), \(durability);"
                    + " " + engine.baselineDescription,
                settings: [
                    ("events", .int(workload.events)), ("size", .int(workload.bodySize)),
                    ("batch", .int(workload.batchSize)), ("durability", .string(durability)),
                ],
                hub: nil, result: result, reference: nil
            ).print(to: context.output, json: session.json)
        })
}
