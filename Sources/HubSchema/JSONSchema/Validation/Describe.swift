import HubCore

/// Short renderings of values for error messages.
enum Describe {
    /// The value as compact JSON, cut to about 60 characters.
    static func value(_ value: JSONValue) -> String {
        let text = value.text
        guard text.count > 60 else { return text }
        return String(text.prefix(57)) + "..."
    }

    /// `a string`, `an object`, `an integer`...
    static func kind(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number(let literal):
            return ExactDecimal(literal)?.isInteger == true ? "an integer" : "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// `"a", "b" or "c"` for up to `limit` values, then `and N more`.
    static func list(_ values: [JSONValue], limit: Int = 10) -> String {
        let shown = values.prefix(limit).map { value($0) }
        var text = shown.count <= 1 ? shown.joined()
            : shown.dropLast().joined(separator: ", ") + " or " + shown.last!
        if values.count > limit { text += " (and \(values.count - limit) more)" }
        return text
    }

    static func names(_ names: [String], limit: Int = 12) -> String {
        list(names.map(JSONValue.string), limit: limit)
    }

    /// `1 item`, `3 items`; `plural` for nouns that do not just take an s.
    static func plural(_ count: Int, _ noun: String, _ plural: String? = nil) -> String {
        count == 1 ? "1 \(noun)" : "\(count) " + (plural ?? noun + "s")
    }
}
