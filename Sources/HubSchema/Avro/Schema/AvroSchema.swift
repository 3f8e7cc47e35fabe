import HubCore

/// A parsed, validated Avro schema: the type tree, its identity and what libavro needs to encode.
///
/// ```swift
/// let schema = try AvroSchema.parse(text: #"{"type":"record","name":"Order","fields":[]}"#)
/// schema.canonicalForm   // {"name":"Order","type":"record","fields":[]}
/// schema.fingerprint     // CRC-64-AVRO of the canonical form
/// ```
///
/// Values are immutable and safe to share between threads.
public struct AvroSchema: Sendable, Equatable, CustomStringConvertible {
    /// The type tree, with named types defined at their first use and referenced after.
    public let root: AvroType
    /// Every record, enum and fixed by full name.
    public let definitions: [String: AvroType]
    /// Avro's Parsing Canonical Form: equal forms mean the same binary encoding.
    public let canonicalForm: String
    /// The 64-bit Rabin fingerprint (CRC-64-AVRO) of `canonicalForm`.
    public let fingerprint: UInt64
    /// The canonical form plus defaults, aliases, orders, docs, enum defaults and logical types:
    /// equal forms mean the same schema. Use it to tell "registering the same schema again" from
    /// a change that only touches defaults or aliases (which the canonical form drops).
    public let normalizedForm: String
    /// What was ignored while parsing, such as an unknown logical type.
    public let warnings: [AvroSchemaWarning]
    /// The schema in libavro, for binary encoding; nil when libavro cannot hold it.
    let native: Result<LibAvroSchema, AvroNativeUnavailable>

    /// Parses and validates schema JSON.
    ///
    /// Throws `AvroSchemaError` naming the offending node, such as
    /// `/fields/0/default: invalid default: expected int, got "x"`. With `validatingDefaults`
    /// false, a field default that does not match its type becomes a warning instead (as older
    /// Avro libraries accept such schemas); everything else is still checked.
    public static func parse(
        _ json: JSONValue, validatingDefaults: Bool = true
    ) throws -> AvroSchema {
        var parser = AvroSchemaParser()
        let root = try parser.parseRoot(json)
        try AvroFiniteness.check(parser.definitions)
        try parser.checkDefaults(strict: validatingDefaults)
        return AvroSchema(root: root, definitions: parser.definitions, warnings: parser.warnings)
    }

    /// Parses schema text; JSON syntax errors become `AvroSchemaError` at `/`.
    public static func parse(text: String, validatingDefaults: Bool = true) throws -> AvroSchema {
        let json: JSONValue
        do {
            json = try JSONValue.parse(text)
        } catch let error as JSONParseError {
            throw AvroSchemaError(path: "/", message: "not valid JSON: \(error)")
        }
        return try parse(json, validatingDefaults: validatingDefaults)
    }

    private init(root: AvroType, definitions: [String: AvroType], warnings: [AvroSchemaWarning]) {
        self.root = root
        self.definitions = definitions
        self.warnings = warnings
        canonicalForm = AvroCanonicalForm.json(of: root, shape: .parsing).text
        fingerprint = AvroFingerprint.of(canonicalForm.utf8)
        normalizedForm = AvroCanonicalForm.json(of: root, shape: .normalized).text
        native = LibAvroSchema.make(canonicalForm: canonicalForm)
    }

    /// The definition behind a `.reference`; any other type unchanged.
    public func resolve(_ type: AvroType) -> AvroType {
        guard case .reference(let name) = type else { return type }
        return definitions[name.fullName] ?? type
    }

    /// Schemas are equal when their normalized forms are.
    public static func == (lhs: AvroSchema, rhs: AvroSchema) -> Bool {
        lhs.normalizedForm == rhs.normalizedForm
    }

    public var description: String { canonicalForm }
}
