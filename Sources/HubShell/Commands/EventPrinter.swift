import HubCore

/// Prints received events for `read`, `tail` and `consume`: JSON lines for scripts, or two
/// lines per event for a person (where it is, then the body).
///
///     partition 2  seq 14  offset 1834  2026-12-03T10:15:30.250Z  key customer-42
///       {"orderId":"o-1"}
struct EventPrinter {
    let output: Output
    let json: Bool
    /// Include the hub's name in each event (when several hubs are printed together).
    var hub: String? = nil

    func print(_ event: ReceivedEvent) {
        if json {
            output.json(EventJSON.received(event, hub: hub))
            return
        }
        var header = [
            output.style(.cyan, "partition \(event.partition)"),
            output.style(.bold, "seq \(event.sequenceNumber)"),
            "offset \(event.offset)",
            output.style(.dim, Timestamp.format(event.enqueuedTime)),
        ]
        if let key = event.data.partitionKey { header.append("key \(key)") }
        if let type = event.data.contentType { header.append(output.style(.dim, type)) }
        if !event.data.properties.isEmpty {
            let properties = event.data.properties.map { "\($0.0)=\($0.1.text)" }
            header.append(output.style(.magenta, properties.joined(separator: " ")))
        }
        output.line(header.joined(separator: "  "))
        if let text = BodyText.utf8(event.data.body), !text.contains("\u{1B}") {
            output.line("  " + text.replacingOccurrences(of: "\n", with: "\n  "))
        } else {
            output.line(
                "  " + output.style(
                    .yellow,
                    "<\(event.data.body.count) bytes binary> \(BodyText.hex(event.data.body))"))
        }
    }
}
