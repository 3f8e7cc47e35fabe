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
                    + " Ctrl-C ends the run; the median is then that of the finished rounds,"
                    + " and the round it cut short is shown apart (stoppedRound in JSON). When"
                    + " no round finished, the figures are those of the stopped one, as far as"
                    + " it got, and the rounds line says so.",
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
        // A stop ends the run: the figures are the median of the finished rounds, or those of
        // the stopped round when none finished.
        var measured: [Round] = []
        var stopped: Round?
        for index in 1...rounds {
            var reference: BenchResult?
            if let appender {
                reference = try session.measuring {
                    try BaselineBenchmark.run(
                        appender: appender, workload: workload, control: control,
                        phase: inRound("baseline", index, of: rounds))
                }
            } else if let fewer {
                var smaller = workload
                smaller.producers = fewer
                smaller.events = max(1, workload.events * fewer / workload.producers)
                reference = try publish(
                    smaller, partitions: partitions, session,
                    phase: inRound(phase(smaller), index, of: rounds)
                ).result
            }
            if reference?.interrupted == true {
                stopped = Round(index: index, hub: nil, result: nil, reference: reference)
                break
            }
            var measuring = try publish(
                workload, partitions: partitions, session,
                phase: inRound(phase(workload), index, of: rounds))
            measuring.index = index
            measuring.reference = reference
            if measuring.result?.interrupted == true {
                stopped = measuring
                break
            }
            measured.append(measuring)
        }
        let finished = measured.count
        // Neither is nil: the loop ran at least once and either finished or stopped a round.
        let chosen = Round.median(of: measured) ?? stopped!
        var result = chosen.result ?? {
            // Nothing was published, so nothing committed and no switch was spent on it.
            var nothing = BenchResult.nothing("publish")
            nothing.commits = 0
            nothing.contextSwitches = 0
            return nothing
        }()
        result.interrupted = finished < rounds

        let partitionCount = try chosen.hub?.properties.partitionCount
            ?? arguments.string("--hub").map { try context.log.hub(named: $0).partitionCount }
            ?? partitions
        var report = BenchReport(
            summary: describe(workload, partitions: partitionCount),
            settings: settings(workload, partitions: partitionCount) + [("rounds", .int(rounds))],
            hub: chosen.hub, result: result)
        let referenceName = engine != nil ? "baseline" : "reference"
        if let result = chosen.reference {
            if let engine {
                report.reference = .init(
                    name: referenceName, description: engine.baselineDescription, result: result)
            } else if let fewer {
                report.reference = .init(
                    name: referenceName,
                    description: "the same with " + Figures.count(fewer, "producer")
                        + " (" + Figures.count(result.events, "event") + ")",
                    result: result)
            }
        }
        if rounds > 1 {
            report.extraLines.append(
                ("rounds",
                 Round.describe(
                    measured, of: rounds, stopped: stopped, reference: referenceName)))
            report.extraJSON.append(("rounds", .array(measured.map(\.json))))
            report.extraJSON.append(("roundsFinished", .int(finished)))
            report.extraJSON.append(("stoppedRound", stopped.map(\.json) ?? .null))
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
            partitions: partitions, largestBatchBytes: workload.largestBatchBytes,
            largestEventBytes: workload.largestEventBytes
        ) { hub in
            let result = try session.measuring {
                try PublishBenchmark.run(
                    log: session.context.log, hub: hub.properties, workload: workload,
                    control: session.control(), phase: phase)
            }
            return Round(hub: hub, result: result)
        }
    }

    /// `publish`, or `publish, 16 producers`: what the progress line is about.
    static func phase(_ workload: PublishWorkload) -> String {
        workload.producers == 1 ? "publish" : "publish, \(workload.producers) producers"
    }

    /// `baseline, round 2 of 3`: what the progress line of a phase says in a run of rounds;
    /// the phase alone when there is one round.
    static func inRound(_ phase: String, _ index: Int, of rounds: Int) -> String {
        rounds > 1 ? "\(phase), round \(index) of \(rounds)" : phase
    }

    /// One round of a run: hubsh's publish, and the reference measured just before it.
    struct Round {
        /// Which round this is, from 1.
        var index = 1
        /// The hub published to; nil when the round was stopped during its reference, before
        /// hubsh's publish began, as is `result`.
        var hub: BenchHub?
        var result: BenchResult?
        var reference: BenchResult?

        /// What rounds are ranked by: the ratio to the reference, else the event rate; nil
        /// when hubsh's publish was not measured.
        var score: Double? {
            guard let result else { return nil }
            guard let reference, reference.eventsPerSecond > 0 else {
                return result.eventsPerSecond
            }
            return result.eventsPerSecond / reference.eventsPerSecond
        }

        /// The round with the median score (the lower middle one of an even count).
        static func median(of rounds: [Round]) -> Round? {
            let sorted = rounds.sorted { ($0.score ?? 0) < ($1.score ?? 0) }
            return sorted.isEmpty ? nil : sorted[(sorted.count - 1) / 2]
        }

        /// The rounds line: the finished rounds and their median, and the round a stop cut
        /// short, which is never part of the median. `reference` names what was compared
        /// with: `0.61  0.65  0.58 (median 0.61 times the baseline's events/s)`, or event
        /// rates without one.
        static func describe(
            _ finished: [Round], of rounds: Int, stopped: Round?, reference: String
        ) -> String {
            let compared = (finished.first ?? stopped)?.reference != nil
            let text = { (score: Double) in
                compared ? Figures.decimal(score, places: 2) : Figures.rate(score)
            }
            let unit = compared ? " times the \(reference)'s events/s" : " events/s"
            guard let stopped else {
                let median = Round.median(of: finished)?.score.map(text) ?? "-"
                return finished.compactMap { $0.score.map(text) }.joined(separator: "  ")
                    + " (median \(median)\(unit))"
            }
            guard let median = Round.median(of: finished)?.score.map(text) else {
                return "none of \(rounds) finished: the figures above are of round"
                    + " \(stopped.index), stopped early"
            }
            return finished.compactMap { $0.score.map(text) }.joined(separator: "  ")
                + " (median \(median)\(unit)): \(finished.count) of \(rounds) finished;"
                + " round \(stopped.index) was stopped early and is not counted"
        }

        /// `{"round":2,"eventsPerSecond":…}`, with the reference's rate and the ratio when
        /// there is a reference; null where a stop left nothing measured.
        var json: JSONValue {
            let rate = { (result: BenchResult?) -> JSONValue in
                result.map { .number(Figures.decimal($0.eventsPerSecond, places: 1)) } ?? .null
            }
            var members: [(String, JSONValue)] = [
                ("round", .int(index)), ("eventsPerSecond", rate(result)),
            ]
            if let reference {
                members.append(("referenceEventsPerSecond", rate(reference)))
                members.append(
                    ("ratio", score.map { .number(Figures.decimal($0, places: 4)) } ?? .null))
            }
            return .object(members)
        }
    }

    /// `100,000 events of 100 bytes in batches of 100, 4 partitions, 1 producer, round-robin
    /// by batch, sync`
    static func describe(_ workload: PublishWorkload, partitions: Int) -> String {
        Figures.count(workload.events, "event") + " of " + Figures.count(workload.bodySize, "byte")
            + " in batches of \(Figures.grouped(workload.batchSize)),"
            + " \(Figures.count(partitions, "partition")),"
            + " \(Figures.count(workload.producers, "producer")),"
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
