import HubBench
import HubCore

/// The flags the bench commands share, and the workloads they describe.
enum BenchFlags {
    static func events(default value: Int) -> Flag {
        Flag(
            "--events", short: "-n", value: "N",
            "events in all (default \(Figures.grouped(value)))")
    }
    static let size = Flag("--size", value: "BYTES", "body bytes of each event (default 100)")
    static func batch(default value: Int) -> Flag {
        Flag("--batch", value: "B", "events per append call (default \(value))")
    }
    static let partitions = Flag(
        "--partitions", value: "P", "partitions of the throwaway hub (default 4)")
    static let producers = Flag(
        "--producers", value: "K", "threads publishing at the same time (default 1)")
    static let keys = Flag(
        "--keys", value: "K", "distinct partition keys (default none: round-robin)")
    static let roundRobin = Flag(
        "--round-robin", value: "UNIT",
        "batch (the default: each batch whole to the next partition, as an Event Hubs batch"
            + " lands in one partition) or event (each event to the next, as publish does)",
        completion: .words(PublishWorkload.RoundRobin.allCases.map(\.rawValue)))
    static let sync = Flag("--sync", "wait for the disk on every commit (the default)")
    static let noSync = Flag("--no-sync", "do not wait for the disk (not power-loss safe)")
    static let hub = Flag(
        "--hub", value: "HUB", "run on this existing hub instead of a throwaway one",
        completion: .hub)

    /// The most events one run takes.
    static let maxEvents = 1_000_000_000

    /// The write pattern of `bench publish`, `bench baseline` and `bench e2e`.
    static func publishWorkload(
        _ arguments: Arguments, defaultEvents: Int, defaultBatch: Int, minimumSize: Int = 0
    ) throws -> PublishWorkload {
        let events = try arguments.int("--events", default: defaultEvents, range: 1...maxEvents)
        let size = try arguments.int(
            "--size", default: max(100, minimumSize),
            range: minimumSize...HubSpec.maxEventSizeLimit)
        let batch = try arguments.int("--batch", default: defaultBatch, range: 1...1_000_000)
        let producers = try arguments.int("--producers", default: 1, range: 1...1024)
        let keys = try arguments.int("--keys", default: 0, range: 0...1_000_000)
        if producers > events {
            throw arguments.usageError(
                "--producers \(producers) is more than the \(Figures.grouped(events)) events,"
                    + " so some would have nothing to publish; give at most one per event")
        }
        // A batch cannot hold more than a producer's share: clamped here, so that the summary,
        // the settings and the run all name the batch the producers really append.
        let largestShare = (events + producers - 1) / producers
        return PublishWorkload(
            events: events, bodySize: size, batchSize: min(batch, largestShare),
            producers: producers, keys: keys,
            roundRobin: try roundRobin(arguments, keys: keys),
            durability: try durability(arguments))
    }

    /// `--round-robin batch|event`; batch when not given. Events with keys go where their
    /// key's hash sends them, so the flag is refused together with `--keys`.
    static func roundRobin(_ arguments: Arguments, keys: Int) throws
        -> PublishWorkload.RoundRobin
    {
        guard let given = arguments.token("--round-robin") else { return .batch }
        guard let unit = PublishWorkload.RoundRobin(rawValue: given.text) else {
            throw arguments.usageError(
                "--round-robin is batch or event, not '\(given.text)'", at: given)
        }
        if keys > 0 {
            throw arguments.usageError(
                "--round-robin routes events without keys; with --keys each event goes to its"
                    + " key's partition, so give one or the other", at: given)
        }
        return unit
    }

    /// `--sync` (the default) or `--no-sync`.
    static func durability(_ arguments: Arguments) throws -> Durability {
        if arguments.has("--sync") && arguments.has("--no-sync") {
            throw arguments.usageError("give --sync or --no-sync, not both")
        }
        return arguments.has("--no-sync") ? .noSync : .durable
    }

    /// `--partitions`, which only a throwaway hub can follow.
    static func partitions(_ arguments: Arguments) throws -> Int {
        if arguments.has("--partitions") && arguments.has("--hub") {
            throw arguments.usageError("--partitions applies to a throwaway hub, not to --hub")
        }
        return try arguments.int(
            "--partitions", default: HubSpec.defaultPartitionCount,
            range: 1...HubSpec.maxPartitionCount)
    }
}
