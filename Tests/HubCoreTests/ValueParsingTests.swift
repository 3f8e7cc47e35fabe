import HubCore
import XCTest

final class ValueParsingTests: XCTestCase {
    func testRetentionFormsParseToMilliseconds() {
        XCTAssertEqual(Retention.parse("30m"), 30 * 60_000)
        XCTAssertEqual(Retention.parse("36h"), 36 * 3_600_000)
        XCTAssertEqual(Retention.parse("7d"), 7 * 86_400_000)
        XCTAssertEqual(Retention.parse("1d12h"), 36 * 3_600_000)
        XCTAssertEqual(Retention.parse("1.5d"), 36 * 3_600_000)
        XCTAssertEqual(Retention.parse("7D"), 7 * 86_400_000)
        XCTAssertEqual(Retention.parse("2w"), 14 * 86_400_000)
        for bad in ["", "7", "d", "7x", "-1d", "1.5.h", "1d 12h", "1e3d", "99999999999999999999d"] {
            XCTAssertNil(Retention.parse(bad), bad)
        }
        XCTAssertEqual(Retention.format(36 * 3_600_000), "1d12h")
        XCTAssertEqual(Retention.format(7 * 86_400_000), "7d")
    }

    func testByteSizesParseWithUnits() {
        XCTAssertEqual(ByteSize.parse("1048576"), 1_048_576)
        XCTAssertEqual(ByteSize.parse("256KiB"), 262_144)
        XCTAssertEqual(ByteSize.parse("1MiB"), 1_048_576)
        XCTAssertNil(ByteSize.parse("1GiB"))
        XCTAssertNil(ByteSize.parse("abc"))
    }

    func testTimestampsRoundTripInUTCWithMilliseconds() {
        let millis: Int64 = 1_796_292_930_250
        let text = Timestamp.format(millis)
        XCTAssertEqual(text, "2026-12-03T10:15:30.250Z")
        XCTAssertEqual(Timestamp.parse(text), millis)
        XCTAssertEqual(Timestamp.parse("2026-12-03T11:15:30.25+01:00"), millis)
        XCTAssertEqual(Timestamp.parse("2026-12-03"), 1_796_256_000_000)
        XCTAssertEqual(Timestamp.format(0), "1970-01-01T00:00:00.000Z")
        XCTAssertEqual(Timestamp.parse("2024-02-29T00:00:00Z"), 1_709_164_800_000)
        for bad in ["2026-13-01", "2026-02-30", "2026-12-03T25:00", "yesterday", "2026-12-03Tx"] {
            XCTAssertNil(Timestamp.parse(bad), bad)
        }
    }

    func testPositionsParseEveryForm() throws {
        XCTAssertEqual(try EventPosition.parse("earliest"), .earliest)
        XCTAssertEqual(try EventPosition.parse("latest"), .latest)
        XCTAssertEqual(try EventPosition.parse("seq:12"), .sequenceNumber(12, inclusive: true))
        XCTAssertEqual(
            try EventPosition.parse("seq:12", exclusive: true),
            .sequenceNumber(12, inclusive: false))
        XCTAssertEqual(try EventPosition.parse("offset:300"), .offset(300, inclusive: true))
        XCTAssertEqual(try EventPosition.parse("-5"), .last(5))
        XCTAssertEqual(
            try EventPosition.parse("time:2026-12-03T10:15:30.250Z"),
            .enqueuedTime(1_796_292_930_250))
        for bad in ["seq:-1", "seq:x", "offset:", "time:soon", "first", "-x"] {
            XCTAssertThrowsError(try EventPosition.parse(bad), bad)
        }
    }

    func testHubNamesFollowEventHubsRules() {
        for good in ["orders", "a", "customer-profile", "orders.deadletter", "A_1",
                     String(repeating: "x", count: 256)] {
            XCTAssertNoThrow(try Names.validateHub(good), good)
        }
        for bad in ["", "-orders", "orders-", "or ders", "ordérs", "orders/1",
                    String(repeating: "x", count: 257)] {
            XCTAssertThrowsError(try Names.validateHub(bad), bad)
        }
        XCTAssertNoThrow(try Names.validateGroup("$default"))
        XCTAssertThrowsError(try Names.validateGroup(String(repeating: "g", count: 51)))
    }

    func testPropertyValuesAreInferredFromText() {
        XCTAssertEqual(PropertyValue.inferred(from: "true"), .bool(true))
        XCTAssertEqual(PropertyValue.inferred(from: "42"), .int(42))
        XCTAssertEqual(PropertyValue.inferred(from: "-1.5"), .double(-1.5))
        XCTAssertEqual(PropertyValue.inferred(from: "007"), .string("007"))
        XCTAssertEqual(PropertyValue.inferred(from: "OrderPlaced"), .string("OrderPlaced"))
        XCTAssertEqual(PropertyValue.inferred(from: "inf"), .string("inf"))
        // Numbers that would not read back exactly stay the text they were.
        for text in ["1.10", "1E3", "12345678901234567890", "0x10", "+5", "1.0",
                     "12345678901234567", "-9223372036854775808", "9007199254740993"] {
            XCTAssertEqual(PropertyValue.inferred(from: text), .string(text), text)
        }
        XCTAssertEqual(PropertyValue.double(1.0).text, "1")
        XCTAssertEqual(
            PropertyValue.inferred(from: "9007199254740992"), .int(9_007_199_254_740_992))
    }

    func testJSONKeepsMemberOrderAndNumberText() throws {
        let text = #"{"z":1,"a":[true,null,"x\u00e9\n"],"big":123456789012345678901234567890}"#
        let value = try JSONValue.parse(text)
        XCTAssertEqual(
            value.text, #"{"z":1,"a":[true,null,"xé\n"],"big":123456789012345678901234567890}"#)
        XCTAssertEqual(try JSONValue.parse("\"\\ud83d\\ude00\""), .string("😀"))
        for bad in ["{", "[1,]", "01", "\"\\x\"", "{\"a\" 1}", "1 2", "\"\\ud83d\""] {
            XCTAssertThrowsError(try JSONValue.parse(bad), bad)
        }
    }

    func testLagCountsRetainedEventsAfterTheCheckpoint() {
        let state = PartitionState(
            partition: 0, firstSequenceNumber: 10, nextSequenceNumber: 20, nextOffset: 0, bytes: 0,
            lastEnqueuedTime: 0)
        func checkpoint(_ seq: Int64) -> Checkpoint {
            Checkpoint(hub: "h", group: "g", partition: 0, sequenceNumber: seq, offset: 0,
                       updatedAt: 0, owner: "t")
        }
        func progress(_ checkpoint: Checkpoint?) -> ConsumerProgress {
            ConsumerProgress(hub: "h", group: "g", state: state, checkpoint: checkpoint)
        }
        XCTAssertEqual(progress(nil).lag, 10)
        let caughtUp = progress(checkpoint(19))
        XCTAssertEqual(caughtUp.lag, 0)
        XCTAssertEqual(caughtUp.resumeSequenceNumber, 20)
        let behind = progress(checkpoint(4))
        XCTAssertEqual(behind.lag, 10)
        XCTAssertEqual(behind.lostToRetention, 5)
        XCTAssertEqual(behind.resumeSequenceNumber, 10)
        let empty = ConsumerProgress(hub: "h", group: "g", state: .empty(0), checkpoint: nil)
        XCTAssertEqual(empty.lag, 0)
    }
}

final class JSONWritingTests: XCTestCase {
    func testStringsEscapeQuotesControlsAndLineSeparators() throws {
        let text = "a\"b\\c\nd\re\tf\u{08}\u{0C}\u{01}\u{1F}\u{2028}\u{2029}é😀"
        let written = JSONValue.string(text).text
        XCTAssertEqual(
            written, #""a\"b\\c\nd\re\tf\b\f\u0001\u001f\u2028\u2029é😀""#)
        XCTAssertEqual(try JSONValue.parse(written), .string(text))
    }

    func testNonASCIIBytesAreNamedByValueNotAsLatin1() {
        XCTAssertThrowsError(try JSONValue.parse(bytes: [0xEF, 0xBB, 0xBF, 0x31])) {
            XCTAssertTrue("\($0)".contains("byte-order mark"), "\($0)")
        }
        XCTAssertThrowsError(try JSONValue.parse(bytes: [0xFF, 0x00])) {
            XCTAssertTrue("\($0)".contains("byte 0xFF"), "\($0)")
        }
    }
}
