import HubCore

/// `consume`: read as a consumer group, after its checkpoints, and advance them.
enum Consume {
    static let command = Command(
        CommandSpec(
            ["consume"], summary: "read as a consumer group and checkpoint the progress",
            details: [
                "Each partition resumes after the group's checkpoint and never receives the"
                    + " checkpointed event again. A partition without a checkpoint starts at"
                    + " --from (default earliest).",
                "Checkpoints are written after each batch read, or every N events with"
                    + " --checkpoint-every, and once more at the end. Without --follow the"
                    + " command stops when it has caught up.",
                "A checkpoint older than the oldest retained event means events expired unread:"
                    + " consume says how many and resumes at the earliest.",
            ],
            positionals: [Positional("HUB", "the hub", completion: .hub)],
            flags: [
                Flag("--group", short: "-g", value: "GROUP",
                     "the consumer group (every hub has '$default')",
                     required: true, completion: .group),
                Flag("--partition", short: "-p", value: "P", "consume one partition",
                     completion: .partition),
                Flag("--max", short: "-n", value: "N", "stop after N events (0: no limit)"),
                Flag("--checkpoint-every", value: "N", "checkpoint every N events"),
                Flag("--from", value: "POS", "start for partitions without a checkpoint",
                     completion: .position),
                Flag("--follow", "keep consuming new events until Ctrl-C or --timeout"),
                Flag("--timeout", value: "D", "with --follow, stop after D (0: no timeout)"),
            ],
            examples: [
                "consume orders --group billing",
                "consume orders --group billing --max 100 --checkpoint-every 10",
                "consume orders --group billing --follow --json",
            ]),
        run: run)

    static func run(_ arguments: Arguments, _ context: ShellContext) throws {
        let hub = try context.log.hub(named: arguments.string(at: 0))
        // The group as it was created, for the checkpoints and every line that names it.
        let group = try context.log.consumerGroup(
            hub: hub.name, named: arguments.requiredToken("--group").text
        ).name
        let partitions = try Read.partitions(arguments, hub: hub)
        let fallback = try Read.position(arguments, default: .earliest)
        let limit = try Follow.limit(arguments, "--max")
        let every = try arguments.int("--checkpoint-every", range: 1...Int.max)
        let follow = arguments.has("--follow")
        if arguments.has("--timeout") && !follow {
            throw arguments.usageError("--timeout applies to --follow")
        }

        var starts: [Int: EventPosition] = [:]
        let progressRows = try ConsumerProgress.all(log: context.log, hub: hub.name, group: group)
        warnAboutOtherConsumers(progressRows, group: group, context: context)
        for progress in progressRows where partitions.contains(progress.partition) {
            if progress.lostToRetention > 0 {
                context.output.warning(
                    "partition \(progress.partition): \(progress.lostToRetention) events expired"
                        + " before group '\(group)' read them (checkpoint at seq"
                        + " \(progress.checkpoint!.sequenceNumber), oldest retained is"
                        + " \(progress.state.firstSequenceNumber)); resuming at the earliest")
            }
            starts[progress.partition] = progress.checkpoint == nil
                ? fallback : .sequenceNumber(progress.resumeSequenceNumber, inclusive: true)
        }

        let tailer = try Tailer(log: context.log, hub: hub.name, starts: starts)
        let printer = EventPrinter(
            output: context.output, json: context.output.wantsJSON(arguments))
        var checkpointer = Checkpointer(
            log: context.log, hub: hub.name, group: group, owner: context.owner, every: every)
        let consumed: Int
        do {
            consumed = try Follow.run(
                tailer, limit: limit, timeout: try Follow.timeout(arguments),
                stopWhenCaughtUp: !follow, context: context
            ) { events in
                for event in events {
                    printer.print(event)
                    try checkpointer.processed(event)
                }
                try checkpointer.batchDone()
            }
        } catch {
            try? checkpointer.flush()
            throw error
        }
        try checkpointer.flush()

        // Ctrl-C is how a --follow without --max ends; otherwise it cut the work short, if
        // work was left: --max not reached while following, or events not yet consumed.
        let unfinished = limit.map { consumed < $0 } ?? !follow
        if context.isInterrupted, unfinished, try follow || !tailer.poll().isEmpty {
            context.output.endInterruptedLine()
            StoppedEarly.report(
                done: consumed, asked: limit, verb: "consumed",
                source: "hub '\(hub.name)' as group '\(group)'", json: printer.json,
                context: context)
        } else if !printer.json {
            context.output.note(
                "consumed \(consumed) event\(consumed == 1 ? "" : "s") from hub '\(hub.name)' as"
                    + " group '\(group)'")
        }
    }
}

/// How recent another owner's checkpoint must be for `consume` to warn that it may still run.
let recentCheckpointMillis: Int64 = 30_000

/// Warns when another consumer wrote checkpoints of this group moments ago and may still run.
/// hubsh does not balance partitions between the consumers of a group: two running at once
/// would each receive every event, and the last one to checkpoint wins. A consumer of this
/// host whose process has exited cannot be running, so it raises no warning.
func warnAboutOtherConsumers(
    _ progress: [ConsumerProgress], group: String, context: ShellContext
) {
    let now = Timestamp.now()
    let recent = progress.compactMap(\.checkpoint).filter {
        $0.owner != context.owner && now - $0.updatedAt < recentCheckpointMillis
            && CheckpointOwner.mightBeRunning($0.owner)
    }
    guard let latest = recent.max(by: { $0.updatedAt < $1.updatedAt }) else { return }
    let seconds = max(0, now - latest.updatedAt) / 1000
    context.output.warning(
        "group '\(group)' was checkpointed \(seconds)s ago by \(latest.owner); if that consumer"
            + " is still running, both receive every event (one reader per group at a time)")
}

/// Collects the last processed event per partition and writes checkpoints for them.
struct Checkpointer {
    let log: EventLog
    let hub: String
    let group: String
    let owner: String
    /// Checkpoint after this many events; nil checkpoints after every batch.
    let every: Int?
    private var pending: [Int: ReceivedEvent] = [:]
    private var sinceLast = 0

    init(log: EventLog, hub: String, group: String, owner: String, every: Int?) {
        self.log = log
        self.hub = hub
        self.group = group
        self.owner = owner
        self.every = every
    }

    mutating func processed(_ event: ReceivedEvent) throws {
        pending[event.partition] = event
        sinceLast += 1
        if let every, sinceLast >= every { try flush() }
    }

    mutating func batchDone() throws {
        if every == nil { try flush() }
    }

    mutating func flush() throws {
        guard !pending.isEmpty else { return }
        let now = Timestamp.now()
        try log.setCheckpoints(pending.values.sorted { $0.partition < $1.partition }.map {
            Checkpoint(
                hub: hub, group: group, partition: $0.partition,
                sequenceNumber: $0.sequenceNumber, offset: $0.offset, updatedAt: now,
                owner: owner)
        })
        pending.removeAll()
        sinceLast = 0
    }
}
