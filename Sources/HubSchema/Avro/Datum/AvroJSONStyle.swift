/// How `AvroDecoder` writes a decoded value as JSON.
public enum AvroJSONStyle: Sendable {
    /// What people publish: union values bare, logical types readable (decimals as exact
    /// numbers, dates and timestamps as ISO 8601 text, durations as objects).
    case natural
    /// Avro's JSON encoding: a non-null union value wrapped as `{"type": value}`, logical types
    /// as their underlying values. Encoding it again gives back the same bytes, with one caveat:
    /// a decimal whose raw bytes read as number text (the single byte `"1"`, say) is taken as
    /// that number.
    case avro
}
