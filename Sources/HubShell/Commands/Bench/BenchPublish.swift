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
                    + " second. On the embedded log the report takes its commits apart: the"
                    + " mean time per commit spent committing, with the leader waiting for"
                    + " appends about to join (gathering), and from one commit's end to the"
                    + " next; and the process's context switches per event.",
                "--vs-baseline first runs the same write pattern (body size, batch size, sync"
                    + " mode) as the engine's raw append loop, then reports hubsh's rate as a"
                    + " share of it: the cost of hubsh's layers, measured on this machine now.",
                "--vs-producers K first runs the same workload with K producers (and K/producers"
                    + " of the events), then reports the rate as a multiple of that one: how much"
                    + " group commit gains, for example --producers 16 --vs-producers 1.",
                "--rounds R repeats the measurement R times, each round on a new throwaway hub"
                    + " (with --hub, each appends to that hub) and, with --vs-baseline, right"
                    + " after a baseline round, and reports the median round (the lower middle"
                    + " one of an even count): on a busy machine one round can be far off."
                    + " Ctrl-C ends the run; the median is then that of the finished rounds.",
            ],
            flags: [
                BenchFlags.events(default: 100_000), BenchFlags.size,
                BenchFlags.batch(default: 100),
                BenchFlags.partitions, BenchFlags.producers, BenchFlags.keys,
                BenchFlags.roundRobin, BenchFlags.sync,
                BenchFlags.noSync, BenchFlags.hub,
                Flag("--vs-baseline", "also run the raw baseline and report the ratio"),
                Flag(
                    "--vs-producers", value: "K",
                    "also run with K producers and report the ratio"),
                Flag("--rounds", value: "R", "measure R rounds and report the median (default 1)"),
            ],
            examples: [
                "bench publish",
                "bench publish --events 1000000 --batch 1000 --no-sync --vs-baseline --rounds 3",
                "bench publish --events 20000 --batch 1 --producers 16 --vs-producers 1",
                "bench publish --keys 100 --partitions 8 --json",
            ]),
        run: run)

    static func run(_ arguments: Arguments, _ context: ShellContext) throws {
        let session = BenchSession(context: context, arguments: arguments)
        let workload = try BenchFlags.publishWorkload(
            arguments, defaultEvents: 100_000, defaultBatch: 100)
        let partitions = try BenchFlags.partitions(arguments)
        let rounds = try arguments.int("--rounds", default: 1, range: 1...100)
        let fewer = try arguments.int("--vs-producers", range: 1...1024)
        if fewer != nil && arguments.has("--vs-baseline") {
            throw arguments.usageError("give --vs-baseline or --vs-producers, not both")
        }
        if arguments.has("--vs-baseline") && workload.producers > 1 {
            throw arguments.usageError(
                "--vs-baseline compares one producer with the raw loop, which has one writer;"
                    + " leave out --producers, or compare producer counts with --vs-producers")
        }
        if let fewer, fewer >= workload.producers {
            throw arguments.usageError(
                "--vs-producers is the smaller producer count to compare with; give fewer than"
                    + " the \(workload.producers) of --producers")
        }
        let control = session.control()
        let engine = arguments.has("--vs-baseline") ? try session.engine() : nil
        try session.prepare(
            storing: stored(
                workload, rounds: rounds, fewer: fewer, baseline: engine != nil,
                onExistingHub: arguments.has("--hub")))
        let appender = try engine?.makeRawAppender(BaselineBenchmark.pattern(of: workload))
        defer { appender?.close() }

        // One round: the reference (baseline, or fewer producers), then the workload itself.
        // A stop ends the run: the median is taken over the finished rounds, or is the
        // stopped round when none finished.
        var measured: [Round] = []
        var stopped: Round?
        for index in 1...rounds {
            let round = rounds > 1 ? ", round \(index) of \(rounds)" : ""
            var reference: BenchResult?
            if let appender {
                reference = try session.measuring {
                    try BaselineBenchmark.run(
                        appender: appender, workload: workload, control: control)
                }
            } else if let fewer {
                var smaller = workload
                smaller.producers = fewer
                smaller.events = max(1, workload.events * fewer / workload.producers)
                reference = try publish(
                    smaller, partitions: partitions, session, phase: phase(smaller) + round
                ).result
            }
            if reference?.interrupted == true { break }
            var measuring = try publish(
                workload, partitions: partitions, session, phase: phase(workload) + round)
            measuring.reference = reference
            if measuring.result.interrupted {
                stopped = measuring
                break
            }
            measured.append(measuring)
        }
        let finished = measured.count
        guard var chosen = Round.median(of: measured) ?? stopped else {
            throw CommandFailure("stopped before a round was measured")
        }
        chosen.result.interrupted = finished < rounds

        let partitionCount = chosen.hub.properties.partitionCount
        var report = BenchReport(
            summary: describe(workload, partitions: partitionCount),
            settings: settings(workload, partitions: partitionCount) + [("rounds", .int(rounds))],
            hub: chosen.hub, result: chosen.result)
        if let result = chosen.reference {
            if let engine {
                report.reference = .init(
                    name: "baseline", description: engine.baselineDescription, result: result)
            } else if let fewer {
                report.reference = .init(
                    name: "reference",
                    description: "the same with \(fewer) producer\(fewer == 1 ? "" : "s")"
                        + " (\(Figures.grouped(result.events))"
                        + " event\(result.events == 1 ? "" : "s"))",
                    result: result)
            }
        }
        if rounds > 1 {
            let shown = measured.isEmpty ? [chosen] : measured
            let count = finished < rounds ? " (\(finished) of \(rounds) finished)" : ""
            report.extraLines.append(("rounds", Round.describe(shown) + count))
            report.extraJSON.append(("rounds", .array(shown.map(\.json))))
            report.extraJSON.append(("roundsFinished", .int(finished)))
        }
        report.print(to: context.output, json: session.json)
    }

    /// What a run keeps stored at its peak: the baseline's records, reset but kept between
    /// rounds, beside one round's events, since each round's throwaway hub goes before the
    /// next is made and its space is reused; on `--hub` every round's events (and those of
    /// the reference rounds with fewer producers) stay.
    static func stored(
        _ workload: PublishWorkload, rounds: Int, fewer: Int?, baseline: Bool,
        onExistingHub: Bool
    ) -> [PublishWorkload] {
        let raw = baseline ? [workload] : []
        guard onExistingHub else { return [workload] + raw }
        var round = [workload]
        if let fewer {
            var smaller = workload
            smaller.events = max(1, workload.events * fewer / workload.producers)
            round.append(smaller)
        }
        return Array(repeating: round, count: rounds).flatMap { $0 } + raw
    }

    /// Publishes `workload` to a hub of its own and measures it.
    private static func publish(
        _ workload: PublishWorkload, partitions: Int, _ session: BenchSession, phase: String
    ) throws -> Round {
        try session.withHub(
            partitions: partitions, largestBatchBytes: workload.largestBatchBytes
        ) { hub in
            let result = try session.measuring {
                try PublishBenchmark.run(
                    log: session.context.log, hub: hub.properties, workload: workload,
                    control: session.control(), phase: phase)
            }
            return Round(hub: hub, result: result, reference: nil)
        }
    }

    /// `publish`, or `publish, 16 producers`: what the progress line is about.
    static func phase(_ workload: PublishWorkload) -> String {
        workload.producers == 1 ? "publish" : "publish, \(workload.producers) producers"
    }

    /// One round of a run: hubsh's publish, and the reference measured just before it.
    struct Round {
        var hub: BenchHub
        var result: BenchResult
        var reference: BenchResult?

        /// What rounds are ranked by: the ratio to the reference, else the event rate.
        var score: Double {
            guard let reference, reference.eventsPerSecond > 0 else {
                return result.eventsPerSecond
            }
            return result.eventsPerSecond / reference.eventsPerSecond
        }

        /// The round with the median score (the lower middle one of an even count).
        static func median(of rounds: [Round]) -> Round? {
            let sorted = rounds.sorted { $0.score < $1.score }
            return sorted.isEmpty ? nil : sorted[(sorted.count - 1) / 2]
        }

        /// `0.61  0.65  0.58 (median 0.61)`, or event rates without a reference.
        static func describe(_ rounds: [Round]) -> String {
            let compared = rounds.first?.reference != nil
            let text = { (round: Round) in
                compared ? Figures.decimal(round.score, places: 2) : Figures.rate(round.score)
            }
            let median = Round.median(of: rounds).map(text) ?? "-"
            return rounds.map(text).joined(separator: "  ") + " (median " + median
                + (compared ? " times the reference's events/s)" : " events/s)")
        }

        var json: JSONValue {
            var members: [(String, JSONValue)] = [
                ("eventsPerSecond", .number(Figures.decimal(result.eventsPerSecond, places: 1)))
            ]
            if let reference {
                members.append(
                    ("referenceEventsPerSecond",
                     .number(Figures.decimal(reference.eventsPerSecond, places: 1))))
                members.append(("ratio", .number(Figures.decimal(score, places: 4))))
            }
            return .object(members)
        }
    }

    /// `100,000 events of 100 bytes in batches of 100, 4 partitions, 1 producer, round-robin
    /// by batch, sync`
    static func describe(_ workload: PublishWorkload, partitions: Int) -> String {
        let producers = workload.producers == 1 ? "1 producer" : "\(workload.producers) producers"
        return "\(Figures.grouped(workload.events)) events of \(workload.bodySize) bytes in"
            + " batches of \(Figures.grouped(min(workload.batchSize, workload.events))),"
            + " \(partitions) partition\(partitions == 1 ? "" : "s"), \(producers),"
            + " \(routing(workload)), \(durabilityName(workload.durability))"
    }

    /// `round-robin by batch`, `round-robin by event`, or `100 keys`.
    static func routing(_ workload: PublishWorkload) -> String {
        switch workload.keys {
        case 0: "round-robin by \(workload.roundRobin.rawValue)"
        case 1: "1 key"
        default: "\(Figures.grouped(workload.keys)) keys"
        }
    }

    static func settings(_ workload: PublishWorkload, partitions: Int) -> [(String, JSONValue)] {
        [
            ("events", .int(workload.events)), ("size", .int(workload.bodySize)),
            ("batch", .int(workload.batchSize)), ("partitions", .int(partitions)),
            ("producers", .int(workload.producers)), ("keys", .int(workload.keys)),
            ("roundRobin", workload.keys == 0 ? .string(workload.roundRobin.rawValue) : .null),
            ("durability", .string(durabilityName(workload.durability))),
        ]
    }

    static func durabilityName(_ durability: Durability) -> String {
        durability == .durable ? "sync" : "no-sync"
    }
}
