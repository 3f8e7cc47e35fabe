import HubCore

/// `schema list [GROUP]` and `schema show GROUP NAME [--version V]`.
enum SchemaListing {
    static let all: [Command] = [list, show]

    static let list = Command(
        CommandSpec(
            ["schema", "list"], summary: "list the registered schemas with their latest version",
            positionals: [Positional("GROUP", "only this schema group", optional: true,
                                     completion: SchemaCompletion.group)],
            examples: ["schema list", "schema list commerce --json"]),
        run: { arguments, context in
            let registry = try SchemaCatalog.registry(context)
            let schemas = try registry.latestSchemas(group: arguments.positional(0)?.text)
            if context.output.wantsJSON(arguments) {
                schemas.forEach { context.output.json(SchemaJSON.version($0)) }
                return
            }
            context.output.table(
                [.init("GROUP"), .init("NAME"), .init("VERSION", numeric: true), .init("ID"),
                 .init("REGISTERED")],
                schemas.map {
                    [$0.group, $0.name, String($0.version), $0.id,
                     Timestamp.format($0.registeredAt)]
                },
                empty: "no schemas registered yet; add one with 'schema register GROUP NAME FILE'")
        })

    static let show = Command(
        CommandSpec(
            ["schema", "show"], summary: "print a schema version's definition",
            details: [
                "Prints the schema text as it was registered (the latest version unless"
                    + " --version is given), so it can be saved to a file."
            ],
            positionals: [
                Positional("GROUP", "the schema group", completion: SchemaCompletion.group),
                Positional("NAME", "the schema's name in the group",
                           completion: SchemaCompletion.name),
            ],
            flags: [Flag("--version", short: "-v", value: "V", "this version (default latest)")],
            examples: ["schema show commerce orders", "schema show commerce orders --version 1"]),
        run: { arguments, context in
            let registry = try SchemaCatalog.registry(context)
            let version = try registry.schemaVersion(
                group: arguments.string(at: 0), name: arguments.string(at: 1),
                version: try SchemaCatalog.requestedVersion(arguments))
            if context.output.wantsJSON(arguments) {
                context.output.json(SchemaJSON.version(version, definition: true))
                return
            }
            context.output.note(
                "'\(version.qualifiedName)' version \(version.version), id \(version.id),"
                    + " registered \(Timestamp.format(version.registeredAt))")
            var text = version.definition
            while text.hasSuffix("\n") { text.removeLast() }
            context.output.line(text)
        })
}
