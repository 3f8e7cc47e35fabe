import HubCore

/// `schema register GROUP NAME FILE`: a new version of a schema, if its group's compatibility
/// mode accepts it.
enum SchemaRegister {
    static let command = Command(
        CommandSpec(
            ["schema", "register"], summary: "register a schema file as a schema's next version",
            details: [
                "The file is read in the group's format: a JSON Schema is compiled (every $ref"
                    + " must resolve, against the group's registered schemas by $id or against"
                    + " files next to FILE), an Avro schema is parsed.",
                "A schema identical to a registered version (same canonical form) is not"
                    + " registered again: that version is returned. Otherwise the group's"
                    + " compatibility mode is checked inside the registering transaction; each"
                    + " incompatibility is listed with its path and rule, and the command exits"
                    + " with 1.",
            ],
            positionals: [
                Positional("GROUP", "the schema group", completion: SchemaCompletion.group),
                Positional("NAME", "the schema's name in the group",
                           completion: SchemaCompletion.name),
                Positional("FILE", "the schema file", completion: .file),
            ],
            examples: [
                "schema register commerce orders schemas/orders.schema.json",
                "schema register telemetry reading reading.avsc --json",
            ]),
        run: run)

    /// The incompatibilities that stopped a registration, thrown out of its transaction.
    struct Refused: Error {
        var incompatibilities: [SchemaIncompatibility]
    }

    static func run(_ arguments: Arguments, _ context: ShellContext) throws {
        let registry = try SchemaCatalog.registry(context)
        let (groupName, name) = (arguments.string(at: 0), arguments.string(at: 1))
        try Names.validateSchemaName(name)
        let group = try registry.schemaGroup(named: groupName)
        let (text, definition) = try SchemaCheck.load(
            arguments.string(at: 2), group: group, name: name, context: context)

        let result: (version: SchemaVersion, created: Bool)
        // The name as first registered, for a refusal to name the schema as it is stored.
        var storedName = name
        do {
            result = try registry.registerSchema(
                group: group.name, name: name, definition: text,
                canonicalForm: definition.canonicalForm
            ) { existing in
                storedName = existing.last?.name ?? name
                let found = try SchemaCompatibilityCheck.run(
                    definition, against: existing, format: group.format,
                    mode: group.compatibility)
                if !found.isEmpty { throw Refused(incompatibilities: found) }
            }
        } catch let refused as Refused {
            SchemaCheck.report(refused.incompatibilities, arguments: arguments, context: context)
            throw CommandFailure(SchemaCommandError.incompatible(
                group: group.name, name: storedName, mode: group.compatibility,
                count: refused.incompatibilities.count).description)
        }

        let version = result.version
        if context.output.wantsJSON(arguments) {
            guard case .object(var members) = SchemaJSON.version(version) else { return }
            members.append(("created", .bool(result.created)))
            context.output.json(.object(members))
        } else if result.created {
            context.output.line(
                "registered '\(version.qualifiedName)' version \(version.version),"
                    + " id \(version.id)")
        } else {
            context.output.line(
                "'\(version.qualifiedName)' is identical to version \(version.version),"
                    + " id \(version.id); nothing registered")
        }
    }
}
