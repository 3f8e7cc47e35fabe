import HubCore

/// `publish`: append events to a hub by partition key, to a partition, or round-robin.
enum Publish {
    static let command = Command(
        CommandSpec(
            ["publish"], summary: "publish events to a hub",
            details: [
                "Each event goes to the partition given with --partition, else to the partition"
                    + " its key hashes to (the Event Hubs hash: one key, one partition), else"
                    + " round-robin.",
                "Events come from BODY, from --file (one body per line; with --envelope each line"
                    + " is {\"body\",\"key\",\"partition\",\"properties\",\"contentType\"}; with"
                    + " --hex each line is hex bytes), from --body-file (a whole file is one"
                    + " body, bytes as they are), from a sample value stream, or from a generator"
                    + " that a plugin adds (its options follow --generator NAME; see"
                    + " 'publish --generator NAME --help').",
                "Publish hooks of plugins see every event first and may change or refuse it;"
                    + " one refused event publishes nothing.",
                "All events of a publish that fit the hub's maximum size land in one batch: the"
                    + " whole batch or nothing. A publish returns after the disk has the events;"
                    + " --no-sync returns sooner, and a power loss may then lose them.",
                "On a NATS JetStream cluster a publish returns once the partition's replicas"
                    + " acknowledged the events; a batch is not atomic there, and a publish that"
                    + " fails part-way says which events landed (see the README's Mapping).",
            ],
            positionals: [Positional("HUB", "the hub", completion: .hub),
                          Positional("BODY", "the event body", optional: true)],
            flags: [
                Flag("--key", short: "-k", value: "KEY", "partition key"),
                Flag("--partition", short: "-p", value: "P", "partition id",
                     completion: .partition),
                Flag("--property", value: "K=V", "application property (repeatable, one per key)",
                     repeatable: true),
                Flag("--content-type", value: "TYPE", "content type, such as application/json"),
                Flag("--count", short: "-n", value: "N", "publish N events (default 1)"),
                Flag("--rate", value: "N/s", "publish at most N events a second"),
                Flag("--file", short: "-f", value: "FILE", "one event body per line; - is stdin",
                     completion: .file),
                Flag("--body-file", value: "FILE",
                     "the whole file is one event body (repeatable: one event per file)",
                     repeatable: true, completion: .file),
                Flag("--envelope", "each line of --file is a JSON envelope"),
                Flag("--hex", "bodies are hex bytes"),
                Flag("--sample", value: "NAME", "events from a sample value stream",
                     completion: .sample),
                Flag("--generator", value: "NAME",
                     "events from a plugin's generator", completion: .generator),
                Flag("--seed", value: "N",
                     "seed for --sample or --generator, to repeat the same events"),
                Flag("--no-sync", "do not wait for the disk (faster; not power-loss safe)"),
            ],
            examples: [
                "publish orders '{\"orderId\":\"o-1\"}'",
                "publish orders --key customer-42 --property eventType=OrderPlaced"
                    + " '{\"total\":12}'",
                "publish orders --partition 2 --content-type text/plain hello",
                "publish orders --file events.jsonl",
                "publish orders --file envelopes.jsonl --envelope",
                "publish github --body-file push.json --content-type application/json",
                "publish orders --sample orders --count 1000 --no-sync",
                "publish orders --count 100 --rate 10/s tick",
                "publish telemetry --generator iot --count 500 --devices 20",
            ]),
        extraFlags: generatorOptions,
        run: run)

    /// The options of the generator that `--generator NAME` among `words` names, and the words
    /// whose `--help` lists them.
    static func generatorOptions(
        _ words: [String], _ context: ShellContext
    ) -> (flags: [Flag], helpWords: String?) {
        var name: String? = nil
        for (index, word) in words.enumerated() {
            if word == "--generator", index + 1 < words.count {
                name = words[index + 1]
            } else if word.hasPrefix("--generator=") {
                name = String(word.dropFirst("--generator=".count))
            }
        }
        guard let name, let (generator, plugin) = context.plugins.generator(named: name) else {
            return ([], nil)
        }
        return (
            generator.options.map { PluginAdapters.flag($0, plugin: plugin.name) },
            "publish --generator \(Quoting.quoted(name))"
        )
    }

    static func run(_ arguments: Arguments, _ context: ShellContext) throws {
        let hub = try context.log.hub(named: arguments.string(at: 0))
        let partition = try arguments.int("--partition")
        if let partition { try hub.check(partition: partition) }
        let key = arguments.string("--key")
        if key != nil && partition != nil {
            throw arguments.usageError(
                HubError.keyAndPartition.description, at: arguments.token("--partition"))
        }

        var sources = EventSources()
        sources.partitionKey = key
        sources.contentType = arguments.string("--content-type")
        var propertyTokens: [String: Token] = [:]
        for token in arguments.tokens("--property") {
            let (key, value) = try EventSources.property(token)
            // Neither value would be a clear winner: say so instead of keeping one silently.
            if let first = propertyTokens[key] {
                throw arguments.usageError(
                    "property '\(key)' is given twice ('\(first.text)' and '\(token.text)');"
                        + " give each property once", at: token)
            }
            propertyTokens[key] = token
            sources.properties.append((key, value))
        }

        var input = try collect(arguments, hub: hub, sources: sources, context)
        guard input.total > 0 else {
            throw CommandFailure("nothing to publish: the input has no events")
        }
        // Hooks and a rejecting schema must see every event before the first is appended.
        if !context.plugins.hooks.isEmpty || hub.schema?.onInvalid == .reject {
            input = input.listedWhole()
        }

        let durability: Durability = arguments.has("--no-sync") ? .noSync : .durable
        let rate = try rateLimit(arguments)
        let json = context.output.wantsJSON(arguments)
        var summary = PublishSummary()
        var deadLettered = 0
        var deadLetterHub: String?
        let paceStart = Timestamp.now()
        defer {
            let stoppedEarly = context.isInterrupted && summary.count < input.total
            // The terminal echoed ^C without a line break: start what follows on a line of its own.
            if stoppedEarly { context.output.endInterruptedLine() }
            SchemaEnforcement.noteDeadLetters(
                deadLettered, hub: hub.name, deadLetterHub: deadLetterHub, context: context)
            if !summary.isEmpty {
                report(summary, hub: hub.name, json: json, context: context)
            }
            if stoppedEarly {
                reportStoppedEarly(
                    published: summary.count, asked: input.total, json: json, context: context)
            }
            if durability == .noSync && !summary.isEmpty {
                context.output.note(
                    "published with --no-sync: the events survive a crash of hubsh, but a power"
                        + " loss may lose the last of them")
            }
        }
        while !context.isInterrupted {
            let start = input.handedOut
            let (given, perEventPartitions) = input.next(chunkSize)
            guard !given.isEmpty else { break }
            let events = try PublishHooks.apply(given, hub: hub.name, context: context)
            let checked = try SchemaEnforcement.apply(
                events, partitions: perEventPartitions, partition: partition, hub: hub,
                context: context)
            let lettered = try checked.appendDeadLetters(durability: durability, context: context)
            deadLettered += lettered?.landed.count ?? 0
            deadLetterHub = lettered?.hub ?? deadLetterHub
            var records = json
                ? PublishRecords(
                    start: start, lines: input.lines, letters: checked.deadLetters,
                    landed: lettered?.landed ?? [],
                    deadLetterHub: lettered?.hub ?? SchemaBinding.deadLetterHub(of: hub.name),
                    output: context.output)
                : nil
            // Dead letters that landed are printed even when the valid events do not follow.
            defer { records?.finish() }
            let routed = try context.router.route(
                checked.events, hub: hub, partition: partition, partitions: checked.partitions)
            let perBatch = rate.map(pacedBatchSize)
            var stored = 0
            for batch in try batches(routed, hub: hub, maxCount: perBatch) {
                if context.isInterrupted { break }
                let landed = try context.log.append(
                    hub: hub.name, batch: batch, durability: durability)
                summary.add(batch: landed)
                for metadata in landed {
                    records?.stored(metadata, position: checked.positions?[stored] ?? stored)
                    stored += 1
                }
                if json {
                    // Scripts (and the crash tests) count an event as published once printed.
                    context.output.standardOutput.flush()
                }
                if let rate {
                    // Keep to the schedule from the start, so that slow batches are made up.
                    let due = Double(paceStart) + 1000.0 * Double(summary.count) / rate
                    let wait = min(due - Double(Timestamp.now()), 7 * 86_400_000)
                    if wait > 0 { _ = context.sleep(millis: Int64(wait)) }
                }
            }
        }
    }

    /// Copies of one BODY made at a time (see `PublishInput`).
    static let chunkSize = 10_000

    /// The events to publish, and the partition each names (from envelopes).
    static func collect(
        _ arguments: Arguments, hub: HubProperties, sources: EventSources,
        _ context: ShellContext
    ) throws -> PublishInput {
        let count = try arguments.int("--count", range: 1...100_000_000)
        let body = arguments.positional(1)
        let givenSources = [
            body != nil, arguments.has("--file"), arguments.has("--body-file"),
            arguments.has("--sample"), arguments.has("--generator"),
        ].filter { $0 }.count
        guard givenSources == 1 else {
            throw arguments.usageError(
                givenSources == 0
                    ? "nothing to publish: give a BODY, --file FILE, --sample NAME or"
                        + " --generator NAME"
                    : "give only one of BODY, --file, --body-file, --sample and --generator")
        }
        if arguments.has("--envelope") && !arguments.has("--file") {
            throw arguments.usageError("--envelope applies to --file; add --file FILE")
        }
        if arguments.has("--envelope") && arguments.has("--hex") {
            throw arguments.usageError(
                "--hex does not apply to --envelope; give binary bodies as bodyBase64")
        }
        if arguments.has("--seed") && !arguments.has("--sample") && !arguments.has("--generator") {
            throw arguments.usageError(
                "--seed applies to --sample and --generator; add --sample or --generator NAME")
        }

        if let file = arguments.string("--file") {
            if count != nil { throw arguments.usageError("--count does not apply to --file") }
            let bytes = try EventSources.read(file: file, context: context)
            if arguments.has("--envelope") {
                let read = try sources.envelopeEvents(bytes, file: file, hub: hub)
                return .listed(read.events, partitions: read.partitions, lines: read.lines)
            }
            let read = try sources.plainEvents(
                bytes, hex: arguments.has("--hex"), file: file, hub: hub)
            return .listed(read.events, partitions: nil, lines: read.lines)
        }
        let bodyFiles = arguments.strings("--body-file")
        if !bodyFiles.isEmpty {
            if count != nil {
                throw arguments.usageError("--count does not apply to --body-file")
            }
            let events = try bodyFiles.map { file in
                sources.event(body: try EventSources.read(file: file, context: context))
            }
            return .listed(events, partitions: nil)
        }
        if let sample = arguments.token("--sample") {
            let seed = try arguments.int("--seed").map { UInt64(truncatingIfNeeded: $0) }
            let events = try SamplePublishing.events(
                sample, count: count ?? 1, seed: seed, sources: sources, arguments: arguments)
            return .listed(events, partitions: nil)
        }
        if let generator = arguments.token("--generator") {
            let seed = try arguments.int("--seed").map { UInt64(truncatingIfNeeded: $0) }
            let events = try GeneratorPublishing.events(
                generator, count: count ?? 1, seed: seed, hub: hub, sources: sources,
                arguments: arguments, context: context)
            return .listed(events, partitions: nil)
        }

        var bytes = Array(body!.text.utf8)
        if arguments.has("--hex") {
            guard let decoded = BodyText.bytes(hex: body!.text) else {
                throw arguments.usageError(
                    "BODY is not hex; write bytes as pairs of hex digits like 00ff0a", at: body)
            }
            bytes = decoded
        }
        return .repeated(sources.event(body: bytes), count: count ?? 1)
    }

    /// `--rate 100/s` or `--rate 100`: events per second.
    static func rateLimit(_ arguments: Arguments) throws -> Double? {
        guard let token = arguments.token("--rate") else { return nil }
        var text = token.text
        if text.hasSuffix("/s") { text.removeLast(2) }
        guard let rate = Double(text), (0.01...10_000_000).contains(rate) else {
            throw arguments.usageError(
                "--rate needs 0.01 to 10,000,000 events per second, such as 100/s, not"
                    + " '\(token.text)'", at: token)
        }
        return rate
    }

    /// How many events go in one batch at `rate`: about 20 ms worth, so a fast rate does not
    /// pay one disk flush per event, and a slow one still sends each event on time.
    static func pacedBatchSize(_ rate: Double) -> Int {
        max(1, Int(rate / 50))
    }

    /// Splits events into batches that each fit the hub's maximum size and hold at most
    /// `maxCount` events. An event that can never fit stops everything before anything is
    /// published.
    static func batches(_ events: [RoutedEvent], hub: HubProperties, maxCount: Int?) throws
        -> [[RoutedEvent]]
    {
        var batches: [[RoutedEvent]] = []
        var current: [RoutedEvent] = []
        var size = 0
        for (index, event) in events.enumerated() {
            let eventSize = event.data.size
            guard eventSize <= hub.maxEventSize else {
                throw HubError.eventTooLarge(
                    index: index, size: eventSize, max: hub.maxEventSize, hub: hub.name)
            }
            let full = maxCount.map { current.count >= $0 } ?? false
            if !current.isEmpty && (full || size + eventSize > hub.maxEventSize) {
                batches.append(current)
                current = []
                size = 0
            }
            current.append(event)
            size += eventSize
        }
        if !current.isEmpty { batches.append(current) }
        return batches
    }

    /// Says that Ctrl-C stopped a publish before all its events went out: a note for a person,
    /// and for scripts a last JSON line `{"interrupted":true,"published":N,"requested":M}`.
    static func reportStoppedEarly(
        published: Int, asked: Int, json: Bool, context: ShellContext
    ) {
        StoppedEarly.report(
            done: published, asked: asked, verb: "published", json: json, context: context)
    }

    static func report(
        _ summary: PublishSummary, hub: String, json: Bool, context: ShellContext
    ) {
        guard !json else { return }
        let output = context.output
        if summary.count <= PublishSummary.listedLimit {
            output.table(
                [.init("PARTITION", numeric: true), .init("SEQ", numeric: true),
                 .init("OFFSET", numeric: true), .init("ENQUEUED")],
                summary.first.map {
                    [String($0.partition), String($0.sequenceNumber), String($0.offset),
                     Timestamp.format($0.enqueuedTime)]
                })
        } else {
            output.table(
                [.init("PARTITION", numeric: true), .init("EVENTS", numeric: true),
                 .init("FIRST SEQ", numeric: true), .init("LAST SEQ", numeric: true)],
                summary.byPartition.keys.sorted().map { partition in
                    let entry = summary.byPartition[partition]!
                    return [String(partition), String(entry.count), String(entry.first),
                            String(entry.last)]
                })
        }
        let plural = summary.count == 1 ? "" : "s"
        let batchText = summary.batches == 1 ? "1 batch" : "\(summary.batches) batches"
        output.note("published \(summary.count) event\(plural) to hub '\(hub)' in \(batchText)")
    }
}
