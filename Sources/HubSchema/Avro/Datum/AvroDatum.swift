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
