import HubCore
import XCTest

@testable import HubSchema

/// Encode with libavro, decode with hubsh's reader: two independent implementations that must
/// agree for every type, in both JSON styles.
final class AvroRoundTripTests: XCTestCase {
    /// Schema, a natural JSON datum (decoded back unchanged), and its Avro JSON encoding.
    static let cases: [(schema: String, natural: String, avro: String)] = [
        (#""null""#, "null", "null"),
        (#""boolean""#, "false", "false"),
        (#""int""#, "-2147483648", "-2147483648"),
        (#""long""#, "9223372036854775807", "9223372036854775807"),
        (#""float""#, "0.1", "0.1"),
        (#""double""#, "-1.0000000000000002", "-1.0000000000000002"),
        (#""bytes""#, #""\u0000\u0001\u00ff""#, #""\u0000\u0001\u00ff""#),
        (#""string""#, #""héllo""#, #""héllo""#),
        (#"{"type": "enum", "name": "E", "symbols": ["A", "B", "C"]}"#, #""C""#, #""C""#),
        (#"{"type": "fixed", "name": "F", "size": 3}"#, #""a\u0000z""#, #""a\u0000z""#),
        (#"{"type": "array", "items": "string"}"#, #"["a","",  "b"]"#, #"["a","","b"]"#),
        (#"{"type": "array", "items": "null"}"#, "[null,null]", "[null,null]"),
        (#"{"type": "map", "values": "double"}"#, #"{"x":1.5,"y":-2.0}"#, #"{"x":1.5,"y":-2.0}"#),
        (#"["null", "string", "long"]"#, "12", #"{"long":12}"#),
        (#"["null", "string", "long"]"#, "null", "null"),
        (
            #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"},"#
                + #" {"name": "b", "type": ["null", {"type": "array", "items": "R"}]}]}"#,
            #"{"a":1,"b":[{"a":2,"b":null},{"a":3,"b":[]}]}"#,
            #"{"a":1,"b":{"array":[{"a":2,"b":null},{"a":3,"b":{"array":[]}}]}}"#
        ),
        (
            #"{"type": "bytes", "logicalType": "decimal", "precision": 6, "scale": 2}"#,
            "-1234.50", #""\u00fe\u001d\u00c6""#
        ),
        (
            #"{"type": "fixed", "name": "Money", "size": 4, "logicalType": "decimal","#
                + #" "precision": 8, "scale": 3}"#, "12.345", #""\u0000\u0000\u00309""#
        ),
        (
            #"{"type": "string", "logicalType": "uuid"}"#,
            #""123e4567-e89b-12d3-a456-426614174000""#, #""123e4567-e89b-12d3-a456-426614174000""#
        ),
        (
            #"{"type": "fixed", "name": "U", "size": 16, "logicalType": "uuid"}"#,
            #""123e4567-e89b-12d3-a456-426614174000""#,
            #""\u0012>Eg\u00e8\u009b\u0012\u00d3\u00a4VBf\u0014\u0017@\u0000""#
        ),
        (#"{"type": "int", "logicalType": "date"}"#, #""2024-05-01""#, "19844"),
        (#"{"type": "int", "logicalType": "date"}"#, #""1969-12-31""#, "-1"),
        (#"{"type": "int", "logicalType": "time-millis"}"#, #""12:34:56.789""#, "45296789"),
        (#"{"type": "long", "logicalType": "time-micros"}"#, #""00:00:00.000001""#, "1"),
        (
            #"{"type": "long", "logicalType": "timestamp-millis"}"#,
            #""2024-05-01T12:00:00.123Z""#, "1714564800123"
        ),
        (
            #"{"type": "long", "logicalType": "timestamp-micros"}"#,
            #""1969-12-31T23:59:59.999999Z""#, "-1"
        ),
        (
            #"{"type": "long", "logicalType": "timestamp-nanos"}"#,
            #""1970-01-01T00:00:00.000000001Z""#, "1"
        ),
        (
            #"{"type": "long", "logicalType": "local-timestamp-millis"}"#,
            #""2024-05-01T12:00:00.000""#, "1714564800000"
        ),
        (
            #"{"type": "long", "logicalType": "local-timestamp-micros"}"#,
            #""2000-02-29T00:00:00.000000""#, "951782400000000"
        ),
        (
            #"{"type": "fixed", "name": "D", "size": 12, "logicalType": "duration"}"#,
            #"{"months":1,"days":2,"milliseconds":4294967295}"#,
            #""\u0001\u0000\u0000\u0000\u0002\u0000\u0000\u0000\u00ff\u00ff\u00ff\u00ff""#
        ),
    ]

    func testEveryTypeRoundTripsInBothJSONStyles() throws {
        for (schemaText, naturalText, avroText) in Self.cases {
            let schema = try avroSchema(schemaText)
            let natural = try json(naturalText)
            let bytes = try AvroEncoder.encode(natural, as: schema)
            let decodedNatural = try AvroDecoder.decode(bytes, as: schema)
            let decodedAvro = try AvroDecoder.decode(bytes, as: schema, style: .avro)
            XCTAssertEqual(decodedNatural.text, natural.text, schemaText)
            XCTAssertEqual(decodedAvro.text, try json(avroText).text, schemaText)
            XCTAssertEqual(try AvroEncoder.encode(decodedAvro, as: schema), bytes, schemaText)
        }
    }

    func testAvroStyleKeepsTheWrittenUnionBranch() throws {
        let schema = try avroSchema(#"["int", "long"]"#)
        let asLong = try AvroEncoder.encode(json(#"{"long": 5}"#), as: schema)
        let avro = try AvroDecoder.decode(asLong, as: schema, style: .avro)
        XCTAssertEqual(avro, try json(#"{"long":5}"#))
        XCTAssertEqual(try AvroEncoder.encode(avro, as: schema), asLong)
        XCTAssertEqual(try AvroDecoder.decode(asLong, as: schema), .number("5"))
    }

    func testLogicalTypesAlsoAcceptTheirUnderlyingNumbers() throws {
        let date = try avroSchema(#"{"type": "int", "logicalType": "date"}"#)
        XCTAssertEqual(
            try AvroEncoder.encode(json("19844"), as: date),
            try AvroEncoder.encode(json(#""2024-05-01""#), as: date))
        let stamp = try avroSchema(#"{"type": "long", "logicalType": "timestamp-millis"}"#)
        XCTAssertEqual(
            try AvroEncoder.encode(json(#""2024-05-01T14:00:00.123+02:00""#), as: stamp),
            try AvroEncoder.encode(json("1714564800123"), as: stamp))
    }

    func testLogicalTypeMistakesAreExplained() throws {
        let cases: [(String, String, String)] = [
            (
                #"{"type": "bytes", "logicalType": "decimal", "precision": 4, "scale": 2}"#,
                "1.234", "/: 1.234 has more than 2 digits after the point (the scale)"
            ),
            (
                #"{"type": "bytes", "logicalType": "decimal", "precision": 4, "scale": 2}"#,
                "123.4", "/: 123.4 has more than 4 digits (the precision)"
            ),
            (
                #"{"type": "int", "logicalType": "date"}"#, #""2023-02-29""#,
                #"/: expected a date as YYYY-MM-DD or days since 1970-01-01, got "2023-02-29""#
            ),
            (
                #"{"type": "long", "logicalType": "timestamp-millis"}"#, #""2024-05-01T12:00:00""#,
                "/: expected a timestamp as RFC 3339 like 2024-05-01T12:00:00.000Z or a number,"
                    + #" got "2024-05-01T12:00:00""#
            ),
            (
                #"{"type": "long", "logicalType": "timestamp-millis"}"#,
                #""2024-05-01T12:00:00.0001Z""#,
                "/: expected a timestamp as RFC 3339 like 2024-05-01T12:00:00.000Z or a number,"
                    + #" got "2024-05-01T12:00:00.0001Z""#
            ),
            (
                #"{"type": "string", "logicalType": "uuid"}"#, #""not-a-uuid""#,
                "/: expected a UUID like 123e4567-e89b-12d3-a456-426614174000, got \"not-a-uuid\""
            ),
        ]
        for (schemaText, datum, expected) in cases {
            XCTAssertEqual(avroDatumError(datum, try avroSchema(schemaText)), expected, datum)
        }
    }
}
