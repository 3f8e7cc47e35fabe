/// A value checked against a schema, in the shape of its binary encoding: the meeting point of
/// JSON reading (`AvroJSONReader`), libavro encoding (`LibAvroWriter`), binary decoding
/// (`AvroBinaryReader`) and JSON writing (`AvroJSONWriter`).
indirect enum AvroDatum: Sendable {
    case null
    case boolean(Bool)
    case int(Int32)
    case long(Int64)
    case float(Float)
    case double(Double)
    case bytes([UInt8])
    case string(String)
    /// Field values in the record's field order.
    case record([AvroDatum])
    /// The index of the symbol.
    case enumSymbol(Int)
    case array([AvroDatum])
    /// Entries in the order they were given or read.
    case map([(key: String, value: AvroDatum)])
    /// The branch index and its value.
    case union(Int, AvroDatum)
    case fixed([UInt8])
}

/// Why a datum does not fit its schema, with where: a JSON Pointer into the datum (for JSON
/// input) or into the decoded value (for binary input).
///
/// For example: `/items/2/qty: expected int, got "x"`.
public struct AvroDatumError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path.isEmpty ? "/" : path
        self.message = message
    }

    init(_ path: JSONPath, _ message: String) {
        self.init(path: path.description, message: message)
    }

    public var description: String { "\(path): \(message)" }
}
