import Foundation
import HubCore

/// `schema validate GROUP NAME [--version V] (--file F | BODY)`: check events against a schema
/// without publishing them.
enum SchemaValidate {
    static let command = Command(
        CommandSpec(
            ["schema", "validate"], summary: "check event bodies against a schema",
            details: [
                "BODY is one event. --file F is one event when the whole file is one JSON value"
                    + " (a pretty-printed payload), else one event per non-empty line (JSON"
                    + " lines); - is stdin.",
                "Each invalid event is listed with its errors: the instance path, the schema"
                    + " path and the keyword that failed. Exits with 0 when every event is"
                    + " valid and with 1 when any is not.",
            ],
            positionals: [
                Positional("GROUP", "the schema group", completion: SchemaCompletion.group),
                Positional("NAME", "the schema's name in the group",
                           completion: SchemaCompletion.name),
                Positional("BODY", "one event body", optional: true),
            ],
            flags: [
                Flag("--version", short: "-v", value: "V", "this version (default latest)"),
                Flag("--file", short: "-f", value: "FILE", "events to check", completion: .file),
            ],
            examples: [
                "schema validate commerce orders '{\"orderId\":\"o-1\"}'",
                "schema validate commerce orders --file orders.jsonl --json",
            ]),
        run: run)

    static func run(_ arguments: Arguments, _ context: ShellContext) throws {
        let registry = try SchemaCatalog.registry(context)
        let version = try registry.schemaVersion(
            group: arguments.string(at: 0), name: arguments.string(at: 1),
            version: try SchemaCatalog.requestedVersion(arguments))
        let schema = try context.schemas.compiled(version, registry: registry)
        let bodies = try self.bodies(arguments, context: context)

        let json = context.output.wantsJSON(arguments)
        var invalid = 0
        for (index, body) in bodies.enumerated() {
            guard case .invalid(let problems) = schema.check(body) else { continue }
            invalid += 1
            print(problems, event: index + 1, of: bodies.count, json: json, context: context)
        }
        if json {
            context.output.json(.object([
                ("schema", .string(version.qualifiedName)), ("version", .int(version.version)),
                ("id", .string(version.id)), ("events", .int(bodies.count)),
                ("valid", .int(bodies.count - invalid)), ("invalid", .int(invalid)),
            ]))
        } else if invalid == 0 {
            context.output.line(
                "\(bodies.count == 1 ? "the event is" : "all \(bodies.count) events are") valid"
                    + " against '\(version.qualifiedName)' version \(version.version)")
        }
        if invalid > 0 {
            throw CommandFailure(
                "\(invalid) of \(bodies.count) event\(bodies.count == 1 ? " is" : "s are")"
                    + " invalid against '\(version.qualifiedName)' version \(version.version)")
        }
    }

    /// The event bodies from BODY or --file.
    static func bodies(_ arguments: Arguments, context: ShellContext) throws -> [[UInt8]] {
        let body = arguments.positional(2)
        switch (body, arguments.string("--file")) {
        case (nil, nil):
            throw arguments.usageError("give the event to check: a BODY or --file FILE")
        case (.some, .some):
            throw arguments.usageError("give a BODY or --file FILE, not both")
        case (.some(let body), nil):
            return [Array(body.text.utf8)]
        case (nil, .some(let file)):
            let bytes = try EventSources.read(file: file, context: context)
            if (try? JSONValue.parse(bytes: bytes)) != nil { return [bytes] }
            return bytes.split(separator: UInt8(ascii: "\n")).map { line in
                var line = Array(line)
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                return line
            }.filter { !$0.allSatisfy { $0 == 32 || $0 == 9 } }
        }
    }

    static func print(
        _ problems: [SchemaProblem], event: Int, of count: Int, json: Bool,
        context: ShellContext
    ) {
        if json {
            context.output.json(.object([
                ("event", .int(event)), ("valid", .bool(false)),
                ("errors", .array(problems.map(ProblemJSON.make))),
            ]))
            return
        }
        let output = context.output
        output.line(output.style(.bold, count == 1 ? "invalid event" : "event \(event) is invalid")
            + " (\(problems.count) error\(problems.count == 1 ? "" : "s"))")
        for problem in problems {
            output.line("  \(problem.description)")
            output.line(output.style(
                .dim, "    schema \(problem.schemaPath.isEmpty ? "(root)" : problem.schemaPath),"
                    + " keyword \(problem.keyword)"))
        }
    }
}
