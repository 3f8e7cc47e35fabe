import HubCore
import XCTest

@testable import HubSchema

/// Parses schema text, failing the test with the error when it is rejected.
func avroSchema(
    _ text: String, file: StaticString = #filePath, line: UInt = #line
) throws -> AvroSchema {
    do {
        return try AvroSchema.parse(text: text)
    } catch {
        XCTFail("schema rejected: \(error)", file: file, line: line)
        throw error
    }
}

/// The error that parsing `text` throws, or a failure when it parses.
func avroSchemaError(
    _ text: String, file: StaticString = #filePath, line: UInt = #line
) -> AvroSchemaError? {
    do {
        let schema = try AvroSchema.parse(text: text)
        XCTFail("schema accepted: \(schema.canonicalForm)", file: file, line: line)
    } catch let error as AvroSchemaError {
        return error
    } catch {
        XCTFail("unexpected error \(error)", file: file, line: line)
    }
    return nil
}

func json(_ text: String) throws -> JSONValue { try JSONValue.parse(text) }

/// The error that encoding `datum` throws, or a failure when it encodes.
func avroDatumError(
    _ datum: String, _ schema: AvroSchema, file: StaticString = #filePath, line: UInt = #line
) -> String? {
    do {
        let bytes = try AvroEncoder.encode(json(datum), as: schema)
        XCTFail("encoded as \(bytes)", file: file, line: line)
    } catch let error as AvroDatumError {
        return error.description
    } catch {
        XCTFail("unexpected error \(error)", file: file, line: line)
    }
    return nil
}

func hex(_ bytes: [UInt8]) -> String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined(separator: " ")
}
