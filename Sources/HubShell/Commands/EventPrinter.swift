import HubCore

/// Prints received events for `read`, `tail` and `consume`: JSON lines for scripts, or two
/// lines per event for a person (where it is, then the body).
///
///     partition 2  seq 14  offset 1834  2026-12-03T10:15:30.250Z  key customer-42  note='a b'
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
        if let key = event.data.partitionKey { header.append("key " + Visible.text(key)) }
        if let type = event.data.contentType {
            header.append(output.style(.dim, Visible.text(type)))
        }
        if !event.data.properties.isEmpty {
            // Quoted as the shell would read them, so `x='1 2' y=3` parses one way.
            let properties = event.data.properties.map {
                Visible.text(Quoting.quoted($0.0) + "=" + Quoting.quoted($0.1.text))
            }
            header.append(output.style(.magenta, properties.joined(separator: " ")))
        }
        output.line(header.joined(separator: "  "))
        if let text = BodyText.printable(event.data.body) {
            output.line("  " + Visible.text(text, keepLines: true))
        } else {
            output.line("  " + output.style(.yellow, BodyText.binary(event.data.body)))
        }
    }
}

/// Text made safe to show on a terminal: control characters (escape sequences among them)
/// are written as `\u{1b}` instead of being sent to the terminal.
enum Visible {
    /// `text` with control characters escaped; with `keepLines`, line breaks and tabs stay and
    /// every line after the first is indented two spaces under the event's header.
    static func text(_ text: String, keepLines: Bool = false) -> String {
        let needsWork = text.utf8.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }
        guard needsWork else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A where keepLines: out += "\n  "
            // Only a body's `\r\n` gets here with keepLines (see `BodyText.printable`).
            case 0x0D where keepLines: continue
            case 0x09 where keepLines: out += "\t"
            case 0x00..<0x20, 0x7F, 0x80..<0xA0:
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
