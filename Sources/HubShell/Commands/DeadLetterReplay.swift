import HubCore

/// `deadletter replay HUB (--seq N [--partition P] | --all)`: publish dead-lettered events
/// again once they pass the hub's current schema.
enum DeadLetterReplay {
    static let command = Command(
        CommandSpec(
            ["deadletter", "replay"], summary: "republish dead-lettered events that now pass",
            details: [
                "Validates each chosen event that was not replayed before against the latest"
                    + " version of HUB's bound schema (none bound: every event passes) and"
                    + " republishes those that pass to HUB with their key or partition,"
                    + " properties (without the deadletter.* ones) and content type. Publish"
                    + " hooks do not run again: the events were already through them.",
                "Each replayed event is marked with a replay record in HUB.deadletter, so it is"
                    + " never replayed twice. Events that still fail stay pending; the command"
                    + " then exits with 1.",
                "The events go out in batches that fit HUB's maximum size, each one marked"
                    + " before the next is sent; Ctrl-C or a failure stops between batches, after"
                    + " listing the events replayed so far.",
            ],
            positionals: [Positional("HUB", "the hub whose dead letters to replay",
                                     completion: .hub)],
            flags: [
                Flag("--seq", value: "N", "the dead-lettered event with this sequence number"),
                Flag("--partition", short: "-p", value: "P",
                     "the partition of --seq (needed when several have it)"),
                Flag("--all", "every pending dead-lettered event"),
            ],
            examples: ["deadletter replay payments --all", "deadletter replay payments --seq 3"]),
        run: run)

    static func run(_ arguments: Arguments, _ context: ShellContext) throws {
        let hub = try context.log.hub(named: arguments.string(at: 0))
        let records = try DeadLetterRecords.load(origin: hub.name, context: context)
        let chosen = try choose(records.letters, arguments)
        let pending = chosen.filter { $0.replayedTo == nil }.map(\.event)
        let schema = try hub.schema.map { binding -> CompiledEventSchema in
            let registry = try SchemaCatalog.registry(context)
            let latest = try registry.schemaVersion(
                group: binding.group, name: binding.name, version: nil)
            return try context.schemas.compiled(latest, registry: registry)
        }

        var passed: [ReplayBatches.Candidate] = []
        var failed: [(ReceivedEvent, [SchemaProblem])] = []
        var foreign = 0
        for letter in pending {
            // Only events that hubsh dead-lettered from this hub go back to it; anything else
            // published into the dead-letter hub by hand stays where it is.
            guard case .string(let origin)? = DeadLetter.property(
                DeadLetter.originHub, of: letter.data), Names.same(origin, hub.name)
            else {
                foreign += 1
                continue
            }
            var event = DeadLetter.original(letter.data)
            if let schema {
                switch schema.check(event.body) {
                case .invalid(let problems):
                    failed.append((letter, problems))
                    continue
                case .valid(let body, let contentType):
                    if let body { event.body = body }
                    if let contentType { event.contentType = contentType }
                }
            }
            var partition: Int? = nil
            let named = DeadLetter.property(DeadLetter.originPartition, of: letter.data)
            // A partition the hub no longer has (it was created again with fewer) is left to
            // the key or to round-robin.
            if case .int(let value)? = named, value < hub.partitionCount { partition = Int(value) }
            let routed = try context.router.route([event], hub: hub, partition: partition)
            passed.append((letter, routed[0]))
        }

        let batches = try ReplayBatches.split(passed, origin: hub, deadLetterHub: records.hub)
        var replayed: [ReceivedEvent] = []
        var landed: [EventMetadata] = []
        // The report comes before the warnings below, and also when a batch fails.
        do {
            defer {
                let stoppedEarly = replayed.count < passed.count
                // The terminal echoed ^C without a line break: the report starts on its own line.
                if stoppedEarly && context.isInterrupted { context.output.endInterruptedLine() }
                report(
                    replayed, landed: landed, failed: failed,
                    skipped: chosen.count - pending.count, hub: hub.name, arguments: arguments,
                    context: context)
                if stoppedEarly {
                    // Interrupted, or a batch failed: the error (if any) follows this note.
                    let rest = passed.count - replayed.count
                    context.output.note(
                        "stopped early: replayed \(replayed.count) of \(passed.count) events that"
                            + " pass; the other \(rest) stay\(rest == 1 ? "s" : "") pending")
                }
            }
            for batch in batches {
                if context.isInterrupted { break }
                let stored = try context.log.append(
                    hub: hub.name, batch: batch.map(\.event), durability: .durable)
                replayed += batch.map(\.letter)
                landed += stored
                try mark(batch.map(\.letter), landed: stored, records: records, context: context)
            }
        }
        if foreign > 0 {
            context.output.warning(
                "\(foreign) event\(foreign == 1 ? "" : "s") in '\(records.hub.name)' were not"
                    + " dead-lettered by hubsh from hub '\(hub.name)' and stay where they are")
        }
        if !failed.isEmpty {
            let verb = failed.count == 1 ? " still fails" : "s still fail"
            throw CommandFailure(
                "\(failed.count) dead-lettered event\(verb) the schema of hub '\(hub.name)';"
                    + " \(failed.count == 1 ? "it stays" : "they stay") pending")
        }
    }

    /// Appends the markers of one replayed batch; a failure names each event it leaves
    /// unmarked, as a later replay would publish those again.
    static func mark(
        _ letters: [ReceivedEvent], landed: [EventMetadata], records: DeadLetterRecords,
        context: ShellContext
    ) throws {
        let markers = zip(letters, landed).map {
            DeadLetterRecords.marker(for: $0, origin: records.origin, landed: $1)
        }
        do {
            _ = try context.log.append(hub: records.hub.name, batch: markers, durability: .durable)
        } catch {
            let named = letters.map { "\($0.partition)/\($0.sequenceNumber)" }
            throw CommandFailure(
                "dead letters \(named.joined(separator: ", ")) were replayed to hub"
                    + " '\(records.origin)' but could not be marked as replayed in"
                    + " '\(records.hub.name)' (\(error)); a later replay would publish them again")
        }
    }

    /// The letters `--seq`/`--partition` or `--all` pick.
    static func choose(_ letters: [DeadLetterRecords.Letter], _ arguments: Arguments) throws
        -> [DeadLetterRecords.Letter]
    {
        let seq = try arguments.int("--seq", range: 0...Int.max)
        let partition = try arguments.int("--partition")
        switch (seq, arguments.has("--all")) {
        case (nil, false):
            throw arguments.usageError("give --seq N to replay one event, or --all")
        case (.some, true):
            throw arguments.usageError("give --seq N or --all, not both")
        case (nil, true):
            if partition != nil { throw arguments.usageError("--partition goes with --seq") }
            return letters
        case (.some(let seq), false):
            let found = letters.filter {
                $0.event.sequenceNumber == Int64(seq)
                    && (partition == nil || $0.event.partition == partition)
            }
            guard !found.isEmpty else {
                throw CommandFailure(
                    "no dead-lettered event has sequence number \(seq)"
                        + (partition.map { " in partition \($0)" } ?? "")
                        + " (see 'deadletter list')")
            }
            guard found.count == 1 else {
                let partitions = found.map { String($0.event.partition) }
                throw arguments.usageError(
                    "sequence number \(seq) is in partitions \(partitions.joined(separator: ", "))"
                        + " of the dead-letter hub; add --partition P")
            }
            return found
        }
    }

    static func report(
        _ replayed: [ReceivedEvent], landed: [EventMetadata],
        failed: [(ReceivedEvent, [SchemaProblem])], skipped: Int, hub: String,
        arguments: Arguments, context: ShellContext
    ) {
        let output = context.output
        if output.wantsJSON(arguments) {
            for (letter, metadata) in zip(replayed, landed) {
                output.json(.object([
                    ("deadLetterPartition", .string(String(letter.partition))),
                    ("deadLetterSequenceNumber", .int(letter.sequenceNumber)),
                    ("replayed", .bool(true)), ("published", EventJSON.published(metadata)),
                ]))
            }
            for (letter, problems) in failed {
                output.json(.object([
                    ("deadLetterPartition", .string(String(letter.partition))),
                    ("deadLetterSequenceNumber", .int(letter.sequenceNumber)),
                    ("replayed", .bool(false)), ("errors", .array(problems.map(ProblemJSON.make))),
                ]))
            }
            return
        }
        for (letter, metadata) in zip(replayed, landed) {
            output.line(
                "replayed dead letter \(letter.partition)/\(letter.sequenceNumber) to hub"
                    + " '\(hub)' partition \(metadata.partition) seq \(metadata.sequenceNumber)")
        }
        for (letter, problems) in failed {
            output.line(
                "dead letter \(letter.partition)/\(letter.sequenceNumber) still fails: "
                    + SchemaProblem.summary(problems, limit: 200))
        }
        if skipped > 0 {
            output.note("\(skipped) already replayed event\(skipped == 1 ? "" : "s") skipped")
        }
    }
}
