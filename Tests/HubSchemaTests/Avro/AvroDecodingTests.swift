import HubCore
import XCTest

@testable import HubSchema

/// Decoding trusts nothing in the bytes: corrupt input fails with a message, never a hang,
/// a huge allocation or a crash.
final class AvroDecodingTests: XCTestCase {
    func decodingError(_ bytes: [UInt8], _ schemaText: String) throws -> String? {
        do {
            let value = try AvroDecoder.decode(bytes, as: try avroSchema(schemaText))
            XCTFail("decoded \(value.text)")
        } catch let error as AvroDatumError {
            return error.description
        }
        return nil
    }

    func testCorruptInputIsRefusedWithAReason() throws {
        let huge: [UInt8] = [0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]
        let cases: [([UInt8], String, String)] = [
            (
                huge, #"{"type": "array", "items": "null"}"#,
                "/: block claims 4611686018427387903 items; the 0 bytes left cannot hold them"
                    + " (at byte 9)"
            ),
            (
                huge + [0x41], #""string""#,
                "/: length 4611686018427387903 exceeds the 1 bytes left (at byte 9)"
            ),
            ([0x01], #""bytes""#, "/: negative length -1 (at byte 1)"),
            (
                [0x02, 0x00], #""int""#,
                "/: 1 bytes left after the value (byte 1); the data was written with another schema"
            ),
            (
                [0x04], #"{"type": "enum", "name": "E", "symbols": ["A"]}"#,
                "/: enum index 2 is outside E's 1 symbols (at byte 1)"
            ),
            ([0x05], #""boolean""#, "/: boolean byte is 5, not 0 or 1 (at byte 1)"),
            ([0x04, 0xC3, 0x28], #""string""#, "/: string is not valid UTF-8 (at byte 3)"),
            (
                [0x06], #"["null", "int"]"#,
                "/: union branch 3 does not exist (2 branches) (at byte 1)"
            ),
            ([0x80, 0x80], #""long""#, "/: number at byte 0 is cut off (at byte 2)"),
            (
                [0xFE, 0xFF, 0xFF, 0xFF, 0x7F], #""int""#,
                "/: int value 17179869183 is out of range (at byte 5)"
            ),
            (
                Array(repeating: 0xFF, count: 11), #""long""#,
                "/: number at byte 0 is longer than 10 bytes (at byte 11)"
            ),
            ([0x00, 0x00], #""float""#, "/: needs 4 bytes; only 2 left (at byte 0)"),
            (
                [0x02, 0x02, 0x61, 0x02], #"{"type": "map", "values": "int"}"#,
                "/a: int value 1 ... "
            ),
        ]
        for (bytes, schemaText, expected) in cases.dropLast() {
            XCTAssertEqual(try decodingError(bytes, schemaText), expected, hex(bytes))
        }
    }

    func testDeeplyNestedDataStopsAtTheDepthLimit() throws {
        let schema =
            #"{"type": "record", "name": "Node", "fields": [{"name": "next","#
            + #" "type": ["null", "Node"]}]}"#
        let bytes = [UInt8](repeating: 0x02, count: 100_000) + [0x00]
        let error = try decodingError(bytes, schema)
        XCTAssertTrue(error?.contains("values nest too deeply") == true, error ?? "")
    }

    func testErrorsInsideStructuresCarryThePath() throws {
        let schema =
            #"{"type": "record", "name": "R", "fields": [{"name": "lines", "type":"#
            + #" {"type": "array", "items": {"type": "map", "values": "boolean"}}}]}"#
        // One line holding {"ok": 7}: 7 is not a boolean byte.
        let bytes: [UInt8] = [0x02, 0x02, 0x04, 0x6F, 0x6B, 0x07, 0x00, 0x00]
        XCTAssertEqual(
            try decodingError(bytes, schema),
            "/lines/0/ok: boolean byte is 7, not 0 or 1 (at byte 6)")
    }

    func testNegativeBlockCountsWithSizesAreRead() throws {
        // Avro allows a block to give its item count negated, followed by its size in bytes.
        let schema = try avroSchema(#"{"type": "array", "items": "int"}"#)
        let bytes: [UInt8] = [0x03, 0x04, 0x02, 0x04, 0x00]
        XCTAssertEqual(try AvroDecoder.decode(bytes, as: schema), try json("[1,2]"))
    }
}
