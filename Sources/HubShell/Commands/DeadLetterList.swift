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
            let records = try DeadLetterRecords.load(origin: arguments.string(at: 0),
                                                     context: context)
            var letters = records.letters
            if arguments.has("--pending") { letters.removeAll { $0.replayedTo != nil } }
            if context.output.wantsJSON(arguments) {
                letters.forEach { context.output.json(DeadLetterList.json($0)) }
                return
            }
            let output = context.output
            for letter in letters {
                let event = letter.event
                output.line(
                    output.style(.cyan, "partition \(event.partition)") + "  "
                        + output.style(.bold, "seq \(event.sequenceNumber)") + "  "
                        + output.style(.dim, Timestamp.format(event.enqueuedTime)) + "  "
                        + DeadLetterList.why(event.data) + "  "
                        + (letter.replayedTo.map { "replayed \($0)" } ?? "pending"))
                if let errors = DeadLetter.property(DeadLetter.errors, of: event.data) {
                    output.line("  errors: " + Visible.text(errors.text))
                }
                output.line("  " + DeadLetterList.preview(event.data.body))
            }
            let pending = letters.filter { $0.replayedTo == nil }.count
            output.note(
                "\(letters.count) dead-lettered event\(letters.count == 1 ? "" : "s") of hub"
                    + " '\(records.origin)', \(pending) pending")
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

    /// `invalid  schema orders/order v2`: the reason and the schema version an event failed, as
    /// far as its properties say. An event published into the dead-letter hub by hand has
    /// none of them, and says so instead of showing empty fields.
    static func why(_ data: EventData) -> String {
        let text = { (name: String) in
            DeadLetter.property(name, of: data).map { Visible.text($0.text) }
        }
        guard let reason = text(DeadLetter.reason) else {
            return "no reason recorded (not dead-lettered by hubsh)"
        }
        guard let schema = text(DeadLetter.schema) else { return reason }
        let version = text(DeadLetter.schemaVersion).map { " v" + $0 } ?? ""
        return reason + "  schema " + schema + version
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
