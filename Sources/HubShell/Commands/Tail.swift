import HubCore

/// `tail`: follow a hub live, from any position, until Ctrl-C, `--count` or `--timeout`.
enum Tail {
    static let command = Command(
        CommandSpec(
            ["tail"], summary: "follow new events as they are published",
            details: [
                "Starts at --from (default latest: only new events) or, with --group, after that"
                    + " group's checkpoints, without moving them.",
                "While it has nothing to show, tail polls every \(Follow.idleMillis) ms, so"
                    + " events published by any hubsh process on the namespace show up about"
                    + " that soon (on a NATS cluster, a few round trips later).",
                "Interactively it runs until Ctrl-C. In scripts give --count or --timeout.",
            ],
            positionals: [Positional("HUB", "the hub", completion: .hub)],
            flags: [
                Flag("--partition", short: "-p", value: "P", "follow one partition",
                     completion: .partition),
                Flag("--from", value: "POS", "where to start (default latest)",
                     completion: .position),
                Flag("--exclusive", "start after seq:N or offset:N instead of at it"),
                Flag("--group", short: "-g", value: "GROUP", "start after this group's checkpoints",
                     completion: .group),
                Flag("--count", short: "-n", value: "N", "stop after N events (0: no limit)"),
                Flag("--timeout", value: "D", "stop after D, such as 5s or 2m (0: no timeout)"),
                EventFormatChoice.flag,
                AvroBodies.flag,
            ],
            examples: [
                "tail orders",
                "tail orders --partition 0 --from -5",
                "tail orders --group billing --count 10",
                "tail orders --from earliest --timeout 3s --json",
                "tail orders --format logfmt",
            ]),
        run: { arguments, context in
            let hub = try context.log.hub(named: arguments.string(at: 0))
            let partitions = try Read.partitions(arguments, hub: hub)
            var starts: [Int: EventPosition] = [:]
            if let group = arguments.string("--group") {
                if arguments.has("--from") {
                    throw arguments.usageError("give --group or --from, not both")
                }
                let progress = try ConsumerProgress.all(
                    log: context.log, hub: hub.name, group: group)
                for entry in progress where partitions.contains(entry.partition) {
                    starts[entry.partition] = entry.checkpoint == nil
                        ? .earliest
                        : .sequenceNumber(entry.resumeSequenceNumber, inclusive: true)
                }
            } else {
                let position = try Read.position(arguments, default: .latest)
                for partition in partitions { starts[partition] = position }
            }
            let limit = try Follow.limit(arguments, "--count")
            let timeout = try Follow.timeout(arguments)
            if !context.isInteractive && limit == nil && timeout == nil {
                context.output.note(
                    "following until interrupted; give --count or --timeout to stop")
            }

            let tailer = try Tailer(log: context.log, hub: hub.name, starts: starts)
            let renderer = try EventFormatChoice.renderer(
                arguments, hub: hub.name, context: context)
            let bodies = AvroBodies(arguments, context: context)
            renderer.begin()
            defer { renderer.end() }
            _ = try Follow.run(
                tailer, limit: limit, timeout: timeout, stopWhenCaughtUp: false, context: context
            ) { events in events.forEach { renderer.render(bodies.display($0)) } }
        })
}

/// The polling loop shared by `tail` and `consume --follow`.
enum Follow {
    /// How long to wait between polls that found nothing: how late, at most, a tail on the
    /// embedded log sees an event published by any process. `tail --help` and the README say it.
    static let idleMillis: Int64 = 20

    /// The value of `flag` as a limit on events: nil when it is absent or 0, which means no
    /// limit (as rpk's `--num 0` does), so a script can pass a count through unchanged.
    static func limit(_ arguments: Arguments, _ flag: String) throws -> Int? {
        let limit = try arguments.int(flag, range: 0...Int.max)
        return limit == 0 ? nil : limit
    }

    /// `--timeout` in milliseconds: nil when it is absent or 0, which means no timeout, as
    /// `--count 0` means no limit (and as GNU `timeout 0` and `wget --timeout=0` do). A 0
    /// that returned at once would only repeat `read`, which shows what is there now.
    static func timeout(_ arguments: Arguments) throws -> Int64? {
        let timeout = try arguments.duration("--timeout")
        return timeout == 0 ? nil : timeout
    }

    /// Polls `tailer` and hands each batch to `deliver` until `limit` events, `timeout`
    /// milliseconds, Ctrl-C, a closed output, or (with `stopWhenCaughtUp`) an empty poll.
    /// Returns how many events were delivered.
    static func run(
        _ tailer: Tailer, limit: Int?, timeout: Int64?, stopWhenCaughtUp: Bool,
        context: ShellContext, deliver: ([ReceivedEvent]) throws -> Void
    ) throws -> Int {
        let deadline = timeout.map { Timestamp.now() + $0 }
        var delivered = 0
        while true {
            var events = try tailer.poll()
            if let limit, delivered + events.count > limit {
                events = Array(events.prefix(limit - delivered))
            }
            if !events.isEmpty {
                try deliver(events)
                delivered += events.count
                context.output.standardOutput.flush()
            }
            if let limit, delivered >= limit { return delivered }
            if context.output.standardOutput.broken || context.isInterrupted { return delivered }
            if events.isEmpty {
                if stopWhenCaughtUp { return delivered }
                if let deadline, Timestamp.now() >= deadline { return delivered }
                var wait = idleMillis
                if let deadline { wait = min(wait, max(0, deadline - Timestamp.now())) }
                if !context.sleep(millis: wait) { return delivered }
            } else if let deadline, Timestamp.now() >= deadline {
                return delivered
            }
        }
    }
}
