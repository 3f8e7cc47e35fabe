import HubCore
import XCTest

@testable import HubLMDB

final class AppendTests: LMDBTestCase {
    func testSequenceNumbersAreContiguousFromZeroInEachPartition() throws {
        let log = try openLog(withHub: HubSpec(name: "orders", partitionCount: 3))
        var batch: [RoutedEvent] = []
        for index in 0..<30 { batch.append(text("e\(index)", partition: index % 3)) }

        let first = try log.append(hub: "orders", batch: batch, durability: .durable)
        let second = try log.append(hub: "orders", batch: batch, durability: .noSync)

        for partition in 0..<3 {
            let numbers = (first + second).filter { $0.partition == partition }
                .map(\.sequenceNumber)
            XCTAssertEqual(numbers, Array(0..<20))
            let read = try log.read(hub: "orders", partition: partition, from: .earliest,
                                    maxCount: 100)
            XCTAssertEqual(read.map(\.sequenceNumber), Array(0..<20))
        }
        let states = try log.partitionStates(hub: "orders")
        XCTAssertEqual(states.map(\.nextSequenceNumber), [20, 20, 20])
        XCTAssertEqual(states.map(\.firstSequenceNumber), [0, 0, 0])
    }

    func testMetadataComesBackInBatchOrder() throws {
        let log = try openLog(withHub: HubSpec(name: "orders", partitionCount: 2))
        let batch = [
            text("a", partition: 1), text("b", partition: 0), text("c", partition: 1),
        ]
        let landed = try log.append(hub: "orders", batch: batch, durability: .durable)
        XCTAssertEqual(landed.map(\.partition), [1, 0, 1])
        XCTAssertEqual(landed.map(\.sequenceNumber), [0, 0, 1])
    }

    func testOversizeEventAppendsNothingAndLeavesStateUnchanged() throws {
        let log = try openLog(
            withHub: HubSpec(name: "orders", partitionCount: 2, maxEventSize: 100))
        try publish(log, hub: "orders", partition: 0, count: 3)
        let before = try log.partitionStates(hub: "orders")

        let big = RoutedEvent(partition: 1, data: EventData(body: Array(repeating: 7, count: 101)))
        let batch = [text("fits", partition: 0), big, text("fits too", partition: 1)]
        assertThrows(
            .eventTooLarge(index: 1, size: 101, max: 100, hub: "orders"),
            try log.append(hub: "orders", batch: batch, durability: .durable))

        XCTAssertEqual(try log.partitionStates(hub: "orders"), before)
        XCTAssertEqual(try log.read(hub: "orders", partition: 0, from: .earliest, maxCount: 9)
            .count, 3)
        XCTAssertEqual(try log.read(hub: "orders", partition: 1, from: .earliest, maxCount: 9)
            .count, 0)
    }

    func testBatchOverTheMaximumSizeAppendsNothing() throws {
        let log = try openLog(
            withHub: HubSpec(name: "orders", partitionCount: 1, maxEventSize: 100))
        let event = RoutedEvent(partition: 0, data: EventData(body: Array(repeating: 1, count: 40)))
        assertThrows(
            .batchTooLarge(size: 120, max: 100, hub: "orders"),
            try log.append(hub: "orders", batch: [event, event, event], durability: .durable))
        XCTAssertEqual(try log.partitionStates(hub: "orders")[0], .empty(0))
    }

    func testUnknownPartitionAppendsNothing() throws {
        let log = try openLog(withHub: HubSpec(name: "orders", partitionCount: 2))
        let batch = [text("ok", partition: 0), text("lost", partition: 7)]
        assertThrows(
            .partitionNotFound(hub: "orders", partition: 7, partitionCount: 2),
            try log.append(hub: "orders", batch: batch, durability: .durable))
        XCTAssertEqual(try log.partitionStates(hub: "orders")[0], .empty(0))
    }

    func testAppendToMissingHubThrowsHubNotFound() throws {
        let log = try openLog()
        assertThrows(
            .hubNotFound("nope"),
            try log.append(hub: "nope", batch: [text("x", partition: 0)], durability: .durable))
    }

    func testOffsetsGrowByEachEventsStoredSize() throws {
        let log = try openLog(withHub: HubSpec(name: "orders", partitionCount: 1))
        let batch = (0..<50).map { text(String(repeating: "x", count: $0), partition: 0) }
        let landed = try log.append(hub: "orders", batch: batch, durability: .durable)

        XCTAssertEqual(landed.first?.offset, 0)
        for index in 1..<landed.count {
            let size = Int64(EventCodec.storedSize(of: batch[index - 1].data))
            XCTAssertEqual(landed[index].offset, landed[index - 1].offset + size)
        }
        let state = try log.partitionStates(hub: "orders")[0]
        let total = batch.reduce(0) { $0 + Int64(EventCodec.storedSize(of: $1.data)) }
        XCTAssertEqual(state.nextOffset, total)
        XCTAssertEqual(state.bytes, total)
    }

    func testEnqueuedTimeNeverDecreasesWhenTheClockGoesBack() throws {
        let clock = ManualClock(5_000_000)
        let log = try openLog(withHub: HubSpec(name: "orders", partitionCount: 1), clock.options())
        let early = try publish(log, hub: "orders", partition: 0, count: 2)
        clock.set(1_000_000)
        let late = try publish(log, hub: "orders", partition: 0, count: 2)
        clock.set(6_000_000)
        let later = try publish(log, hub: "orders", partition: 0, count: 1)

        XCTAssertEqual((early + late + later).map(\.enqueuedTime),
                       [5_000_000, 5_000_000, 5_000_000, 5_000_000, 6_000_000])
        XCTAssertEqual(try log.partitionStates(hub: "orders")[0].lastEnqueuedTime, 6_000_000)
    }

    func testBinaryBodyComesBackByteForByte() throws {
        let log = try openLog(withHub: HubSpec(name: "raw", partitionCount: 1))
        let body: [UInt8] = [0x00, 0xFF, 0x0A, 0x0D, 0x00]
        let event = RoutedEvent(partition: 0, data: EventData(body: body))
        _ = try log.append(hub: "raw", batch: [event], durability: .durable)

        let read = try log.read(hub: "raw", partition: 0, from: .earliest, maxCount: 1)
        XCTAssertEqual(read.first?.data.body, body)
    }

    func testPropertiesContentTypeAndPartitionKeyRoundTrip() throws {
        let log = try openLog(withHub: HubSpec(name: "orders", partitionCount: 2))
        let data = EventData(
            body: Array("{\"id\":1}".utf8), partitionKey: "customer-42",
            properties: [
                ("region", .string("eu-west")), ("count", .int(-9_007_199_254_740_993)),
                ("ratio", .double(0.125)), ("urgent", .bool(true)), ("empty", .string("")),
                ("late", .bool(false)), ("tiny", .double(-0.0)),
            ],
            contentType: "application/json")
        let bare = EventData(body: [])
        _ = try log.append(
            hub: "orders", batch: [RoutedEvent(partition: 1, data: data),
                                   RoutedEvent(partition: 1, data: bare)],
            durability: .durable)

        let read = try log.read(hub: "orders", partition: 1, from: .earliest, maxCount: 2)
        XCTAssertEqual(read.map(\.data), [data, bare])
        XCTAssertEqual(read.first?.data.partitionKey, "customer-42")
        XCTAssertEqual(read.first?.data.contentType, "application/json")
        XCTAssertNil(read.last?.data.partitionKey)
        XCTAssertNil(read.last?.data.contentType)
    }

    func testInterleavedHubsAndPartitionsKeepTheirOwnEvents() throws {
        let log = try openLog()
        _ = try log.createHub(HubSpec(name: "a", partitionCount: 4))
        _ = try log.createHub(HubSpec(name: "b", partitionCount: 2))
        // The newest hub's last partition takes MDB_APPEND; every other key a plain put.
        for round in 0..<5 {
            for partition in [3, 0, 2, 1] {
                try publish(log, hub: "a", partition: partition, count: 3, prefix: "a\(round)")
            }
            try publish(log, hub: "b", partition: 1, count: 2, prefix: "b\(round)")
            try publish(log, hub: "b", partition: 0, count: 2, prefix: "b\(round)")
        }
        for partition in 0..<4 {
            let read = try log.read(hub: "a", partition: partition, from: .earliest, maxCount: 99)
            XCTAssertEqual(read.map(\.sequenceNumber), Array(0..<15))
            XCTAssertEqual(bodies(read).first, "a0-0")
            XCTAssertEqual(bodies(read).last, "a4-2")
        }
        let b1 = try log.read(hub: "b", partition: 1, from: .earliest, maxCount: 99)
        XCTAssertEqual(bodies(b1).count, 10)
        XCTAssertTrue(bodies(b1).allSatisfy { $0.hasPrefix("b") })
    }

    func testEmptyBatchAppendsNothing() throws {
        let log = try openLog(withHub: HubSpec(name: "orders", partitionCount: 1))
        XCTAssertEqual(try log.append(hub: "orders", batch: [], durability: .durable), [])
        XCTAssertEqual(try log.partitionStates(hub: "orders")[0], .empty(0))
    }
}
