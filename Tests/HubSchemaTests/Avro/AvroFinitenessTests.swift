import HubCore
import HubSchema
import XCTest

final class AvroFinitenessTests: XCTestCase {
    func testRecordThatAlwaysContainsItselfIsRefused() {
        let selfish = #"{"type":"record","name":"R","fields":[{"name":"r","type":"R"}]}"#
        XCTAssertThrowsError(try AvroSchema.parse(text: selfish)) {
            XCTAssertTrue("\($0)".contains("record 'R' always contains itself"), "\($0)")
        }
    }

    func testMutualRecursionWithoutAnExitIsRefused() {
        let pair = #"{"type":"record","name":"A","fields":[{"name":"b","type":{"type":"record","#
            + #""name":"B","fields":[{"name":"a","type":"A"}]}}]}"#
        XCTAssertThrowsError(try AvroSchema.parse(text: pair))
    }

    func testRecursionThatCanEndIsAccepted() throws {
        let list = #"{"type":"record","name":"Node","fields":[{"name":"v","type":"int"},"#
            + #"{"name":"next","type":["null","Node"]}]}"#
        let tree = #"{"type":"record","name":"T","fields":[{"name":"kids","#
            + #""type":{"type":"array","items":"T"}}]}"#
        XCTAssertNoThrow(try AvroSchema.parse(text: list))
        XCTAssertNoThrow(try AvroSchema.parse(text: tree))
    }
}
