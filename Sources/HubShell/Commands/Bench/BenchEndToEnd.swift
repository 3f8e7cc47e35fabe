import Foundation
import HubBench
import HubCore

/// `bench e2e`: publishers at a steady rate and a tailing consumer, each event timed from its
/// publish call to its delivery; in one process, or across two.
enum BenchEndToEnd {
    static let command = Command(
        CommandSpec(
            ["bench", "e2e"], summary: "measure the latency from publish to delivery",
            details: [
                "Producers publish --events events at --rate events per second in all, while a"
                    + " consumer tails the hub from the latest event, as 'tail' does. Each body"
                    + " carries the time its append call began; the consumer records the time"
                    + " to its delivery. Reports the delivered events/s and MB/s, latency"
                    + " percentiles and their chart.",
                "With --processes 1 (the default) producers and consumer are threads of this"
                    + " process, and the consumer wakes as soon as an append commits. With"
                    + " --processes 2 a second hubsh process on the same namespace (data"
                    + " directory or NATS cluster) publishes (it runs this command with --role"
                    + " publisher) while this one tails, polling as 'tail' does.",
                "A producer sends each batch when its interval (the batch over its share of"
                    + " --rate) begins, and the batch stands for that whole interval; so the"
                    + " measured time counts the last batch's interval too, and a run that kept"
                    + " up reports the rate asked for, whatever the batch size.",
                "When the producers publish at less than 95% of --rate, a note says so: the"
                    + " latency was then measured at the lower rate they reached. Ctrl-C stops"
                    + " the run, and the publishing process with it, and reports the part run.",
            ],
            flags: [
                BenchFlags.events(default: 10_000),
                Flag("--rate", value: "N/s", "events per second, all producers together"
                    + " (default 1000/s)"),
                BenchFlags.size, BenchFlags.batch(default: 1), BenchFlags.partitions,
                BenchFlags.producers, BenchFlags.keys, BenchFlags.roundRobin, BenchFlags.sync,
                BenchFlags.noSync,
                BenchFlags.hub,
                Flag("--processes", value: "N", "1: all in this process; 2: publish from a"
                    + " second hubsh process"),
                Flag("--role", value: "ROLE", "publisher: only publish, for --processes 2",
                     completion: .words(["publisher"]), hidden: true),
            ],
            examples: [
                "bench e2e",
                "bench e2e --events 50000 --rate 10000/s --no-sync",
                "bench e2e --events 20000 --rate 2000/s --processes 2 --json",
            ]),
        run: run)

    /// The hubsh arguments that open this shell's engine in the publishing process.
    static func otherProcessArguments(_ context: ShellContext) throws -> [String] {
        guard let target = context.engine.target else {
            throw CommandFailure(
                "bench e2e --processes 2 needs an engine a second hubsh process can open, and"
                    + " this shell's log was handed to it directly; use --processes 1")
        }
        return target.commandLineArguments
    }

    static func run(_ arguments: Arguments, _ context: ShellContext) throws {
        let session = BenchSession(context: context, arguments: arguments)
        let publish = try BenchFlags.publishWorkload(
            arguments, defaultEvents: 10_000, defaultBatch: 1,
            minimumSize: StampedBody.minimumSize)
        let workload = EndToEndWorkload(
            publish: publish, rate: try Publish.rateLimit(arguments) ?? 1000)
        let processes = try arguments.int("--processes", default: 1, range: 1...2)
        if let role = arguments.token("--role") {
            guard role.text == "publisher" else {
                throw arguments.usageError("--role takes publisher, not '\(role.text)'", at: role)
            }
            try publishOnly(workload, session: session)
            return
        }
        let partitions = try BenchFlags.partitions(arguments)
        let engineArguments = processes == 2 ? try otherProcessArguments(context) : []
        try session.prepare(storing: [publish])
        let control = session.control()

        let other = OtherProcessResult()
        let (hub, outcome) = try session.withHub(
            partitions: partitions, largestBatchBytes: publish.largestBatchBytes,
            largestEventBytes: publish.largestEventBytes
        ) { hub in
            let publishers: EndToEndBenchmark.Publishers
            if processes == 2 {
                let process = PublisherProcess(
                    engineArguments: engineArguments,
                    command: publisherCommand(workload, hub: hub.name))
                publishers = .external(
                    run: {
                        let report = try process.run()
                        other.set(report)
                        return report.flatMap(publishing)
                    },
                    stop: process.stop)
            } else {
                publishers = .inProcess
            }
            let result = try session.measuring {
                try EndToEndBenchmark.run(
                    log: context.log, hub: hub.properties, workload: workload,
                    publishers: publishers, control: control)
            }
            return (hub, result)
        }

        let result = outcome.delivery
        var report = BenchReport(
            summary: describe(workload, partitions: hub.properties.partitionCount,
                              processes: processes),
            settings: BenchPublish.settings(publish, partitions: hub.properties.partitionCount)
                + [("rate", .number(Figures.decimal(workload.rate, places: 1))),
                   ("processes", .int(processes))],
            hub: hub, result: result, reference: nil)
        report.extraJSON.append(("publishRate", publishRateJSON(outcome)))
        if let note = publishRateNote(outcome) { report.extraLines.append(("note", note)) }
        if processes == 2 {
            // Null when the other process was stopped before it reported: the member is there
            // either way, so that scripts can count on the shape.
            let publisher = other.value.map { nested($0, hub: hub) }
            report.extraJSON.append(("publisher", publisher ?? .null))
            if publisher == nil {
                report.extraLines.append(
                    ("publisher", "the other process was stopped with the run, before it reported"))
            } else if let published = outcome.publishing {
                report.extraLines.append(
                    ("publisher",
                     "the other process published \(rate(published.eventsPerSecond)) events/s"))
            }
        }
        report.print(to: context.output, json: session.json)
        // A stopped run ends with status 130 and says so in its report; only a run that went
        // to its end fails for events that never arrived.
        if result.missing > 0 && !result.interrupted {
            throw CommandFailure(
                Figures.count(result.missing, "published event")
                    + " never reached the consumer")
        }
    }

    /// The other process's side of `--processes 2`: publish to `--hub` at the rate, stamped.
    static func publishOnly(_ workload: EndToEndWorkload, session: BenchSession) throws {
        guard let name = session.arguments.string("--hub") else {
            throw session.arguments.usageError("--role publisher needs --hub HUB")
        }
        let hub = try session.context.log.hub(named: name)
        // Stop as on Ctrl-C once the process that started this one is gone (killed, say), so
        // that no publisher outlives its run: this process is the parent's child.
        var control = session.control()
        let parent = getppid()
        let interrupted = control.shouldStop
        control.shouldStop = { interrupted() || getppid() != parent }
        let result = try session.measuring {
            try EndToEndBenchmark.publish(
                log: session.context.log, hub: hub, workload: workload, control: control)
        }
        BenchReport(
            summary: describe(workload, partitions: hub.partitionCount, processes: 2),
            settings: BenchPublish.settings(workload.publish, partitions: hub.partitionCount),
            hub: BenchHub(properties: hub, isThrowaway: false), result: result, reference: nil
        ).print(to: session.context.output, json: session.json)
    }

    /// The other process's report as this one's `publisher` member. That process cannot know
    /// that the hub is this one's throwaway, so `throwawayHub` says what is true here, as at
    /// the top level: the member keeps the shape of every bench report.
    static func nested(_ publisher: JSONValue, hub: BenchHub) -> JSONValue {
        guard case .object(let members) = publisher else { return publisher }
        return .object(
            members.map { key, value in
                key == "throwawayHub" ? (key, .bool(hub.isThrowaway)) : (key, value)
            })
    }

    /// What the other process says it published, from its JSON report.
    static func publishing(_ report: JSONValue) -> EndToEndResult.Publishing? {
        guard case .number(let events)? = report["events"], let events = Int(events),
            case .number(let rate)? = report["eventsPerSecond"], let rate = Double(rate)
        else { return nil }
        return EndToEndResult.Publishing(events: events, eventsPerSecond: rate)
    }

    /// `{"asked": 10000000.0, "reached": 1094.3, "keptUp": false}`; `reached` and `keptUp`
    /// are null when the producers' rate is not known (the other process was stopped before
    /// it reported).
    static func publishRateJSON(_ outcome: EndToEndResult) -> JSONValue {
        .object([
            ("asked", .number(Figures.decimal(outcome.askedRate, places: 1))),
            ("reached",
             outcome.publishing.map { .number(Figures.decimal($0.eventsPerSecond, places: 1)) }
                ?? .null),
            ("keptUp", outcome.keptUp.map { .bool($0) } ?? .null),
        ])
    }

    /// `asked 10,000,000/s, reached 1,094/s: ...` when the producers fell short of the rate:
    /// the latency figures then hold for the rate reached, not the one asked for.
    static func publishRateNote(_ outcome: EndToEndResult) -> String? {
        guard outcome.keptUp == false, let publishing = outcome.publishing else { return nil }
        return "asked \(rate(outcome.askedRate))/s, reached \(rate(publishing.eventsPerSecond))/s:"
            + " the producers could not keep up, so latency is measured at the lower rate"
    }

    /// `1,000` for events per second; below 100 with decimals, so that `0.5` stays itself.
    static func rate(_ value: Double) -> String {
        value >= 100 ? Figures.rate(value) : Figures.decimal(value, places: value >= 10 ? 1 : 2)
    }

    /// The command line of the publishing process.
    static func publisherCommand(_ workload: EndToEndWorkload, hub: String) -> String {
        let publish = workload.publish
        return "bench e2e --role publisher --hub \(hub) --events \(publish.events)"
            + " --rate \(Figures.decimal(workload.rate, places: 3)) --size \(publish.bodySize)"
            + " --batch \(publish.batchSize) --producers \(publish.producers)"
            + (publish.keys > 0
                ? " --keys \(publish.keys)" : " --round-robin \(publish.roundRobin.rawValue)")
            + (publish.durability == .durable ? " --sync" : " --no-sync")
    }

    /// `10,000 events at 1,000/s, 100 bytes, batches of 1, 4 partitions, 1 producer,
    /// round-robin by batch, sync, one process`: the words of `bench publish`, with the rate
    /// and the processes.
    static func describe(_ workload: EndToEndWorkload, partitions: Int, processes: Int) -> String
    {
        let publish = workload.publish
        let durability = BenchPublish.durabilityName(publish.durability)
        return Figures.count(publish.events, "event") + " at \(rate(workload.rate))/s, "
            + Figures.count(publish.bodySize, "byte")
            + ", batches of \(Figures.grouped(publish.batchSize)),"
            + " \(Figures.count(partitions, "partition")),"
            + " \(Figures.count(publish.producers, "producer")),"
            + " \(BenchPublish.routing(publish)), \(durability),"
            + (processes == 1 ? " one process" : " publisher and consumer in two processes")
    }
}

/// The JSON the other process printed, handed from the thread that waited for it.
private final class OtherProcessResult: @unchecked Sendable {
    private let lock = NSLock()
    /// Read and written only while holding `lock`.
    private var stored: JSONValue?

    func set(_ value: JSONValue?) {
        lock.withLock { stored = value }
    }

    var value: JSONValue? { lock.withLock { stored } }
}
