import HubCore

/// `read`: a bounded read of a hub from a position.
enum Read {
    static let command = Command(
        CommandSpec(
            ["read"], summary: "read events from a position, then stop",
            details: [
                "POS is earliest, latest, seq:N, offset:N, time:ISO8601 (the first event at or"
                    + " after it) or -N (the last N events, or all when there are fewer).",
                "Without --partition every partition is read from POS and the events are shown"
                    + " in enqueued-time order; --count caps the total.",
            ],
            positionals: [Positional("HUB", "the hub", completion: .hub)],
            flags: [
                Flag("--partition", short: "-p", value: "P", "read one partition",
                     completion: .partition),
                Flag("--from", value: "POS", "where to start (default earliest)",
                     completion: .position),
                Flag("--exclusive", "start after seq:N or offset:N instead of at it"),
                Flag("--count", short: "-n", value: "N",
                     "at most N events (default 100; 0 reads all of them)"),
                EventFormatChoice.flag,
                AvroBodies.flag,
            ],
            examples: [
                "read orders --partition 0 --from earliest --count 5",
                "read orders --from -10",
                "read orders --partition 1 --from seq:42 --exclusive",
                "read orders --from time:2026-12-03T09:00:00Z --json",
                "read orders --from -100 --format csv",
            ]),
        run: { arguments, context in
            let hub = try context.log.hub(named: arguments.string(at: 0))
            let position = try Read.position(arguments, default: .earliest)
            // 0 is no limit, as for `tail --count` and `consume --max` (and rpk's --num).
            let asked = try arguments.int("--count", default: 100, range: 0...10_000_000)
            let count = asked == 0 ? Int.max : asked
            let partitions = try Read.partitions(arguments, hub: hub)
            let renderer = try EventFormatChoice.renderer(
                arguments, hub: hub.name, context: context)

            // Partitions are read in chunks and merged by enqueued time, so memory stays
            // bounded however many events are asked for.
            var merge = try PartitionMerge(
                log: context.log, hub: hub.name, partitions: partitions, from: position)
            let bodies = AvroBodies(arguments, context: context)
            var shown = 0
            renderer.begin()
            while shown < count, let event = try merge.next() {
                renderer.render(bodies.display(event))
                shown += 1
                if context.isInterrupted || context.output.standardOutput.broken { break }
            }
            renderer.end()
            let more = shown == count && count > 0 ? (try merge.next()) != nil : false
            if context.isInterrupted, shown < count, try merge.next() != nil {
                context.output.endInterruptedLine()
                StoppedEarly.report(
                    done: shown, asked: asked == 0 ? nil : asked, verb: "read",
                    source: "hub '\(hub.name)'", json: renderer.isJSON, context: context)
            } else if renderer.isText {
                context.output.note(
                    "\(shown) event\(shown == 1 ? "" : "s") from hub '\(hub.name)'"
                        + (more ? " (more with --count)" : ""))
            }
        })

    /// `--from` (with `--exclusive`), or `fallback` when not given.
    static func position(_ arguments: Arguments, default fallback: EventPosition) throws
        -> EventPosition
    {
        guard let token = arguments.token("--from") else {
            if arguments.has("--exclusive") {
                throw arguments.usageError("--exclusive needs --from seq:N or --from offset:N")
            }
            return fallback
        }
        let position: EventPosition
        do {
            position = try EventPosition.parse(token.text, exclusive: arguments.has("--exclusive"))
        } catch let error as HubError {
            throw arguments.usageError(error.description, at: token)
        }
        switch position {
        case .sequenceNumber, .offset: break
        default:
            if arguments.has("--exclusive") {
                throw arguments.usageError(
                    "--exclusive applies to --from seq:N and --from offset:N", at: token)
            }
        }
        return position
    }

    /// The partition given with `--partition`, or all of the hub's.
    static func partitions(_ arguments: Arguments, hub: HubProperties) throws -> [Int] {
        if let partition = try arguments.int("--partition") {
            try hub.check(partition: partition)
            return [partition]
        }
        return Array(0..<hub.partitionCount)
    }
}

/// Reads several partitions from one position and yields their events in enqueued-time order
/// (partition and sequence number break ties), holding at most one chunk per partition.
struct PartitionMerge {
    static let chunk = 512

    let log: EventLog
    let hub: String
    private var buffers: [Int: ArraySlice<ReceivedEvent>] = [:]
    /// Where each partition that may hold more events continues.
    private var resume: [Int: EventPosition] = [:]

    init(log: EventLog, hub: String, partitions: [Int], from position: EventPosition) throws {
        self.log = log
        self.hub = hub
        for partition in partitions {
            resume[partition] = position
            try refill(partition)
        }
    }

    private mutating func refill(_ partition: Int) throws {
        guard let position = resume.removeValue(forKey: partition) else { return }
        let events = try log.read(
            hub: hub, partition: partition, from: position, maxCount: PartitionMerge.chunk)
        buffers[partition] = events[...]
        if let last = events.last, events.count == PartitionMerge.chunk {
            resume[partition] = .sequenceNumber(last.sequenceNumber + 1, inclusive: true)
        }
    }

    /// The earliest event not yet returned, or nil when every partition is done.
    mutating func next() throws -> ReceivedEvent? {
        var best: ReceivedEvent? = nil
        for partition in buffers.keys.sorted() {
            if buffers[partition]?.isEmpty ?? true { try refill(partition) }
            guard let head = buffers[partition]?.first else { continue }
            if let current = best, current.enqueuedTime <= head.enqueuedTime { continue }
            best = head
        }
        if let best { buffers[best.partition]?.removeFirst() }
        return best
    }
}
