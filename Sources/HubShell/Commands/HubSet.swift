import HubCore

/// `hub set HUB [--retention D] [--max-event-size BYTES] [--schema GROUP/NAME [--on-invalid
/// reject|deadletter] | --on-invalid POLICY | --no-schema]`: a hub's retention and maximum
/// event size, the schema it enforces on publish, and what it does with invalid events.
enum HubSet {
    static let command = Command(
        CommandSpec(
            ["hub", "set"], summary: "change a hub's retention, event size or schema",
            details: [
                "--retention and --max-event-size take what 'hub create' takes. A shorter"
                    + " retention applies to the events already kept: the next purge (or"
                    + " publish) removes what it expires. A smaller maximum applies to events"
                    + " published from now on. The partition count cannot be changed, as on"
                    + " Event Hubs' standard tier: make a new hub for another count.",
                "A dead-letter hub keeps fitting its hub: 'hub set' refuses to give"
                    + " HUB.deadletter a retention under 30 days, or a maximum event size too"
                    + " small for HUB's events, while HUB dead-letters into it, and refuses to"
                    + " raise HUB's maximum past what HUB.deadletter takes. A hub that"
                    + " dead-letters takes events of at most 256 MiB less the 64 KiB its"
                    + " dead-letter hub needs for the deadletter.* properties. Raising HUB's"
                    + " retention past HUB.deadletter's warns: dead letters would expire first.",
                "With a schema bound, every published event is validated against the schema's"
                    + " latest version, after the publish hooks of plugins have run.",
                "--on-invalid reject (the default) refuses a publish with any invalid event:"
                    + " nothing of it is appended. --on-invalid deadletter sends invalid events"
                    + " to the hub HUB.deadletter (created now if missing, with the same"
                    + " partition count and a retention of at least 30 days) and publishes the"
                    + " valid ones.",
                "--on-invalid without --schema changes only the policy of the schema already"
                    + " bound to HUB.",
            ],
            positionals: [Positional("HUB", "the hub", completion: .hub)],
            flags: [
                Flag("--retention", value: "D", "how long events are kept, such as 7d"),
                Flag(
                    "--max-event-size", value: "BYTES",
                    "largest event or batch, such as 1MiB or 262144"),
                Flag("--schema", value: "GROUP/NAME", "the schema to enforce",
                     completion: SchemaCompletion.qualified),
                Flag("--on-invalid", value: "POLICY", "reject or deadletter (default reject)",
                     completion: .words(InvalidEventPolicy.allCases.map(\.rawValue))),
                Flag("--no-schema", "stop enforcing a schema"),
                // Accepted only to say why it cannot be changed (see `fixedPartitionCount`).
                Flag("--partitions", value: "N", "refused", hidden: true),
            ],
            examples: [
                "hub set orders --retention 7d",
                "hub set invoices --max-event-size 512KiB --retention 30d",
                "hub set orders --schema commerce/orders",
                "hub set payments --schema commerce/payments --on-invalid deadletter",
                "hub set orders --on-invalid deadletter",
                "hub set orders --no-schema",
            ]),
        run: run)

    static let schemaFlags = ["--schema", "--on-invalid", "--no-schema"]

    /// Why `--partitions` is refused, and what to do instead; also the next step of a
    /// `hub create --if-not-exists` that found another partition count.
    static let fixedPartitionCount =
        "the partition count is fixed when a hub is created, as on Event Hubs' standard tier;"
            + " for another count, create a new hub with 'hub create NAME --partitions N'"

    /// Checks everything first (the values, the schema, whether the hub and its dead-letter
    /// hub fit each other after the change), so that a refusal changes nothing; then makes
    /// the dead-letter hub if one is needed, changes the settings, and binds the schema.
    static func run(_ arguments: Arguments, _ context: ShellContext) throws {
        if let partitions = arguments.token("--partitions") {
            throw arguments.usageError(fixedPartitionCount, at: partitions)
        }
        // A bad value is named before anything about the hub is.
        let policy = try arguments.token("--on-invalid").map { try self.policy($0, arguments) }
        let hub = try context.log.hub(named: arguments.string(at: 0))
        let change = try HubSettingsChange(arguments)
        let bindsSchema = schemaFlags.contains(where: arguments.has)
        guard change != nil || bindsSchema else {
            throw arguments.usageError(
                "give --retention D or --max-event-size BYTES to change a setting, --schema"
                    + " GROUP/NAME, --on-invalid POLICY to change the policy of the bound"
                    + " schema, or --no-schema to unbind")
        }
        var binding = hub.schema
        if bindsSchema {
            let registry = try SchemaCatalog.registry(context)
            binding = try self.binding(
                arguments, policy: policy, current: hub.schema, hub: hub.name)
            if let asked = binding {
                let latest = try registry.schemaVersion(
                    group: asked.group, name: asked.name, version: nil)
                // Compiling now finds a broken schema before the first publish does.
                _ = try context.schemas.compiled(latest, registry: registry)
                // The names as the schema was registered, whatever case they were typed in.
                binding?.group = latest.group
                binding?.name = latest.name
            }
        }
        let deadLetters = binding?.onInvalid == .deadletter
        if deadLetters, bindsSchema || change?.maxEventSize != nil {
            try checkDeadLetterRoom(
                change?.applied(to: hub) ?? hub, raising: change?.maxEventSize != nil)
        }
        try change?.checkFit(of: hub, deadLetters: deadLetters, context: context)
        let deadLetterHub = bindsSchema && deadLetters
            ? try prepareDeadLetterHub(for: change?.applied(to: hub) ?? hub, context: context)
            : nil

        var current = hub
        if let change { current = try change.apply(to: hub, context: context) }
        let unchanged = sameBinding(current.schema, binding)
        if bindsSchema, !unchanged {
            current = try SchemaCatalog.registry(context)
                .setSchemaBinding(hub: current.name, binding)
        }

        if deadLetters, let change, current.retentionMillis > hub.retentionMillis {
            try change.warnIfOutlivingDeadLetters(current, context: context)
        }

        if context.output.wantsJSON(arguments) {
            guard case .object(var members) = HubJSON.properties(current) else { return }
            members.append(("schema", HubSet.json(current.schema)))
            let changed = changedMembers(before: hub, after: current)
            members.append(("changed", .array(changed.map { .string($0) })))
            context.output.json(.object(members))
            return
        }
        if let change { context.output.line(change.report(before: hub, after: current)) }
        guard bindsSchema else { return }
        context.output.line(
            bindingLine(binding, hub: hub.name, deadLetterHub: deadLetterHub, unchanged: unchanged))
    }

    /// The `--json` members of the hub whose values the command changed, in the order the
    /// hub's JSON lists them: `["retention"]`, or `[]` when it was already as asked.
    static func changedMembers(before: HubProperties, after: HubProperties) -> [String] {
        var changed: [String] = []
        if before.retentionMillis != after.retentionMillis { changed.append("retention") }
        if before.maxEventSize != after.maxEventSize { changed.append("maxEventSize") }
        if !sameBinding(before.schema, after.schema) { changed.append("schema") }
        return changed
    }

    /// Whether `a` and `b` bind the same schema with the same policy, comparing names as
    /// the registry does (`Shop/OrderEvent` is `shop/orderevent`).
    static func sameBinding(_ a: SchemaBinding?, _ b: SchemaBinding?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return Names.same(a.group, b.group) && Names.same(a.name, b.name)
            && a.onInvalid == b.onInvalid
    }

    /// What `hub set` says of the schema binding it made, or found already made.
    private static func bindingLine(
        _ binding: SchemaBinding?, hub: String, deadLetterHub: String?, unchanged: Bool
    ) -> String {
        guard let binding else {
            return unchanged
                ? "hub '\(hub)' validates no events; unchanged"
                : "hub '\(hub)' no longer validates events"
        }
        return "hub '\(hub)' \(unchanged ? "already validates" : "validates") events"
            + " against '\(binding.qualifiedName)'; invalid events are "
            + (binding.onInvalid == .reject ? "refused" : "sent to '\(deadLetterHub ?? "")'")
            + (unchanged ? "; unchanged" : "")
    }

    /// Creates `hub`'s dead-letter hub when it is missing, and refuses one that cannot hold
    /// `hub`'s invalid events (see `DeadLetter.misfit`): a hub of that name made by hand, say
    /// with fewer partitions, would fail publishes to the partitions it lacks. Returns the
    /// dead-letter hub's name as it was created (`q.deadletter` for hub `Q`).
    static func prepareDeadLetterHub(for hub: HubProperties, context: ShellContext) throws
        -> String
    {
        try checkCanDeadLetter(hub, context: context)
        let name = SchemaBinding.deadLetterHub(of: hub.name)
        let existing: HubProperties
        do {
            existing = try context.log.hub(named: name)
        } catch HubError.hubNotFound {
            let created = try context.log.createHub(DeadLetter.hubSpec(for: hub))
            context.output.note("created dead-letter hub '\(created.name)'")
            return created.name
        }
        guard let problem = DeadLetter.misfit(existing, for: hub) else { return existing.name }
        throw CommandFailure(
            "hub '\(existing.name)' cannot be the dead-letter hub of '\(hub.name)': it \(problem);"
                + " delete it ('hub delete \(existing.name)') to have one made that fits, or"
                + " create it with \(DeadLetter.createFlags(for: hub))")
    }

    /// Refuses dead-lettering where its dead-letter hub could not be made or would make no
    /// sense: a name too long to take the `.deadletter` suffix, or a hub that is itself the
    /// dead-letter hub of an existing hub (it would get `HUB.deadletter.deadletter`).
    static func checkCanDeadLetter(_ hub: HubProperties, context: ShellContext) throws {
        let limit = SchemaBinding.maxDeadLetteringHubNameLength
        let length = hub.name.unicodeScalars.count
        guard length <= limit else {
            throw CommandFailure(
                "hub '\(hub.name)' cannot dead-letter: dead-lettering needs a hub name of at most"
                    + " \(limit) characters (its dead-letter hub adds"
                    + " '\(SchemaBinding.deadLetterSuffix)'), this one has \(length); use"
                    + " --on-invalid reject")
        }
        guard let originName = SchemaBinding.origin(ofDeadLetterHub: hub.name) else { return }
        let origin: HubProperties
        do {
            origin = try context.log.hub(named: originName)
        } catch HubError.hubNotFound {
            return
        }
        throw CommandFailure(
            "hub '\(hub.name)' is the dead-letter hub of '\(origin.name)' and cannot have a"
                + " dead-letter hub of its own; use --on-invalid reject")
    }

    /// Refuses a hub that would dead-letter with a maximum event size its dead-letter hub
    /// could not take with the `deadletter.*` properties added (see
    /// `DeadLetter.largestOriginMaxEventSize`): its largest invalid events would be lost.
    /// `raising` says whether the command itself asks for that maximum.
    static func checkDeadLetterRoom(_ wanted: HubProperties, raising: Bool) throws {
        let most = DeadLetter.largestOriginMaxEventSize
        guard wanted.maxEventSize > most else { return }
        let why = "its dead-letter hub needs \(ByteSize.format(Int64(DeadLetter.propertiesRoom)))"
            + " more for the deadletter.* properties, and no hub takes events over"
            + " \(ByteSize.format(Int64(HubSpec.maxEventSizeLimit)))"
        if raising {
            throw CommandFailure(
                "hub '\(wanted.name)' dead-letters invalid events, so its max event size can be"
                    + " at most \(most) bytes: \(why); give at most that, or use --on-invalid"
                    + " reject")
        }
        throw CommandFailure(
            "hub '\(wanted.name)' takes events of up to"
                + " \(ByteSize.format(Int64(wanted.maxEventSize))), too large to dead-letter:"
                + " \(why); lower it first with 'hub set \(wanted.name) --max-event-size \(most)'"
                + " (the most it can be), or use --on-invalid reject")
    }

    /// The binding the flags ask for; nil for `--no-schema`. `--on-invalid` alone changes
    /// the policy of `current`, the schema already bound to `hub`, to `policy`.
    static func binding(
        _ arguments: Arguments, policy: InvalidEventPolicy?, current: SchemaBinding?,
        hub: String
    ) throws -> SchemaBinding? {
        if arguments.has("--no-schema") {
            if arguments.has("--schema") || arguments.has("--on-invalid") {
                throw arguments.usageError("--no-schema takes no --schema or --on-invalid")
            }
            return nil
        }
        guard let token = arguments.token("--schema") else {
            // `run` calls this only with one of the schema flags given.
            guard let given = arguments.token("--on-invalid"), let policy else { return current }
            guard var changed = current else {
                throw arguments.usageError(
                    "hub '\(hub)' has no schema bound; give --schema GROUP/NAME with"
                        + " --on-invalid", at: given)
            }
            changed.onInvalid = policy
            return changed
        }
        let (group, name): (String, String)
        do {
            (group, name) = try Names.splitQualified(token.text)
        } catch let error as RegistryError {
            throw arguments.usageError(error.description, at: token)
        }
        return SchemaBinding(group: group, name: name, onInvalid: policy ?? .reject)
    }

    /// The policy `--on-invalid` names.
    static func policy(_ given: Token, _ arguments: Arguments) throws -> InvalidEventPolicy {
        guard let parsed = InvalidEventPolicy(rawValue: given.text) else {
            throw arguments.usageError(
                "--on-invalid is reject or deadletter, not '\(given.text)'", at: given)
        }
        return parsed
    }

    /// `{"group","name","onInvalid"}`, or null when no schema is bound.
    static func json(_ binding: SchemaBinding?) -> JSONValue {
        guard let binding else { return .null }
        return .object([
            ("group", .string(binding.group)), ("name", .string(binding.name)),
            ("onInvalid", .string(binding.onInvalid.rawValue)),
        ])
    }
}
