import HubSchema

/// One way an event fails its schema, in the terms both formats share.
///
///     /lines/0/quantity: 0 is less than the minimum of 1  (schema /properties/lines/...)
struct SchemaProblem: Sendable, Equatable, CustomStringConvertible {
    /// JSON Pointer into the event body; empty for the whole body.
    var instancePath: String
    /// Where in the schema the failing rule is: a JSON Pointer for JSON Schema, the Avro path
    /// for Avro.
    var schemaPath: String
    /// The JSON Schema keyword that failed; `avro` for Avro, `json` for a body that is no JSON.
    var keyword: String
    var message: String

    var description: String {
        (instancePath.isEmpty ? "(root)" : instancePath) + ": " + message
    }

    init(instancePath: String, schemaPath: String, keyword: String, message: String) {
        self.instancePath = instancePath
        self.schemaPath = schemaPath
        self.keyword = keyword
        self.message = message
    }

    init(_ error: ValidationError) {
        self.init(
            instancePath: error.instanceLocation, schemaPath: error.keywordLocation,
            keyword: error.keyword, message: error.message)
    }

    init(_ error: AvroDatumError) {
        let path = error.path == "/" ? "" : error.path
        self.init(instancePath: path, schemaPath: path, keyword: "avro", message: error.message)
    }

    /// The problems joined on one line, cut at `limit` characters: for dead-letter properties.
    static func summary(_ problems: [SchemaProblem], limit: Int = 1024) -> String {
        let text = problems.map(\.description).joined(separator: "; ")
        guard text.count > limit else { return text }
        return String(text.prefix(limit - 1)) + "…"
    }
}
