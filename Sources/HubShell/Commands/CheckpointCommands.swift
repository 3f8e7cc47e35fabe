import HubCore

/// `checkpoint list|set|reset`: a consumer group's stored progress.
enum CheckpointCommands {
    static let all: [Command] = [list, set, reset]

    static let list = Command(
        CommandSpec(
            ["checkpoint", "list"], summary: "show checkpoints and lag per partition",
            positionals: [
                Positional("HUB", "the hub", completion: .hub),
                Positional("GROUP", "one consumer group (default all)", optional: true,
                           completion: .group),
            ],
            examples: ["checkpoint list orders", "checkpoint list orders billing --json"]),
        run: { arguments, context in
            let rows = try ProgressRows.collect(
                context.log, hub: arguments.string(at: 0), group: arguments.positional(1)?.text)
            ProgressRows.print(rows, arguments: arguments, context: context, totals: false)
        })

    static let set = Command(
        CommandSpec(
            ["checkpoint", "set"], summary: "set a group's checkpoint in one partition",
            details: [
                "The group resumes after the event with this sequence number; the event must"
                    + " still be retained."
            ],
            positionals: [
                Positional("HUB", "the hub", completion: .hub),
                Positional("GROUP", "the consumer group", completion: .group),
            ],
            flags: [
                Flag("--partition", short: "-p", value: "P", "the partition",
                     required: true, completion: .partition),
                Flag("--seq", value: "N", "the last processed sequence number",
                     required: true),
            ],
            examples: ["checkpoint set orders billing --partition 0 --seq 41"]),
        run: { arguments, context in
            let hub = try context.log.hub(named: arguments.string(at: 0))
            let group = try context.log.consumerGroup(
                hub: hub.name, named: arguments.string(at: 1)
            ).name
            let partition = try arguments.requiredInt("--partition")
            try hub.check(partition: partition)
            let sequence = try arguments.requiredInt("--seq", range: 0...Int.max)
            guard let event = try context.log.read(
                hub: hub.name, partition: partition,
                from: .sequenceNumber(Int64(sequence), inclusive: true), maxCount: 1
            ).first, event.sequenceNumber == Int64(sequence) else {
                throw CommandFailure(
                    "partition \(partition) of hub '\(hub.name)' no longer holds sequence number"
                        + " \(sequence) (expired); use 'checkpoint reset' instead")
            }
            try context.log.setCheckpoints([
                Checkpoint(
                    hub: hub.name, group: group, partition: partition,
                    sequenceNumber: event.sequenceNumber, offset: event.offset,
                    updatedAt: Timestamp.now(), owner: context.owner)
            ])
            let rows = try ProgressRows.collect(context.log, hub: hub.name, group: group)
                .filter { $0.partition == partition }
            ProgressRows.print(rows, arguments: arguments, context: context, totals: false)
        })

    static let reset = Command(
        CommandSpec(
            ["checkpoint", "reset"], summary: "move a group's checkpoints to a position",
            details: [
                "earliest removes the checkpoints, so the group reads every retained event"
                    + " again; latest checkpoints the last event, so only new events are read;"
                    + " time:ISO8601 resumes at the first event at or after that time."
            ],
            positionals: [
                Positional("HUB", "the hub", completion: .hub),
                Positional("GROUP", "the consumer group", completion: .group),
            ],
            flags: [
                Flag("--to", value: "POS", "earliest, latest or time:ISO8601",
                     required: true, completion: .words(["earliest", "latest", "time:"])),
                Flag("--partition", short: "-p", value: "P", "reset one partition only",
                     completion: .partition),
            ],
            examples: [
                "checkpoint reset orders billing --to earliest",
                "checkpoint reset orders billing --to time:2026-12-03T09:00:00Z",
            ]),
        run: { arguments, context in
            let hub = try context.log.hub(named: arguments.string(at: 0))
            let group = try context.log.consumerGroup(
                hub: hub.name, named: arguments.string(at: 1)
            ).name
            let token = try arguments.requiredToken("--to")
            guard let position = try? EventPosition.parse(token.text), canReset(to: position)
            else {
                throw arguments.usageError(
                    "--to takes earliest, latest or time:ISO8601, not '\(token.text)'", at: token)
            }
            let partitions = try Read.partitions(arguments, hub: hub)
            try resetCheckpoints(
                hub: hub, group: group, partitions: partitions, to: position, context: context)
            let rows = try ProgressRows.collect(context.log, hub: hub.name, group: group)
                .filter { partitions.contains($0.partition) }
            ProgressRows.print(rows, arguments: arguments, context: context, totals: true)
        })

    static func canReset(to position: EventPosition) -> Bool {
        switch position {
        case .earliest, .latest, .enqueuedTime: return true
        default: return false
        }
    }

    static func resetCheckpoints(
        hub: HubProperties, group: String, partitions: [Int], to position: EventPosition,
        context: ShellContext
    ) throws {
        let log = context.log
        let states = try log.partitionStates(hub: hub.name)
        var updates: [Checkpoint] = []
        for partition in partitions {
            // The checkpoint goes on the event before the one the group should read next.
            let next: Int64
            switch position {
            case .earliest:
                next = states[partition].firstSequenceNumber
            case .latest:
                next = states[partition].nextSequenceNumber
            case .enqueuedTime:
                let found = try log.read(
                    hub: hub.name, partition: partition, from: position, maxCount: 1)
                next = found.first?.sequenceNumber ?? states[partition].nextSequenceNumber
            default:
                preconditionFailure("canReset(to:) lets only these through, not \(position)")
            }
            // No checkpoint at all is how a group reads from the first retained event.
            if next <= states[partition].firstSequenceNumber { continue }
            let previous = try log.read(
                hub: hub.name, partition: partition,
                from: .sequenceNumber(next - 1, inclusive: true), maxCount: 1)
            guard let event = previous.first else { continue }
            updates.append(
                Checkpoint(
                    hub: hub.name, group: group, partition: partition,
                    sequenceNumber: event.sequenceNumber, offset: event.offset,
                    updatedAt: Timestamp.now(), owner: context.owner))
        }
        try log.replaceCheckpoints(
            hub: hub.name, group: group, partitions: partitions, with: updates)
    }
}

/// `lag`: how far each consumer group is behind, per partition.
enum Lag {
    static let command = Command(
        CommandSpec(
            ["lag"], summary: "show how many events each consumer group has not processed",
            details: [
                "Lag is the number of retained events after the group's checkpoint. Without a"
                    + " checkpoint it is every retained event; an empty partition has lag 0."
            ],
            positionals: [
                Positional("HUB", "one hub (default all)", optional: true, completion: .hub),
                Positional("GROUP", "one consumer group (default all)", optional: true,
                           completion: .group),
            ],
            examples: ["lag", "lag orders", "lag orders billing --json"]),
        run: { arguments, context in
            var rows: [ConsumerProgress] = []
            if let hub = arguments.positional(0)?.text {
                rows = try ProgressRows.collect(
                    context.log, hub: hub, group: arguments.positional(1)?.text)
            } else {
                for hub in try context.log.hubs() {
                    rows += try ProgressRows.collect(context.log, hub: hub.name, group: nil)
                }
            }
            ProgressRows.print(rows, arguments: arguments, context: context, totals: true)
        })
}

/// Checkpoint-and-lag rows, shared by `checkpoint` and `lag`.
enum ProgressRows {
    static func collect(_ log: EventLog, hub: String, group: String?) throws
        -> [ConsumerProgress]
    {
        let groups = try group.map { [$0] } ?? log.consumerGroups(hub: hub).map(\.name)
        return try groups.flatMap { try ConsumerProgress.all(log: log, hub: hub, group: $0) }
    }

    static func print(
        _ rows: [ConsumerProgress], arguments: Arguments, context: ShellContext, totals: Bool
    ) {
        let output = context.output
        if output.wantsJSON(arguments) {
            rows.forEach { output.json(EventJSON.progress($0)) }
            return
        }
        output.table(
            [
                .init("HUB"), .init("GROUP"), .init("PARTITION", numeric: true),
                .init("CHECKPOINT SEQ", numeric: true), .init("OFFSET", numeric: true),
                .init("LAST SEQ", numeric: true), .init("LAG", numeric: true), .init("UPDATED"),
            ],
            rows.map { row in
                [
                    row.hub, row.group, String(row.partition),
                    row.checkpoint.map { String($0.sequenceNumber) } ?? "-",
                    row.checkpoint.map { String($0.offset) } ?? "-",
                    row.state.lastSequenceNumber < 0 ? "-" : String(row.state.lastSequenceNumber),
                    String(row.lag),
                    row.checkpoint.map { Timestamp.format($0.updatedAt) } ?? "-",
                ]
            }, empty: "no consumer groups")
        if totals && !rows.isEmpty {
            let total = rows.reduce(0) { $0 + $1.lag }
            output.note("total lag \(total) event\(total == 1 ? "" : "s")")
        }
    }
}
