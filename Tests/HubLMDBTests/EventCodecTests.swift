import HubCore
import XCTest

@testable import HubLMDB

final class EventCodecTests: XCTestCase {
    private func roundTrip(_ event: EventData) throws -> ReceivedEvent {
        let size = EventCodec.storedSize(of: event)
        let stored = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            EventCodec.encode(event, offset: 77, enqueuedTime: -5,
                              into: UnsafeMutableRawBufferPointer(buffer))
            count = size
        }
        return try stored.withUnsafeBytes {
            try EventCodec.decode($0, partition: 3, sequenceNumber: 9)
        }
    }

    func testEncodedEventDecodesToTheSameEvent() throws {
        let long = String(repeating: "k", count: 300)
        let event = EventData(
            body: Array(0...255), partitionKey: "ключ-🔑",
            properties: [(long, .string(long)), ("n", .int(.min)), ("d", .double(.infinity)),
                         ("b", .bool(false))],
            contentType: "application/octet-stream")
        let decoded = try roundTrip(event)
        XCTAssertEqual(decoded.data, event)
        XCTAssertEqual(decoded.metadata,
                       EventMetadata(partition: 3, sequenceNumber: 9, offset: 77, enqueuedTime: -5))
    }

    func testNaNPropertySurvivesAsNaN() throws {
        let decoded = try roundTrip(EventData(body: [], properties: [("x", .double(.nan))]))
        guard case .double(let value) = decoded.data.properties.first?.1 else {
            return XCTFail("expected a double")
        }
        XCTAssertTrue(value.isNaN)
    }

    func testTruncatedRecordThrowsDamageInsteadOfTrapping() throws {
        let event = EventData(body: [1, 2], partitionKey: "key", properties: [("a", .int(1))])
        let size = EventCodec.storedSize(of: event)
        var stored = [UInt8](repeating: 0, count: size)
        stored.withUnsafeMutableBytes {
            EventCodec.encode(event, offset: 0, enqueuedTime: 0, into: $0)
        }
        for length in 0..<(EventCodec.headerSize + 6) {
            let prefix = Array(stored[0..<length])
            XCTAssertThrowsError(try prefix.withUnsafeBytes {
                try EventCodec.decode($0, partition: 0, sequenceNumber: 0)
            }, "a record cut to \(length) bytes decoded")
        }
    }

    func testLengthClaimingMoreBytesThanRemainThrowsDamage() throws {
        // Header, flags "has a partition key", then a key length of 200 with 2 bytes behind it.
        var stored = [UInt8](repeating: 0, count: EventCodec.headerSize)
        stored += [1, 200, 1, 0x61, 0x62]
        XCTAssertThrowsError(try stored.withUnsafeBytes {
            try EventCodec.decode($0, partition: 0, sequenceNumber: 0)
        }) { XCTAssertTrue($0 is StoreDamage) }
    }
}
