import HubCore

/// One reason a new schema version is refused by its group's compatibility mode, in the terms
/// both formats share.
struct SchemaIncompatibility: Sendable, Equatable, CustomStringConvertible {
    /// The earlier version it conflicts with.
    var againstVersion: Int
    /// Where in the schema: a JSON Pointer for JSON Schema, a field path for Avro.
    var path: String
    /// The stable id of the rule that fired, such as `required-added`.
    var rule: String
    /// `backward` or `forward`.
    var breaks: String
    var message: String

    var description: String {
        "\(path.isEmpty ? "(root)" : path): [\(rule)] \(message)"
            + " (breaks \(breaks) compatibility with version \(againstVersion))"
    }

    var json: JSONValue {
        .object([
            ("againstVersion", .int(againstVersion)), ("path", .string(path)),
            ("rule", .string(rule)), ("breaks", .string(breaks)), ("message", .string(message)),
        ])
    }
}
