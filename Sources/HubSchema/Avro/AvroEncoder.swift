import HubCore

/// Checks a JSON event body against a schema and encodes it as Avro binary.
///
/// ```swift
/// let bytes = try AvroEncoder.encode(.object([("id", .string("o-1"))]), as: schema)
/// ```
///
/// How JSON maps to Avro:
///
/// | Avro type | JSON accepted |
/// |---|---|
/// | null, boolean, string | `null`, `true`/`false`, a string |
/// | int, long | a number with a whole value (`2`, `2.0`, `2e3`), exact to the last digit |
/// | float, double | a number, or `"NaN"`, `"Infinity"`, `"-Infinity"` |
/// | bytes, fixed | a string of code points U+0000-U+00FF, one per byte (Avro's JSON form) |
/// | enum | a symbol string |
/// | array, map | an array; an object (keys without U+0000) |
/// | record | an object with the fields; a missing field takes its default; unknown keys fail |
/// | union | the bare value, taken as the first branch it fits; or Avro's `{"branch": value}`, |
/// |       | where `branch` is a type name (`string`, `map`, a full or unique short name). A |
/// |       | value that reads both ways as different branches is refused as ambiguous. |
/// | decimal | a number or numeric string such as `"12.30"`, exact, never rounded; or raw bytes |
/// | date, time-*, timestamp-*, local-timestamp-* | the underlying number, or ISO 8601 text |
/// | duration | `{"months": m, "days": d, "milliseconds": ms}` |
/// | uuid | its text `123e4567-e89b-12d3-a456-426614174000` |
///
/// The JSON is checked in Swift, so errors name the place (`/items/2/qty: expected int, got "x"`);
/// the bytes are then written by libavro (see `LibAvroWriter`).
public enum AvroEncoder {
    /// Encodes `datum`; throws `AvroDatumError` saying where it does not fit `schema`.
    public static func encode(_ datum: JSONValue, as schema: AvroSchema) throws -> [UInt8] {
        let reader = AvroJSONReader(definitions: schema.definitions, mode: .event)
        let value = try reader.read(datum, as: schema.root, at: AvroPath())
        switch schema.native {
        case .success(let native):
            return try LibAvroWriter.encode(value, with: native)
        case .failure(let unavailable):
            throw AvroDatumError(path: "/", message: "cannot encode: \(unavailable.reason)")
        }
    }

    /// Checks `datum` against `schema` without encoding it.
    public static func validate(_ datum: JSONValue, as schema: AvroSchema) throws {
        let reader = AvroJSONReader(definitions: schema.definitions, mode: .event)
        _ = try reader.read(datum, as: schema.root, at: AvroPath())
    }
}
