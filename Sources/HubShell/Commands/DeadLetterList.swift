import HubCore

/// `deadletter list HUB`: the events that failed `HUB`'s schema, with why.
enum DeadLetterList {
    static let command = Command(
        CommandSpec(
            ["deadletter", "list"], summary: "list a hub's dead-lettered events and why",
            details: [
                "Shows each event of HUB.deadletter with the reason, the schema version it"
                    + " failed, its errors and whether it was replayed.",
            ],
            positionals: [Positional("HUB", "the hub whose dead letters to list",
                                     completion: .hub)],
            flags: [Flag("--pending", "only events not replayed yet")],
            examples: ["deadletter list payments", "deadletter list payments --json"]),
        run: { arguments, context in
            let hub = arguments.string(at: 0)
            var letters = try DeadLetterRecords.load(origin: hub, context: context).letters
            if arguments.has("--pending") { letters.removeAll { $0.replayedTo != nil } }
            if context.output.wantsJSON(arguments) {
                letters.forEach { context.output.json(DeadLetterList.json($0)) }
                return
            }
            let output = context.output
            for letter in letters {
                let event = letter.event
                let text = { (name: String) in
                    DeadLetter.property(name, of: event.data)?.text ?? "-"
                }
                output.line(
                    output.style(.cyan, "partition \(event.partition)") + "  "
                        + output.style(.bold, "seq \(event.sequenceNumber)") + "  "
                        + output.style(.dim, Timestamp.format(event.enqueuedTime)) + "  "
                        + text(DeadLetter.reason) + "  schema \(text(DeadLetter.schema))"
                        + " v\(text(DeadLetter.schemaVersion))  "
                        + (letter.replayedTo.map { "replayed \($0)" } ?? "pending"))
                output.line("  errors: " + Visible.text(text(DeadLetter.errors)))
                output.line("  " + DeadLetterList.preview(event.data.body))
            }
            let pending = letters.filter { $0.replayedTo == nil }.count
            output.note(
                "\(letters.count) dead-lettered event\(letters.count == 1 ? "" : "s") of hub"
                    + " '\(hub)', \(pending) pending")
        })

    static func json(_ letter: DeadLetterRecords.Letter) -> JSONValue {
        guard case .object(var members) = EventJSON.received(letter.event) else { return .null }
        let property = { (name: String) -> JSONValue in
            DeadLetter.property(name, of: letter.event.data)?.json ?? .null
        }
        members.append(("reason", property(DeadLetter.reason)))
        members.append(("errors", property(DeadLetter.errors)))
        members.append(("schema", property(DeadLetter.schema)))
        members.append(("schemaVersion", property(DeadLetter.schemaVersion)))
        members.append(("replayed", .bool(letter.replayedTo != nil)))
        return .object(members)
    }

    /// The body as one line of at most 200 characters; `read --partition P --from seq:N`
    /// shows all of it.
    static func preview(_ body: [UInt8]) -> String {
        let limit = 200
        guard let text = BodyText.printable(body) else { return BodyText.binary(body) }
        let line = Visible.text(text)
        guard line.count > limit else { return line }
        return String(line.prefix(limit)) + "… (\(ByteSize.format(Int64(body.count))) in all)"
    }
}
