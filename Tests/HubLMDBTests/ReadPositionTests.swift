import HubCore
import XCTest

@testable import HubLMDB

final class ReadPositionTests: LMDBTestCase {
    private var log: LMDBEventLog!
    private var landed: [EventMetadata] = []
    private let clock = ManualClock(1_000_000)

    override func setUpWithError() throws {
        try super.setUpWithError()
        log = try openLog(withHub: HubSpec(name: "orders", partitionCount: 2), clock.options())
        // 150 events of growing sizes, 10 per millisecond-spaced batch.
        for batch in 0..<15 {
            let events = (0..<10).map {
                text(String(repeating: "e", count: batch * 10 + $0), partition: 0)
            }
            landed += try log.append(hub: "orders", batch: events, durability: .noSync)
            clock.advance(by: 100)
        }
    }

    override func tearDownWithError() throws {
        log = nil
        try super.tearDownWithError()
    }

    private func read(_ position: EventPosition, maxCount: Int = 1000) throws -> [ReceivedEvent] {
        try log.read(hub: "orders", partition: 0, from: position, maxCount: maxCount)
    }

    func testEarliestStartsAtTheFirstEvent() throws {
        XCTAssertEqual(try read(.earliest, maxCount: 3).map(\.sequenceNumber), [0, 1, 2])
    }

    func testLatestReturnsNothing() throws {
        XCTAssertEqual(try read(.latest), [])
    }

    func testSequenceNumberInclusiveAndExclusive() throws {
        XCTAssertEqual(try read(.sequenceNumber(42, inclusive: true), maxCount: 2)
            .map(\.sequenceNumber), [42, 43])
        XCTAssertEqual(try read(.sequenceNumber(42, inclusive: false), maxCount: 2)
            .map(\.sequenceNumber), [43, 44])
        XCTAssertEqual(try read(.sequenceNumber(149, inclusive: false)), [])
        XCTAssertEqual(try read(.sequenceNumber(150, inclusive: true)), [])
    }

    func testSequenceNumberBeyondTheNextOneThrowsAhead() throws {
        assertThrows(
            .sequenceNumberAhead(hub: "orders", partition: 0, sequenceNumber: 151, last: 149),
            try read(.sequenceNumber(151, inclusive: true)))
        assertThrows(
            .sequenceNumberAhead(hub: "orders", partition: 1, sequenceNumber: 1, last: -1),
            try log.read(hub: "orders", partition: 1, from: .sequenceNumber(1, inclusive: true),
                         maxCount: 1))
        assertThrows(.invalidSequenceNumber(-1), try read(.sequenceNumber(-1, inclusive: true)))
    }

    func testSequenceNumberOlderThanTheFirstRetainedStartsAtTheFirstRetained() throws {
        clock.set(1_000_000 + 60_000 + 500)
        let purged = try log.purge(hub: "orders", now: clock.now() + 24 * 3_600_000 * 7)
        XCTAssertEqual(purged.total, 150)
        try publish(log, hub: "orders", partition: 0, count: 2)
        XCTAssertEqual(try read(.sequenceNumber(3, inclusive: true)).map(\.sequenceNumber),
                       [150, 151])
    }

    func testOffsetFindsTheExactEvent() throws {
        for metadata in landed {
            let found = try read(.offset(metadata.offset, inclusive: true), maxCount: 1)
            XCTAssertEqual(found.first?.sequenceNumber, metadata.sequenceNumber)
            XCTAssertEqual(found.first?.offset, metadata.offset)
        }
    }

    func testOffsetExclusiveStartsAfterTheEvent() throws {
        let target = landed[70]
        let found = try read(.offset(target.offset, inclusive: false), maxCount: 1)
        XCTAssertEqual(found.first?.sequenceNumber, 71)
    }

    func testOffsetBetweenEventsStartsAtTheNextEvent() throws {
        let found = try read(.offset(landed[70].offset + 1, inclusive: true), maxCount: 1)
        XCTAssertEqual(found.first?.sequenceNumber, 71)
        XCTAssertEqual(try read(.offset(landed[149].offset + 1, inclusive: true)), [])
        XCTAssertEqual(try read(.offset(0, inclusive: true), maxCount: 1).first?.sequenceNumber, 0)
    }

    func testEnqueuedTimeStartsAtTheFirstEventAtOrAfterIt() throws {
        // Batch k was enqueued at 1_000_000 + 100 k.
        XCTAssertEqual(try read(.enqueuedTime(1_000_500), maxCount: 1).first?.sequenceNumber, 50)
        XCTAssertEqual(try read(.enqueuedTime(1_000_501), maxCount: 1).first?.sequenceNumber, 60)
        XCTAssertEqual(try read(.enqueuedTime(0), maxCount: 1).first?.sequenceNumber, 0)
        XCTAssertEqual(try read(.enqueuedTime(9_000_000)), [])
    }

    func testLastReturnsTheLastEvents() throws {
        XCTAssertEqual(try read(.last(3)).map(\.sequenceNumber), [147, 148, 149])
        XCTAssertEqual(try read(.last(0)), [])
    }

    func testLastThousandOfOneHundredFiftyReturnsAllOneHundredFifty() throws {
        let events = try read(.last(1000))
        XCTAssertEqual(events.count, 150)
        XCTAssertEqual(events.first?.sequenceNumber, 0)
    }

    func testMaxCountLimitsTheRead() throws {
        XCTAssertEqual(try read(.earliest, maxCount: 7).count, 7)
        XCTAssertEqual(try read(.earliest, maxCount: 0), [])
    }

    func testReadOfUnknownPartitionThrows() throws {
        assertThrows(
            .partitionNotFound(hub: "orders", partition: 2, partitionCount: 2),
            try log.read(hub: "orders", partition: 2, from: .earliest, maxCount: 1))
    }

    func testEmptyPartitionReadsNothing() throws {
        XCTAssertEqual(
            try log.read(hub: "orders", partition: 1, from: .earliest, maxCount: 10), [])
        XCTAssertEqual(
            try log.read(hub: "orders", partition: 1, from: .enqueuedTime(0), maxCount: 10), [])
    }
}
