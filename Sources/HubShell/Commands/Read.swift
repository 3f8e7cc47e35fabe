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
                Flag("--count", short: "-n", value: "N", "at most N events (default 100)"),
            ],
            examples: [
                "read orders --partition 0 --from earliest --count 5",
                "read orders --from -10",
                "read orders --partition 1 --from seq:42 --exclusive",
                "read orders --from time:2026-12-03T09:00:00Z --json",
            ]),
        run: { arguments, context in
            let hub = try context.log.hub(named: arguments.string(at: 0))
            let position = try Read.position(arguments, default: .earliest)
            let count = try arguments.int("--count", default: 100, range: 0...10_000_000)
            let partitions = try Read.partitions(arguments, hub: hub)

            var events: [ReceivedEvent] = []
            for partition in partitions {
                events += try context.log.read(
                    hub: hub.name, partition: partition, from: position, maxCount: count)
            }
            if partitions.count > 1 {
                events.sort {
                    ($0.enqueuedTime, $0.partition, $0.sequenceNumber)
                        < ($1.enqueuedTime, $1.partition, $1.sequenceNumber)
                }
            }
            let shown = events.prefix(count)
            let printer = EventPrinter(
                output: context.output, json: context.output.wantsJSON(arguments))
            shown.forEach(printer.print)
            if !printer.json {
                context.output.note(
                    "\(shown.count) event\(shown.count == 1 ? "" : "s") from hub '\(hub.name)'"
                        + (events.count > shown.count ? " (more with --count)" : ""))
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
        do {
            return try EventPosition.parse(token.text, exclusive: arguments.has("--exclusive"))
        } catch let error as HubError {
            throw arguments.usageError(error.description, at: token)
        }
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
