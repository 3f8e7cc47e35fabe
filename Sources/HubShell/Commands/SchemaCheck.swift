import HubCore
import HubSchema

/// `schema check GROUP NAME FILE`: would this file be accepted as the schema's next version?
enum SchemaCheck {
    static let command = Command(
        CommandSpec(
            ["schema", "check"], summary: "say whether a schema file would be accepted",
            details: [
                "Checks FILE as 'schema register' would, without registering it, and lists every"
                    + " incompatibility with the earlier versions, with its path and the rule"
                    + " that failed. Exits with 0 when the version would be accepted and with 1"
                    + " when it would not.",
            ],
            positionals: [
                Positional("GROUP", "the schema group", completion: SchemaCompletion.group),
                Positional("NAME", "the schema's name in the group",
                           completion: SchemaCompletion.name),
                Positional("FILE", "the schema file", completion: .file),
            ],
            examples: ["schema check commerce orders schemas/orders-v2.schema.json"]),
        run: run)

    static func run(_ arguments: Arguments, _ context: ShellContext) throws {
        let registry = try SchemaCatalog.registry(context)
        let (groupName, name) = (arguments.string(at: 0), arguments.string(at: 1))
        try Names.validateSchemaName(name)
        let group = try registry.schemaGroup(named: groupName)
        let (_, definition) = try load(
            arguments.string(at: 2), group: group, name: name, context: context)

        let existing: [SchemaVersion]
        do {
            existing = try registry.schemaVersions(group: group.name, name: name)
        } catch RegistryError.schemaNotFound {
            existing = []
        }
        let json = context.output.wantsJSON(arguments)
        if let same = existing.first(where: { $0.canonicalForm == definition.canonicalForm }) {
            if json {
                context.output.json(.object([
                    ("accepted", .bool(true)), ("identicalTo", .int(same.version)),
                    ("id", .string(same.id)),
                ]))
            } else {
                context.output.line(
                    "accepted: identical to version \(same.version) (id \(same.id));"
                        + " registering returns that version")
            }
            return
        }
        let found = try SchemaCompatibilityCheck.run(
            definition, against: existing, format: group.format, mode: group.compatibility)
        let next = (existing.last?.version ?? 0) + 1
        if found.isEmpty {
            if json {
                context.output.json(.object([
                    ("accepted", .bool(true)), ("version", .int(next)),
                ]))
            } else {
                context.output.line(
                    "accepted: would be version \(next) of '\(group.name)/\(name)'"
                        + " (compatibility \(group.compatibility.rawValue))")
            }
            return
        }
        if json {
            context.output.json(.object([
                ("accepted", .bool(false)),
                ("incompatibilities", .array(found.map(\.json))),
            ]))
        } else {
            report(found, arguments: arguments, context: context)
        }
        throw CommandFailure(
            "not accepted: \(found.count) incompatibilit\(found.count == 1 ? "y" : "ies")"
                + " under compatibility '\(group.compatibility.rawValue)'")
    }

    /// Reads and checks FILE in `group`'s format; a JSON Schema is compiled, so a broken
    /// `$ref` or keyword is found now.
    static func load(
        _ file: String, group: SchemaGroup, name: String, context: ShellContext
    ) throws -> (text: String, definition: SchemaDefinition) {
        let path = context.resolve(path: file)
        let text = try SchemaDefinition.read(file: path, shown: file)
        let definition = try SchemaDefinition.parse(text, format: group.format, source: file)
        if case .json = definition {
            let files = SchemaCatalog.fileResolver(for: path, group: group.name)
            _ = try context.schemas.compile(
                definition, name: name, group: group,
                registry: try SchemaCatalog.registry(context), files: files)
        }
        return (text, definition)
    }

    /// Lists incompatibilities: a table for a person, JSON lines for scripts.
    static func report(
        _ found: [SchemaIncompatibility], arguments: Arguments, context: ShellContext
    ) {
        if context.output.wantsJSON(arguments) {
            found.forEach { context.output.json($0.json) }
            return
        }
        context.output.table(
            [.init("VERSION", numeric: true), .init("PATH"), .init("RULE"), .init("BREAKS"),
             .init("PROBLEM")],
            found.map {
                [String($0.againstVersion), $0.path.isEmpty ? "(root)" : $0.path, $0.rule,
                 $0.breaks, $0.message]
            })
    }
}
