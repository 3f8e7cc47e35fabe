import HubPluginAPI

/// Events as CSV (RFC 4180): a header row, then one record per event.
///
///     partition,sequenceNumber,offset,enqueuedTime,partitionKey,contentType,properties,body
///     0,14,1834,2026-12-03T10:15:30.250Z,customer-42,,eventType=OrderPlaced,"{""id"":1}"
///
/// Properties are `name=value` pairs joined by `;`. A body that is not UTF-8 text is written as
/// `base64:` and its Base64 text.
final class CSVFormatter: EventFormatter {
    static let columns = [
        "partition", "sequenceNumber", "offset", "enqueuedTime", "partitionKey", "contentType",
        "properties", "body",
    ]

    func header() -> [String] {
        [CSVFormatter.columns.joined(separator: ",")]
    }

    func lines(for stored: StoredEvent) -> [String] {
        let event = stored.event
        let fields = [
            String(stored.partition), String(stored.sequenceNumber), String(stored.offset),
            Timestamp.iso8601(stored.enqueuedTime), event.partitionKey ?? "",
            event.contentType ?? "",
            event.properties.map { "\($0.name)=\($0.value.text)" }.joined(separator: ";"),
            event.text ?? "base64:" + Base64.encode(event.body),
        ]
        return [fields.map(CSVFormatter.field).joined(separator: ",")]
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
