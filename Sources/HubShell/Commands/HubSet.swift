import HubCore

/// `hub set HUB (--schema GROUP/NAME [--on-invalid reject|deadletter] | --on-invalid POLICY |
/// --no-schema)`: the schema a hub enforces on publish, and what it does with invalid events.
enum HubSet {
    static let command = Command(
        CommandSpec(
            ["hub", "set"], summary: "bind a schema to a hub, or remove the binding",
            details: [
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
                Flag("--schema", value: "GROUP/NAME", "the schema to enforce",
                     completion: SchemaCompletion.qualified),
                Flag("--on-invalid", value: "POLICY", "reject or deadletter (default reject)",
                     completion: .words(InvalidEventPolicy.allCases.map(\.rawValue))),
                Flag("--no-schema", "stop enforcing a schema"),
            ],
            examples: [
                "hub set orders --schema commerce/orders",
                "hub set payments --schema commerce/payments --on-invalid deadletter",
                "hub set orders --on-invalid deadletter",
                "hub set orders --no-schema",
            ]),
        run: run)

    static func run(_ arguments: Arguments, _ context: ShellContext) throws {
        let registry = try SchemaCatalog.registry(context)
        let hub = try context.log.hub(named: arguments.string(at: 0))
        let binding = try self.binding(arguments, current: hub.schema, hub: hub.name)
        if let binding {
            let latest = try registry.schemaVersion(
                group: binding.group, name: binding.name, version: nil)
            // Compiling now finds a broken schema before the first publish does.
            _ = try context.schemas.compiled(latest, registry: registry)
        }
        let deadLetterHub = binding?.onInvalid == .deadletter
            ? try prepareDeadLetterHub(for: hub, context: context) : nil
        let unchanged = hub.schema == binding
        let updated = unchanged ? hub : try registry.setSchemaBinding(hub: hub.name, binding)
        if context.output.wantsJSON(arguments) {
            context.output.json(.object([
                ("hub", .string(updated.name)), ("schema", HubSet.json(updated.schema)),
            ]))
        } else if let binding {
            context.output.line(
                "hub '\(hub.name)' \(unchanged ? "already validates" : "validates") events"
                    + " against '\(binding.qualifiedName)'; invalid events are "
                    + (binding.onInvalid == .reject
                        ? "refused" : "sent to '\(deadLetterHub ?? "")'")
                    + (unchanged ? "; unchanged" : ""))
        } else {
            context.output.line(
                unchanged
                    ? "hub '\(hub.name)' validates no events; unchanged"
                    : "hub '\(hub.name)' no longer validates events")
        }
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

    /// The binding the flags ask for; nil for `--no-schema`. `--on-invalid` alone changes
    /// the policy of `current`, the schema already bound to `hub`.
    static func binding(_ arguments: Arguments, current: SchemaBinding?, hub: String) throws
        -> SchemaBinding?
    {
        if arguments.has("--no-schema") {
            if arguments.has("--schema") || arguments.has("--on-invalid") {
                throw arguments.usageError("--no-schema takes no --schema or --on-invalid")
            }
            return nil
        }
        guard let token = arguments.token("--schema") else {
            guard let given = arguments.token("--on-invalid") else {
                throw arguments.usageError(
                    "give --schema GROUP/NAME, --on-invalid POLICY to change the policy of the"
                        + " bound schema, or --no-schema to unbind")
            }
            guard var changed = current else {
                throw arguments.usageError(
                    "hub '\(hub)' has no schema bound; give --schema GROUP/NAME with"
                        + " --on-invalid", at: given)
            }
            changed.onInvalid = try policy(given, arguments)
            return changed
        }
        let (group, name): (String, String)
        do {
            (group, name) = try Names.splitQualified(token.text)
        } catch let error as RegistryError {
            throw arguments.usageError(error.description, at: token)
        }
        let onInvalid = try arguments.token("--on-invalid").map { try policy($0, arguments) }
        return SchemaBinding(group: group, name: name, onInvalid: onInvalid ?? .reject)
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
