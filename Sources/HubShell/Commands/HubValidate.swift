import HubCore
import HubSchema

/// `hub validate HUB [--partition P] [--from POS] [--count N]`: check stored events against
/// the hub's schema.
enum HubValidate {
    /// How many invalid events are listed with their errors; the rest are only counted.
    static let listed = 10

    static let command = Command(
        CommandSpec(
            ["hub", "validate"], summary: "check a hub's stored events against its schema",
            details: [
                "Reads the events (all partitions from earliest unless told otherwise) and"
                    + " validates each against the latest version of the hub's bound schema."
                    + " Avro events are decoded with the schema version that wrote them first.",
                "Prints the first \(listed) invalid events with their errors, then the counts."
                    + " Exits with 0 when every event read is valid and with 1 when any is not.",
            ],
            positionals: [Positional("HUB", "the hub", completion: .hub)],
            flags: [
                Flag("--partition", short: "-p", value: "P", "check one partition",
                     completion: .partition),
                Flag("--from", value: "POS", "where to start (default earliest)",
                     completion: .position),
                Flag("--count", short: "-n", value: "N", "check at most N events (default all)"),
            ],
            examples: ["hub validate orders", "hub validate orders --partition 1 --from -100"]),
        run: run)

    static func run(_ arguments: Arguments, _ context: ShellContext) throws {
        let registry = try SchemaCatalog.registry(context)
        let hub = try context.log.hub(named: arguments.string(at: 0))
        guard let binding = hub.schema else {
            throw CommandFailure(
                "hub '\(hub.name)' has no schema bound; bind one with"
                    + " 'hub set \(hub.name) --schema GROUP/NAME'")
        }
        let version = try registry.schemaVersion(
            group: binding.group, name: binding.name, version: nil)
        let schema = try context.schemas.compiled(version, registry: registry)
        let count = try arguments.int("--count", range: 0...Int.max) ?? Int.max
        var merge = try PartitionMerge(
            log: context.log, hub: hub.name, partitions: try Read.partitions(arguments, hub: hub),
            from: try Read.position(arguments, default: .earliest))

        let json = context.output.wantsJSON(arguments)
        var (checked, invalid) = (0, 0)
        while checked < count, let event = try merge.next() {
            checked += 1
            guard let problems = self.problems(event, schema: schema, context: context) else {
                continue
            }
            invalid += 1
            if invalid <= listed { report(event, problems, json: json, context: context) }
            if context.isInterrupted { break }
        }
        if json {
            context.output.json(.object([
                ("hub", .string(hub.name)), ("schema", .string(version.qualifiedName)),
                ("version", .int(version.version)), ("checked", .int(checked)),
                ("valid", .int(checked - invalid)), ("invalid", .int(invalid)),
            ]))
        } else {
            context.output.line(
                "\(checked) event\(checked == 1 ? "" : "s") checked against"
                    + " '\(version.qualifiedName)' version \(version.version):"
                    + " \(checked - invalid) valid, \(invalid) invalid"
                    + (invalid > listed ? " (the first \(listed) are listed)" : ""))
        }
        if invalid > 0 {
            throw CommandFailure(nil)
        }
    }

    /// The problems of one stored event; nil when it is valid.
    static func problems(
        _ event: ReceivedEvent, schema: CompiledEventSchema, context: ShellContext
    ) -> [SchemaProblem]? {
        let shown = AvroBodies(raw: false, context: context).display(event)
        if shown.data.body == event.data.body,
           AvroContentType.schemaId(in: event.data.contentType) != nil
        {
            return [SchemaProblem(
                instancePath: "", schemaPath: "", keyword: "avro",
                message: "the Avro body does not decode with the schema that wrote it")]
        }
        guard case .invalid(let problems) = schema.check(shown.data.body) else { return nil }
        return problems
    }

    static func report(
        _ event: ReceivedEvent, _ problems: [SchemaProblem], json: Bool, context: ShellContext
    ) {
        if json {
            context.output.json(.object([
                ("partition", .string(String(event.partition))),
                ("sequenceNumber", .int(event.sequenceNumber)),
                ("errors", .array(problems.map(ProblemJSON.make))),
            ]))
            return
        }
        context.output.line("partition \(event.partition) seq \(event.sequenceNumber):")
        problems.forEach { context.output.line("  \($0)") }
    }
}
