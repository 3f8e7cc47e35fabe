import HubCore

/// `hub create|list|show|delete|purge`: hubs and their partitions.
enum HubCommands {
    static let all: [Command] = [create, list, show, delete, purge]

    static let create = Command(
        CommandSpec(
            ["hub", "create"], summary: "create a hub with partitions and a retention",
            details: [
                "A hub name has 1-256 letters, digits, '.', '-' or '_', and starts and ends with"
                    + " a letter or digit. The consumer group $default is created with it.",
                "Retention is how long events are kept: 30m, 36h, 7d or 1d12h. The maximum event"
                    + " size also caps the size of one batch.",
                "--replicas is how many servers keep a copy of each partition on a replicated"
                    + " engine (NATS JetStream); the embedded log keeps one and refuses more.",
            ],
            positionals: [Positional("NAME", "the new hub's name")],
            flags: [
                Flag(
                    "--partitions", short: "-p", value: "N",
                    "partition count, 1-1024 (default 4)"),
                Flag("--retention", value: "D", "how long events are kept (default 7d)"),
                Flag(
                    "--max-event-size", value: "BYTES",
                    "largest event or batch, such as 1MiB or 262144 (default 1MiB)"),
                Flag(
                    "--replicas", value: "N",
                    "copies of each partition on a replicated engine, 1-\(HubSpec.maxReplicas)"
                        + " (default 1)"),
                Flag(
                    "--if-not-exists",
                    "succeed without a change when the hub exists (for repeatable scripts)"),
            ],
            examples: [
                "hub create orders",
                "hub create orders --partitions 8 --if-not-exists",
                "hub create payments --partitions 8 --replicas 3",
                "hub create clickstream --partitions 32 --retention 1d",
                "hub create invoices --max-event-size 256KiB",
            ]),
        run: { arguments, context in
            var spec = HubSpec(name: arguments.string(at: 0))
            spec.partitionCount = try arguments.int(
                "--partitions", default: HubSpec.defaultPartitionCount,
                range: 1...HubSpec.maxPartitionCount)
            spec.replicas = try arguments.int(
                "--replicas", default: 1, range: 1...HubSpec.maxReplicas)
            spec.retentionMillis = try HubSettingFlags.retention(arguments)
                ?? HubSpec.defaultRetentionMillis
            spec.maxEventSize = try HubSettingFlags.maxEventSize(arguments)
                ?? HubSpec.defaultMaxEventSize
            // Names are case-insensitive, so `X` exists when `x` does.
            if arguments.has("--if-not-exists"),
               let existing = try context.log.hubs().first(where: {
                   Names.same($0.name, spec.name)
               })
            {
                if context.output.wantsJSON(arguments) {
                    context.output.json(HubJSON.properties(existing))
                }
                let settings = differences(
                    existing, spec: spec, arguments: arguments,
                    deadLetterHub: try deadLetterHub(of: existing, context: context))
                if !context.output.wantsJSON(arguments) || !settings.existing.isEmpty {
                    settings.report(to: context.output)
                }
                return
            }
            let hub = try context.log.createHub(spec)
            if context.output.wantsJSON(arguments) {
                context.output.json(HubJSON.properties(hub))
            } else {
                context.output.line(
                    "created hub '\(hub.name)': \(hub.partitionCount)"
                        + " partition\(hub.partitionCount == 1 ? "" : "s"),"
                        + (hub.replicas == 1 ? "" : " \(hub.replicas) replicas,") + " retention"
                        + " \(Retention.format(hub.retentionMillis)), max event size"
                        + " \(ByteSize.format(Int64(hub.maxEventSize)))")
            }
        })

    /// The dead-letter hub `hub` sends its invalid events to, when it dead-letters and that
    /// hub exists.
    static func deadLetterHub(of hub: HubProperties, context: ShellContext) throws
        -> HubProperties?
    {
        guard hub.schema?.onInvalid == .deadletter else { return nil }
        do {
            return try context.log.hub(named: SchemaBinding.deadLetterHub(of: hub.name))
        } catch HubError.hubNotFound {
            return nil
        }
    }

    /// How `existing` differs from the settings `hub create` was given. `deadLetterHub` is
    /// where `existing` dead-letters, if it does: the suggested `hub set` must keep it fitting.
    static func differences(
        _ existing: HubProperties, spec: HubSpec, arguments: Arguments,
        deadLetterHub: HubProperties? = nil
    ) -> ExistingSettings {
        var settings = ExistingSettings("hub '\(existing.name)'")
        let given = { (flag: String) in arguments.has(flag) }
        settings.compare(
            existing.partitionCount, asked: given("--partitions") ? spec.partitionCount : nil,
            describe: { "\($0) partition\($0 == 1 ? "" : "s")" }, askedText: { "\($0)" })
        settings.compare(
            existing.retentionMillis, asked: given("--retention") ? spec.retentionMillis : nil,
            describe: { "retention \(Retention.format($0))" }, askedText: Retention.format)
        settings.compare(
            existing.maxEventSize, asked: given("--max-event-size") ? spec.maxEventSize : nil,
            describe: { "max event size \(ByteSize.format(Int64($0)))" },
            askedText: { ByteSize.format(Int64($0)) })
        settings.compare(
            existing.replicas, asked: given("--replicas") ? spec.replicas : nil,
            describe: { "\($0) replica\($0 == 1 ? "" : "s")" }, askedText: { "\($0)" })
        var fixes: [String] = []
        if let change = fix(
            existing, spec: spec, arguments: arguments, differing: settings,
            deadLetterHub: deadLetterHub)
        {
            fixes.append(change)
        }
        if given("--partitions"), existing.partitionCount != spec.partitionCount {
            fixes.append(HubSet.fixedPartitionCount)
        }
        settings.fix = fixes.isEmpty ? nil : fixes.joined(separator: "; ")
        return settings
    }

    /// The `hub set` that gives `existing` the retention and maximum event size `hub create`
    /// asked for, when either differs; the partition count and replicas cannot be changed.
    /// When `existing` dead-letters into `deadLetterHub` and that hub would be too small for
    /// the new maximum, the `hub set` that raises it comes first, since the other is refused
    /// until it has run.
    static func fix(
        _ existing: HubProperties, spec: HubSpec, arguments: Arguments,
        differing settings: ExistingSettings, deadLetterHub: HubProperties?
    ) -> String? {
        var flags: [String] = []
        var names: [String] = []
        if let text = arguments.string("--retention"),
           existing.retentionMillis != spec.retentionMillis
        {
            flags.append("--retention \(text)")
            names.append("the retention")
        }
        if let text = arguments.string("--max-event-size"),
           existing.maxEventSize != spec.maxEventSize
        {
            flags.append("--max-event-size \(text)")
            names.append("the max event size")
        }
        guard !flags.isEmpty else { return nil }
        var command = "'hub set \(existing.name) \(flags.joined(separator: " "))'"
        var wanted = existing
        wanted.maxEventSize = spec.maxEventSize
        if let deadLetterHub,
           let needed = HubSettingsChange.deadLetterSizeNeeded(deadLetterHub, for: wanted)
        {
            command = "'hub set \(deadLetterHub.name) --max-event-size \(needed)' and then "
                + command
        }
        guard flags.count == settings.existing.count else {
            return "change \(ExistingSettings.list(names)) with \(command)"
        }
        return "change \(flags.count == 1 ? "it" : "them") with \(command)"
    }

    static let list = Command(
        CommandSpec(
            ["hub", "list"], summary: "list the hubs of this namespace with their size",
            examples: ["hub list", "hub list --json"]),
        run: { arguments, context in
            let hubs = try context.log.hubs()
            // Asked side by side: on a cluster each answer is a round trip, and a hub whose
            // partitions sit on a server that is down waits for it while the others answer.
            let log = context.log
            let sizes = SideBySide.map(hubs.map(\.name)) { name in
                (Result { try log.partitionStates(hub: name) },
                 Result { try log.consumerGroups(hub: name).count })
            }
            var rows: [[String]] = []
            for (hub, (statesRead, groupsRead)) in zip(hubs, sizes) {
                // One hub that cannot be read right now (a server down that held its only
                // replica) is listed without what is missing, not allowed to hide the rest.
                guard let states = try HubCommands.listed(statesRead, hub, context),
                      let groups = try HubCommands.listed(groupsRead, hub, context)
                else { continue }
                let events = states.map { $0.reduce(0) { $0 + $1.eventCount } }
                let bytes = states.map { $0.reduce(0) { $0 + $1.bytes } }
                if context.output.wantsJSON(arguments) {
                    guard case .object(var members) = HubJSON.properties(hub) else { continue }
                    members.append(("eventCount", events.map { .int($0) } ?? .null))
                    members.append(("bytes", bytes.map { .int($0) } ?? .null))
                    members.append(("consumerGroupCount", groups.map { .int($0) } ?? .null))
                    context.output.json(.object(members))
                } else {
                    rows.append([
                        hub.name, String(hub.partitionCount), String(hub.replicas),
                        Retention.format(hub.retentionMillis),
                        events.map(String.init) ?? "?", bytes.map(ByteSize.format) ?? "?",
                        groups.map(String.init) ?? "?", Timestamp.format(hub.createdAt),
                    ])
                }
            }
            guard !context.output.wantsJSON(arguments) else { return }
            context.output.table(
                [
                    .init("HUB", maxWidth: hubColumnWidth), .init("PARTITIONS", numeric: true),
                    .init("REPLICAS", numeric: true), .init("RETENTION"),
                    .init("EVENTS", numeric: true), .init("SIZE", numeric: true),
                    .init("GROUPS", numeric: true), .init("CREATED"),
                ], rows, empty: "no hubs yet; create one with 'hub create NAME'")
            let cut = rows.filter { Output.displayWidth($0[0]) > hubColumnWidth }.count
            if cut > 0 {
                context.output.note(
                    "\(cut == 1 ? "1 hub name is" : "\(cut) hub names are") longer than"
                        + " \(hubColumnWidth) characters and cut in the middle with …;"
                        + " 'hub list --json' shows names whole, and Tab completes them")
            }
        })

    /// What `hub list` shows of one answer about `hub`: `.some(value)`; `.some(nil)` after a
    /// warning when the engine could not answer now; nil when the hub is gone (deleted since it
    /// was listed). Errors other than the engine's own stop the listing.
    private static func listed<Value>(
        _ answer: Result<Value, Error>, _ hub: HubProperties, _ context: ShellContext
    ) throws -> Value?? {
        switch answer {
        case .success(let value):
            return .some(value)
        case .failure(let error as HubError):
            if case .hubNotFound = error { return nil }
            context.output.warning("hub '\(hub.name)': \(error)")
            return .some(nil)
        case .failure(let error):
            throw error
        }
    }

    /// The widest hub name `hub list` shows whole. Names may have 256 characters; cutting the
    /// rare long one keeps every row of the table on one line of a terminal, as `docker ps`
    /// cuts long commands, where showing it whole (as psql does) would wrap every row.
    static let hubColumnWidth = 40

    static let show = Command(
        CommandSpec(
            ["hub", "show"], summary: "show a hub's settings, groups and partitions",
            details: [
                "Per partition: the first and last retained sequence number, the event count,"
                    + " the bytes held and the last enqueued time."
            ],
            positionals: [Positional("NAME", "the hub", completion: .hub)],
            examples: ["hub show orders", "hub show orders --json"]),
        run: { arguments, context in
            let hub = try context.log.hub(named: arguments.string(at: 0))
            let states = try context.log.partitionStates(hub: hub.name)
            let groups = try context.log.consumerGroups(hub: hub.name)
            let replicas = try (context.log as? ReplicaReporting)?.partitionReplicas(hub: hub.name)
            if context.output.wantsJSON(arguments) {
                guard case .object(var members) = HubJSON.properties(hub) else { return }
                members.append(("consumerGroups", .array(groups.map { .string($0.name) })))
                members.append(("schema", HubSet.json(hub.schema)))
                let partitions = states.map { state in
                    HubJSON.partition(state, replicas: replicas?.first {
                        $0.partition == state.partition
                    })
                }
                members.append(("partitions", .array(partitions)))
                context.output.json(.object(members))
                return
            }
            let output = context.output
            output.line(output.style(.bold, "hub \(hub.name)"))
            output.line("  partitions      \(hub.partitionCount)")
            output.line("  replicas        \(hub.replicas)")
            output.line("  retention       \(Retention.format(hub.retentionMillis))")
            output.line("  max event size  \(ByteSize.format(Int64(hub.maxEventSize)))")
            output.line("  created         \(Timestamp.format(hub.createdAt))")
            output.line("  consumer groups \(groups.map(\.name).joined(separator: ", "))")
            if let schema = hub.schema {
                output.line(
                    "  schema          \(schema.qualifiedName) (on invalid:"
                        + " \(schema.onInvalid.rawValue))")
            }
            output.line()
            var columns: [Output.Column] = [
                .init("PARTITION", numeric: true), .init("FIRST SEQ", numeric: true),
                .init("LAST SEQ", numeric: true), .init("EVENTS", numeric: true),
                .init("BYTES", numeric: true), .init("LAST ENQUEUED"),
            ]
            if replicas != nil { columns += [.init("LEADER"), .init("FOLLOWERS")] }
            output.table(
                columns,
                states.map { state in
                    var row = [
                        String(state.partition),
                        state.isEmpty ? "-" : String(state.firstSequenceNumber),
                        state.isEmpty ? "-" : String(state.lastSequenceNumber),
                        String(state.eventCount), String(state.bytes),
                        state.lastEnqueuedTime.map(Timestamp.format) ?? "-",
                    ]
                    if let replicas {
                        let partition = replicas.first { $0.partition == state.partition }
                        row += [
                            partition?.leader ?? "(electing)",
                            partition.map(HubText.followers) ?? "-",
                        ]
                    }
                    return row
                })
        })

    static let delete = Command(
        CommandSpec(
            ["hub", "delete"], summary: "delete a hub with its events, groups and checkpoints",
            positionals: [Positional("NAME", "the hub", completion: .hub)],
            examples: ["hub delete orders"]),
        run: { arguments, context in
            // The hub as it was created: names are found in any case.
            let name = try context.log.hub(named: arguments.string(at: 0)).name
            try context.log.deleteHub(named: name)
            if context.output.wantsJSON(arguments) {
                context.output.json(.object([("deleted", .string(name))]))
            } else {
                context.output.line("deleted hub '\(name)'")
            }
        })

    static let purge = Command(
        CommandSpec(
            ["hub", "purge"], summary: "remove events older than the hub's retention now",
            details: [
                "Publishing also purges expired events, at most once a second per hub; this"
                    + " command does it at once and reports what it removed."
            ],
            positionals: [Positional("NAME", "the hub", completion: .hub)],
            examples: ["hub purge clickstream"]),
        run: { arguments, context in
            let result = try context.log.purge(hub: arguments.string(at: 0), now: Timestamp.now())
            if context.output.wantsJSON(arguments) {
                context.output.json(
                    .object([
                        ("hub", .string(result.hub)), ("purged", .int(result.total)),
                        ("partitions", .object(result.purged.sorted { $0.key < $1.key }
                            .map { (String($0.key), .int($0.value)) })),
                    ]))
            } else {
                context.output.line(
                    "purged \(result.total) expired event\(result.total == 1 ? "" : "s")"
                        + " from hub '\(result.hub)'")
            }
        })
}

/// JSON for hubs and partitions.
enum HubJSON {
    static func properties(_ hub: HubProperties) -> JSONValue {
        .object([
            ("name", .string(hub.name)),
            ("partitionCount", .int(hub.partitionCount)),
            ("partitionIds", .array(hub.partitionIds.map { .string($0) })),
            ("replicas", .int(hub.replicas)),
            ("retention", .string(Retention.format(hub.retentionMillis))),
            ("retentionMillis", .int(hub.retentionMillis)),
            ("maxEventSize", .int(hub.maxEventSize)),
            ("createdAt", .string(Timestamp.format(hub.createdAt))),
        ])
    }

    /// A partition's state, with its leader and followers on a replicating engine.
    static func partition(_ state: PartitionState, replicas: PartitionReplicas? = nil)
        -> JSONValue
    {
        var members: [(String, JSONValue)] = [
            ("partition", .string(String(state.partition))),
            ("firstSequenceNumber", .int(state.firstSequenceNumber)),
            ("lastSequenceNumber", .int(state.lastSequenceNumber)),
            ("eventCount", .int(state.eventCount)),
            ("bytes", .int(state.bytes)),
            ("nextOffset", .int(state.nextOffset)),
            ("lastEnqueuedTime", state.lastEnqueuedTime.map { .string(Timestamp.format($0)) }
                ?? .null),
            ("isEmpty", .bool(state.isEmpty)),
        ]
        if let replicas {
            members.append(("leader", replicas.leader.map { .string($0) } ?? .null))
            members.append(
                ("followers",
                 .array(replicas.followers.map { follower in
                     .object([
                         ("server", .string(follower.server)),
                         ("current", .bool(follower.current)),
                         ("offline", .bool(follower.offline)),
                         ("lag", .int(Int64(clamping: follower.lag))),
                     ])
                 })))
        }
        return .object(members)
    }
}

/// Text for hubs and partitions.
enum HubText {
    /// A partition's followers in one cell: `n2, n3 (offline)`, `n1 (behind 12)`, or `-`.
    static func followers(_ replicas: PartitionReplicas) -> String {
        guard !replicas.followers.isEmpty else { return "-" }
        return replicas.followers.map { follower in
            if follower.offline { return "\(follower.server) (offline)" }
            if !follower.current { return "\(follower.server) (behind \(follower.lag))" }
            return follower.server
        }.joined(separator: ", ")
    }
}
