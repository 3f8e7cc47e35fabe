import HubCore

/// Turns Avro binary back into JSON, for showing events in `read` and `tail`.
///
/// ```swift
/// let json = try AvroDecoder.decode(event.body, as: schema)   // {"id":"o-1","qty":2}
/// ```
///
/// The decoding is hubsh's own (see `AvroBinaryReader`): it checks every length and count
/// against the input, so a corrupt event or one written with another schema fails with an
/// `AvroDatumError` rather than hanging or exhausting memory.
public enum AvroDecoder {
    /// Decodes one value that must span all of `bytes`.
    public static func decode(
        _ bytes: [UInt8], as schema: AvroSchema, style: AvroJSONStyle = .natural
    ) throws -> JSONValue {
        var reader = AvroBinaryReader(bytes: bytes, definitions: schema.definitions)
        let datum = try reader.readAll(as: schema.root)
        return AvroJSONWriter(definitions: schema.definitions, style: style)
            .write(datum, as: schema.root)
    }
}
