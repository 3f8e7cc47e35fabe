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
                "--rounds R repeats the measurement R times, each round on a new throwaway hub"
                    + " and, with --vs-baseline, right after a baseline round, and reports the"
                    + " median round: on a busy machine one round can be far off.",
            ],
            flags: [
                BenchFlags.events(default: 100_000), BenchFlags.size, BenchFlags.batch(default: 100),
                BenchFlags.partitions, BenchFlags.producers, BenchFlags.keys, BenchFlags.sync,
                BenchFlags.noSync, BenchFlags.hub,
                Flag("--vs-baseline", "also run the raw baseline and report the ratio"),
                Flag("--rounds", value: "R", "measure R rounds and report the median (default 1)"),
            ],
            examples: [
                "bench publish",
                "bench publish --events 1000000 --batch 1000 --no-sync --vs-baseline --rounds 3",
                "bench publish --events 20000 --batch 1 --producers 16",
                "bench publish --keys 100 --partitions 8 --json",
            ]),
        run: run)

    static func run(_ arguments: Arguments, _ context: ShellContext) throws {
        let session = BenchSession(context: context, arguments: arguments)
        let workload = try BenchFlags.publishWorkload(
            arguments, defaultEvents: 100_000, defaultBatch: 100)
        let partitions = try BenchFlags.partitions(arguments)
        let rounds = try arguments.int("--rounds", default: 1, range: 1...100)
        let control = session.control()
        let appender = try arguments.has("--vs-baseline")
            ? session.engine().makeRawAppender(BaselineBenchmark.pattern(of: workload)) : nil
        defer { appender?.close() }

        var measured: [Round] = []
        for _ in 1...rounds {
            var baseline: BenchResult?
            if let appender {
                baseline = try session.measuring {
                    try BaselineBenchmark.run(
                        appender: appender, workload: workload, control: control)
                }
                if baseline?.interrupted == true { break }
            }
            let round = try session.withHub(
                partitions: partitions, largestBatchBytes: workload.largestBatchBytes
            ) { hub in
                let result = try session.measuring {
                    try PublishBenchmark.run(
                        log: context.log, hub: hub.properties, workload: workload,
                        control: control)
                }
                return Round(hub: hub, result: result, baseline: baseline)
            }
            measured.append(round)
            if round.result.interrupted { break }
        }
        guard let chosen = Round.median(of: measured) else {
            throw CommandFailure("stopped before a round was measured")
        }

        let partitionCount = chosen.hub.properties.partitionCount
        let description = try appender.map { _ in try session.engine().baselineDescription }
        var report = BenchReport(
            summary: describe(workload, partitions: partitionCount),
            settings: settings(workload, partitions: partitionCount) + [("rounds", .int(rounds))],
            hub: chosen.hub, result: chosen.result,
            baseline: chosen.baseline.map { ($0, description ?? "") })
        if measured.count > 1 {
            report.extraLines.append(("rounds", Round.describe(measured)))
            report.extraJSON.append(("rounds", .array(measured.map(\.json))))
        }
        report.print(to: context.output, json: session.json)
    }

    /// One round of a run: hubsh's publish, and the baseline measured just before it.
    struct Round {
        var hub: BenchHub
        var result: BenchResult
        var baseline: BenchResult?

        /// What rounds are ranked by: the ratio to the baseline, else the event rate.
        var score: Double {
            guard let baseline, baseline.eventsPerSecond > 0 else { return result.eventsPerSecond }
            return result.eventsPerSecond / baseline.eventsPerSecond
        }

        /// The round with the median score (the lower middle one of an even count).
        static func median(of rounds: [Round]) -> Round? {
            let sorted = rounds.sorted { $0.score < $1.score }
            return sorted.isEmpty ? nil : sorted[(sorted.count - 1) / 2]
        }

        /// `0.61  0.65  0.58 (median 0.61)`, or event rates without a baseline.
        static func describe(_ rounds: [Round]) -> String {
            let withBaseline = rounds.first?.baseline != nil
            let scores = rounds.map {
                withBaseline ? Figures.decimal($0.score, places: 2) : Figures.rate($0.score)
            }
            let median = Round.median(of: rounds).map {
                withBaseline ? Figures.decimal($0.score, places: 2) : Figures.rate($0.score)
            } ?? "-"
            return scores.joined(separator: "  ") + " (median " + median
                + (withBaseline ? " of the baseline's events/s)" : " events/s)")
        }

        var json: JSONValue {
            var members: [(String, JSONValue)] = [
                ("eventsPerSecond", .number(Figures.decimal(result.eventsPerSecond, places: 1)))
            ]
            if let baseline {
                members.append(
                    ("baselineEventsPerSecond",
                     .number(Figures.decimal(baseline.eventsPerSecond, places: 1))))
                members.append(("ratioToBaseline", .number(Figures.decimal(score, places: 4))))
            }
            return .object(members)
        }
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
