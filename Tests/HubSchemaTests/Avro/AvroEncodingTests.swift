import HubCore
import XCTest

@testable import HubSchema

/// Encoding JSON bodies: the bytes the Avro specification gives, and errors that say where.
final class AvroEncodingTests: XCTestCase {
    func testEncodingMatchesTheSpecificationBytes() throws {
        let cases: [(schema: String, datum: String, bytes: String)] = [
            (#""null""#, "null", ""),
            (#""boolean""#, "true", "01"),
            (#""int""#, "0", "00"),
            (#""int""#, "-1", "01"),
            (#""int""#, "1", "02"),
            (#""int""#, "-64", "7f"),
            (#""int""#, "64", "80 01"),
            (#""long""#, "-9223372036854775808", "ff ff ff ff ff ff ff ff ff 01"),
            (#""float""#, "1.5", "00 00 c0 3f"),
            (#""double""#, "1.5", "00 00 00 00 00 00 f8 3f"),
            (#""string""#, #""foo""#, "06 66 6f 6f"),
            (#""bytes""#, #""\u00ff\u0000""#, "04 ff 00"),
            (#"{"type": "enum", "name": "E", "symbols": ["A", "B"]}"#, #""B""#, "02"),
            (#"{"type": "array", "items": "long"}"#, "[1, 2]", "04 02 04 00"),
            (#"{"type": "map", "values": "int"}"#, #"{"a": 1}"#, "02 02 61 02 00"),
            (#"["null", "string"]"#, #""a""#, "02 02 61"),
            (#"["null", "string"]"#, "null", "00"),
            (#"{"type": "fixed", "name": "F", "size": 2}"#, #""ab""#, "61 62"),
            (
                #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "long"},"#
                    + #" {"name": "b", "type": "string"}]}"#, #"{"a": 1, "b": "x"}"#, "02 02 78"
            ),
        ]
        for (schemaText, datum, expected) in cases {
            let bytes = try AvroEncoder.encode(json(datum), as: avroSchema(schemaText))
            XCTAssertEqual(hex(bytes), expected, "\(schemaText) \(datum)")
        }
    }

    func testLongsBeyondDoublePrecisionStayExact() throws {
        let schema = try avroSchema(#""long""#)
        let bytes = try AvroEncoder.encode(json("9007199254740993"), as: schema)
        XCTAssertEqual(try AvroDecoder.decode(bytes, as: schema), .number("9007199254740993"))
        let wholeForms = try ["9007199254740993.0", "90071992547409930e-1"].map {
            try AvroEncoder.encode(json($0), as: schema)
        }
        XCTAssertEqual(wholeForms, [bytes, bytes])
    }

    func testErrorsNameThePlaceInTheBody() throws {
        let schema = try avroSchema(
            """
            {"type": "record", "name": "Order", "fields": [
              {"name": "id", "type": "string"},
              {"name": "items", "type": {"type": "array", "items": {"type": "record",
                 "name": "Line", "fields": [{"name": "sku", "type": "string"},
                                            {"name": "qty", "type": "int"}]}}},
              {"name": "note", "type": ["null", "string"], "default": null},
              {"name": "tags", "type": {"type": "map", "values": "int"}, "default": {}}
            ]}
            """)
        let line = #"{"sku": "a", "qty": 1}"#
        let cases: [(String, String)] = [
            (
                #"{"id": "o", "items": [\#(line), \#(line), {"sku": "c", "qty": "x"}]}"#,
                #"/items/2/qty: expected int, got "x""#
            ),
            (
                #"{"id": "o", "items": [{"sku": "a", "qty": 2.5}]}"#,
                "/items/0/qty: expected int, got 2.5 (not a whole number)"
            ),
            (
                #"{"id": "o", "items": [{"sku": "a", "qty": 3000000000}]}"#,
                "/items/0/qty: 3000000000 is out of range for int (-2147483648...2147483647)"
            ),
            (
                #"{"id": "o", "items": [{"sku": "a"}]}"#,
                "/items/0/qty: missing field 'qty' of record Line, which has no default"
            ),
            (
                #"{"id": "o", "items": [], "colour": "red"}"#,
                "/colour: record Order has no field 'colour' (fields: id, items, note, tags)"
            ),
            (
                #"{"id": "o", "items": [], "note": 5}"#,
                "/note: expected one of [null, string], got 5"
            ),
            (
                #"{"id": "o", "items": [], "tags": {"a": true}}"#,
                "/tags/a: expected int, got true"
            ),
            (#"{"id": 7, "items": []}"#, "/id: expected string, got 7"),
            (#"[1]"#, "/: expected an object for record Order, got [1]"),
        ]
        for (datum, expected) in cases {
            XCTAssertEqual(avroDatumError(datum, schema), expected, datum)
        }
    }

    func testMissingFieldsTakeTheirDefaults() throws {
        let schema = try avroSchema(
            """
            {"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"},
              {"name": "b", "type": ["string", "null"], "default": "none"},
              {"name": "c", "type": {"type": "array", "items": "int"}, "default": [7]}]}
            """)
        let bytes = try AvroEncoder.encode(json(#"{"a": 1}"#), as: schema)
        XCTAssertEqual(
            try AvroDecoder.decode(bytes, as: schema), try json(#"{"a":1,"b":"none","c":[7]}"#))
    }

    func testUnionTakesTheFirstBranchTheBareValueFits() throws {
        let schema = try avroSchema(#"["null", "int", "long", "double", "string"]"#)
        let cases: [(String, String)] = [
            ("null", "00"), ("5", "02 0a"), ("3000000000", "04 80 f8 82 ad 16"),
            ("1.5", "06 00 00 00 00 00 00 f8 3f"), (#""5""#, "08 02 35"),
        ]
        for (datum, expected) in cases {
            XCTAssertEqual(hex(try AvroEncoder.encode(json(datum), as: schema)), expected, datum)
        }
    }

    func testUnionAcceptsAvroJSONEncodingWithTypeOrShortName() throws {
        let schema = try avroSchema(
            """
            ["null", "string", "long", {"type": "record", "name": "com.acme.Point",
              "fields": [{"name": "x", "type": "int"}]}]
            """)
        XCTAssertEqual(hex(try AvroEncoder.encode(json(#"{"long": 5}"#), as: schema)), "04 0a")
        XCTAssertEqual(
            hex(try AvroEncoder.encode(json(#"{"string": "a"}"#), as: schema)), "02 02 61")
        let full = try AvroEncoder.encode(json(#"{"com.acme.Point": {"x": 1}}"#), as: schema)
        let short = try AvroEncoder.encode(json(#"{"Point": {"x": 1}}"#), as: schema)
        let bare = try AvroEncoder.encode(json(#"{"x": 1}"#), as: schema)
        XCTAssertEqual(hex(full), "06 02")
        XCTAssertEqual(short, full)
        XCTAssertEqual(bare, full)
    }

    func testUnionValueThatReadsAsTwoBranchesIsRefused() throws {
        let schema = try avroSchema(#"["string", {"type": "map", "values": "string"}]"#)
        XCTAssertEqual(
            avroDatumError(#"{"string": "x"}"#, schema),
            "/: ambiguous union value: it is branch string in Avro's {\"type\": value} form and"
                + " also a plain map; write {\"map\": ...} to mean the map")
        let map = try AvroEncoder.encode(json(#"{"map": {"string": "x"}}"#), as: schema)
        XCTAssertEqual(try AvroDecoder.decode(map, as: schema), try json(#"{"string":"x"}"#))
        XCTAssertEqual(hex(try AvroEncoder.encode(json(#""x""#), as: schema)), "00 02 78")
    }

    func testUnionErrorPointsIntoTheOnlyBranchOfTheSameShape() throws {
        let schema = try avroSchema(
            """
            ["null", {"type": "record", "name": "P", "fields": [{"name": "x", "type": "int"}]}]
            """)
        XCTAssertEqual(avroDatumError(#"{"x": "1"}"#, schema), #"/x: expected int, got "1""#)
    }

    func testScalarMismatchesAreExplained() throws {
        let cases: [(String, String, String)] = [
            (
                #""bytes""#, #""\u0100""#,
                "/: bytes is written as a string of code points U+0000-U+00FF, one per byte;"
                    + " got U+100"
            ),
            (
                #"{"type": "fixed", "name": "F", "size": 2}"#, #""abc""#,
                "/: fixed F holds exactly 2 bytes; got 3"
            ),
            (
                #"{"type": "enum", "name": "E", "symbols": ["A", "B"]}"#, #""C""#,
                "/: 'C' is not a symbol of enum E (A, B)"
            ),
            (#""float""#, "1e39", "/: 1e39 is out of range for float"),
            (#""double""#, "1e400", "/: 1e400 is out of range for double"),
            (#""boolean""#, "1", "/: expected boolean, got 1"),
            (
                #"{"type": "map", "values": "int"}"#, #"{"a\u0000": 1}"#,
                "/a\u{0}: map keys cannot contain U+0000"
            ),
            (
                #"{"type": "map", "values": "int"}"#, #"{"a": 1, "a": 2}"#,
                "/a: map key 'a' is given twice"
            ),
            ("[]", "null", "/: the schema is an empty union, which has no values"),
        ]
        for (schemaText, datum, expected) in cases {
            XCTAssertEqual(avroDatumError(datum, try avroSchema(schemaText)), expected, datum)
        }
    }

    func testNonFiniteFloatsUseAvroJSONStrings() throws {
        let schema = try avroSchema(#""double""#)
        for text in ["NaN", "Infinity", "-Infinity"] {
            let bytes = try AvroEncoder.encode(.string(text), as: schema)
            XCTAssertEqual(try AvroDecoder.decode(bytes, as: schema), .string(text))
        }
    }

    func testStringsKeepEmbeddedNulAndNonASCIIText() throws {
        let schema = try avroSchema(#""string""#)
        let text = "a\u{0}b é 😀"
        let bytes = try AvroEncoder.encode(.string(text), as: schema)
        XCTAssertEqual(bytes.count, 1 + text.utf8.count)
        XCTAssertEqual(try AvroDecoder.decode(bytes, as: schema), .string(text))
    }

    func testValidateChecksWithoutEncoding() throws {
        let schema = try avroSchema(#"{"type": "array", "items": "int"}"#)
        XCTAssertNoThrow(try AvroEncoder.validate(json("[1, 2]"), as: schema))
        XCTAssertThrowsError(try AvroEncoder.validate(json(#"[1, "2"]"#), as: schema))
    }
}
