import HubPluginAPI

/// Events as CSV (RFC 4180): a header row, then one record per event.
///
///     partition,sequenceNumber,offset,enqueuedTime,partitionKey,contentType,properties,
///     bodyEncoding,body
///     0,14,1834,2026-12-03T10:15:30.250Z,customer-42,,eventType=OrderPlaced,text,"{""id"":1}"
///
/// Properties are `name=value` pairs joined by `;`, with `%`, `;` and `=` inside names and
/// values written as `%25`, `%3B` and `%3D`, so every list reads back one way. `bodyEncoding`
/// is `text` for a UTF-8 body and `base64` for any other, whose body is then Base64 text.
final class CSVFormatter: EventFormatter {
    static let columns = [
        "partition", "sequenceNumber", "offset", "enqueuedTime", "partitionKey", "contentType",
        "properties", "bodyEncoding", "body",
    ]

    func header() -> [String] {
        [CSVFormatter.columns.joined(separator: ",")]
    }

    func lines(for stored: StoredEvent) -> [String] {
        let event = stored.event
        let fields = [
            String(stored.partition), String(stored.sequenceNumber), String(stored.offset),
            PluginTime.iso8601(stored.enqueuedTime), event.partitionKey ?? "",
            event.contentType ?? "",
            event.properties.map {
                CSVFormatter.escape($0.name) + "=" + CSVFormatter.escape($0.value.text)
            }.joined(separator: ";"),
            event.text == nil ? "base64" : "text",
            event.text ?? Base64.encode(event.body),
        ]
        return [fields.map(CSVFormatter.field).joined(separator: ",")]
    }

    /// `%`, `;` and `=` percent-encoded, so that property lists split one way only.
    static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "%" || $0 == ";" || $0 == "=" }) else { return text }
        var out = ""
        for character in text {
            switch character {
            case "%": out += "%25"
            case ";": out += "%3B"
            case "=": out += "%3D"
            default: out.append(character)
            }
        }
        return out
    }

    /// A field quoted when it holds a comma, a quote or a line break; quotes inside doubled.
    static func field(_ text: String) -> String {
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0.isNewline }
        guard needsQuotes else { return text }
        var quoted = "\""
        for character in text {
            if character == "\"" { quoted.append("\"") }
            quoted.append(character)
        }
        return quoted + "\""
    }
}
