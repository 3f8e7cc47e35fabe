import HubPluginAPI

/// Events as logfmt: one line of `key=value` pairs per event, which log tools such as Loki and
/// Grafana read without a parser of their own.
///
///     ts=2026-12-03T10:15:30.250Z partition=0 seq=14 offset=1834 key=customer-42 body="{\"id\":1}"
///
/// Properties become `prop.NAME=value`. A value is quoted when it is empty or holds a space, a
/// `=` or a quote.
final class LogfmtFormatter: EventFormatter {
    func lines(for stored: StoredEvent) -> [String] {
        let event = stored.event
        var pairs = [
            ("ts", PluginTime.iso8601(stored.enqueuedTime)),
            ("partition", String(stored.partition)),
            ("seq", String(stored.sequenceNumber)), ("offset", String(stored.offset)),
        ]
        if let key = event.partitionKey { pairs.append(("key", key)) }
        if let type = event.contentType { pairs.append(("contentType", type)) }
        for property in event.properties {
            pairs.append(("prop." + property.name, property.value.text))
        }
        if let text = event.text {
            pairs.append(("body", text))
        } else {
            pairs.append(("bodyBase64", Base64.encode(event.body)))
        }
        return [pairs.map { "\($0.0)=\(LogfmtFormatter.value($0.1))" }.joined(separator: " ")]
    }

    static func value(_ text: String) -> String {
        let plain = !text.isEmpty && !text.contains {
            $0 == " " || $0 == "=" || $0 == "\"" || $0 == "\\" || $0.isNewline || $0 == "\t"
        }
        if plain { return text }
        var quoted = "\""
        for character in text {
            switch character {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\r": quoted += "\\r"
            case "\t": quoted += "\\t"
            default: quoted.append(character)
            }
        }
        return quoted + "\""
    }
}
