import HubCore

/// `schema group create|list`: schema groups, each with a format and a compatibility mode.
enum SchemaGroupCommands {
    static let all: [Command] = [create, list]

    static let modes = CompatibilityMode.allCases.map(\.rawValue)

    static let create = Command(
        CommandSpec(
            ["schema", "group", "create"], summary: "create a schema group",
            details: [
                "A group holds schemas of one format (json or avro). Its compatibility mode"
                    + " decides which new versions are accepted: none, backward, forward, full,"
                    + " or their -transitive variants, which compare with every earlier version"
                    + " instead of only the latest.",
                "--assert-formats makes JSON Schema 'format' keywords checks instead of"
                    + " annotations (date-time, email, uuid, ...).",
            ],
            positionals: [Positional("GROUP", "the new group's name")],
            flags: [
                Flag("--format", value: "FORMAT", "json or avro",
                     completion: .words(SchemaFormat.allCases.map(\.rawValue))),
                Flag("--compatibility", value: "MODE", "compatibility mode (default none)",
                     completion: .words(modes)),
                Flag("--assert-formats", "check JSON Schema 'format' keywords"),
                Flag("--if-not-exists",
                     "succeed without a change when the group exists (for repeatable scripts)"),
            ],
            examples: [
                "schema group create commerce --format json --compatibility backward",
                "schema group create telemetry --format avro --compatibility full-transitive",
            ]),
        run: { arguments, context in
            let registry = try SchemaCatalog.registry(context)
            let name = arguments.string(at: 0)
            guard let formatToken = arguments.token("--format") else {
                throw arguments.usageError("give the schemas' format with --format json|avro")
            }
            guard let format = SchemaFormat(rawValue: formatToken.text) else {
                throw arguments.usageError(
                    "--format is json or avro, not '\(formatToken.text)'", at: formatToken)
            }
            var mode = CompatibilityMode.none
            if let token = arguments.token("--compatibility") {
                guard let given = CompatibilityMode(rawValue: token.text) else {
                    throw arguments.usageError(
                        "--compatibility is one of \(modes.joined(separator: ", ")),"
                            + " not '\(token.text)'", at: token)
                }
                mode = given
            }
            if arguments.has("--assert-formats") && format != .json {
                throw arguments.usageError("--assert-formats applies to --format json")
            }
            if arguments.has("--if-not-exists"),
               let existing = try registry.schemaGroups().first(where: {
                   Names.same($0.name, name)
               })
            {
                if context.output.wantsJSON(arguments) {
                    context.output.json(SchemaJSON.group(existing))
                }
                var settings = ExistingSettings("schema group '\(existing.name)'")
                settings.compare(
                    existing.format, asked: format, describe: { "format \($0.rawValue)" },
                    askedText: \.rawValue)
                settings.compare(
                    existing.compatibility,
                    asked: arguments.has("--compatibility") ? mode : nil,
                    describe: { "compatibility \($0.rawValue)" }, askedText: \.rawValue)
                settings.compare(
                    existing.assertFormats, asked: arguments.has("--assert-formats") ? true : nil,
                    describe: { $0 ? "formats asserted" : "formats not asserted" },
                    askedText: { _ in "--assert-formats" })
                if !context.output.wantsJSON(arguments) || !settings.existing.isEmpty {
                    settings.report(to: context.output)
                }
                return
            }
            let group = try registry.createSchemaGroup(SchemaGroup(
                name: name, format: format, compatibility: mode,
                assertFormats: arguments.has("--assert-formats")))
            if context.output.wantsJSON(arguments) {
                context.output.json(SchemaJSON.group(group))
            } else {
                context.output.line(
                    "created schema group '\(group.name)': format \(group.format.rawValue),"
                        + " compatibility \(group.compatibility.rawValue)"
                        + (group.assertFormats ? ", formats asserted" : ""))
            }
        })

    static let list = Command(
        CommandSpec(
            ["schema", "group", "list"], summary: "list the schema groups",
            examples: ["schema group list", "schema group list --json"]),
        run: { arguments, context in
            let groups = try SchemaCatalog.registry(context).schemaGroups()
            if context.output.wantsJSON(arguments) {
                groups.forEach { context.output.json(SchemaJSON.group($0)) }
                return
            }
            context.output.table(
                [.init("GROUP"), .init("FORMAT"), .init("COMPATIBILITY"), .init("FORMATS"),
                 .init("CREATED")],
                groups.map {
                    [$0.name, $0.format.rawValue, $0.compatibility.rawValue,
                     $0.assertFormats ? "asserted" : "annotations", Timestamp.format($0.createdAt)]
                },
                empty: "no schema groups yet; create one with"
                    + " 'schema group create GROUP --format json|avro'")
        })
}
