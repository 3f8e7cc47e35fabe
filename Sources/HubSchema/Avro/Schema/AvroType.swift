import HubCore

/// One node of a parsed Avro schema.
///
/// A named type (record, enum, fixed) appears in full where the schema defines it and as
/// `.reference` everywhere after, exactly as the schema text does; `AvroSchema.resolve(_:)` turns a
/// reference back into its definition. For example `{"type":"array","items":"string"}` parses to
/// `.array(.string)`.
public indirect enum AvroType: Sendable, Equatable {
    case null
    case boolean
    case int
    case long
    case float
    case double
    case bytes
    case string
    case record(AvroRecord)
    case enumeration(AvroEnum)
    case array(AvroType)
    case map(AvroType)
    case union([AvroType])
    case fixed(AvroFixed)
    /// A named type defined earlier in the schema (or the record being defined, for recursion).
    case reference(AvroName)
    /// A primitive annotated with a logical type that is valid for it; the binary encoding is the
    /// underlying type's. Logical types of a fixed live in `AvroFixed.logicalType`.
    case logical(AvroLogicalType, AvroType)

    /// The name used in messages and in Avro's JSON encoding of unions: `int`, `array`, `map`,
    /// or the full name of a named type.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .boolean: return "boolean"
        case .int: return "int"
        case .long: return "long"
        case .float: return "float"
        case .double: return "double"
        case .bytes: return "bytes"
        case .string: return "string"
        case .record(let record): return record.name.fullName
        case .enumeration(let enumeration): return enumeration.name.fullName
        case .fixed(let fixed): return fixed.name.fullName
        case .reference(let name): return name.fullName
        case .array: return "array"
        case .map: return "map"
        case .union: return "union"
        case .logical(_, let underlying): return underlying.typeName
        }
    }

    /// The type without its logical annotation.
    var underlying: AvroType {
        if case .logical(_, let base) = self { return base }
        return self
    }

    static let primitiveNames: [String: AvroType] = [
        "null": .null, "boolean": .boolean, "int": .int, "long": .long,
        "float": .float, "double": .double, "bytes": .bytes, "string": .string,
    ]
}

/// A record: an ordered list of named fields.
public struct AvroRecord: Sendable, Equatable {
    public var name: AvroName
    public var aliases: [AvroName]
    public var doc: String?
    public var fields: [AvroField]
}

/// One field of a record.
public struct AvroField: Sendable, Equatable {
    public var name: String
    public var type: AvroType
    /// The default as written in the schema (Avro's JSON encoding of the field type; a union's
    /// default is a value of its first branch). Nil when the field has none.
    public var defaultValue: JSONValue?
    public var aliases: [String]
    public var order: AvroSortOrder
    public var doc: String?
}

/// How a field takes part in sorting records; kept for the normalized form only.
public enum AvroSortOrder: String, Sendable, Equatable {
    case ascending, descending, ignore
}

/// An enum: a fixed list of symbols, with an optional default that readers use for symbols they
/// do not know.
public struct AvroEnum: Sendable, Equatable {
    public var name: AvroName
    public var aliases: [AvroName]
    public var doc: String?
    public var symbols: [String]
    public var defaultSymbol: String?
}

/// A fixed-size byte string.
public struct AvroFixed: Sendable, Equatable {
    public var name: AvroName
    public var aliases: [AvroName]
    public var doc: String?
    public var size: Int
    /// `decimal`, `duration` or `uuid` when the schema gives one that fits this size.
    public var logicalType: AvroLogicalType?
}
