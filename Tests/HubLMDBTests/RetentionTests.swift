import Foundation
import HubCore
import XCTest

@testable import HubLMDB

final class RetentionTests: LMDBTestCase {
    private let minute: Int64 = 60_000

    func testPurgeRemovesOnlyExpiredEvents() throws {
        let clock = ManualClock(10_000_000)
        let log = try openLog(
            withHub: HubSpec(name: "orders", partitionCount: 2, retentionMillis: 10 * minute),
            clock.options())
        try publish(log, hub: "orders", partition: 0, count: 4, prefix: "old")
        try publish(log, hub: "orders", partition: 1, count: 2, prefix: "old")
        clock.advance(by: 5 * minute)
        try publish(log, hub: "orders", partition: 0, count: 3, prefix: "new")
        let before = try log.partitionStates(hub: "orders")

        // At 10 minutes after the first publish, nothing is older than the retention yet.
        XCTAssertEqual(try log.purge(hub: "orders", now: 10_000_000 + 10 * minute).total, 0)

        let result = try log.purge(hub: "orders", now: 10_000_000 + 10 * minute + 1)
        XCTAssertEqual(result, PurgeResult(hub: "orders", purged: [0: 4, 1: 2]))
        XCTAssertEqual(
            bodies(try log.read(hub: "orders", partition: 0, from: .earliest, maxCount: 9)),
            ["new-0", "new-1", "new-2"])

        let after = try log.partitionStates(hub: "orders")
        XCTAssertEqual(after[0].firstSequenceNumber, 4)
        XCTAssertEqual(after[0].nextSequenceNumber, 7)
        XCTAssertEqual(after[0].nextOffset, before[0].nextOffset)
        XCTAssertLessThan(after[0].bytes, before[0].bytes)
        XCTAssertEqual(after[1].firstSequenceNumber, 2)
        XCTAssertEqual(after[1].bytes, 0)
        XCTAssertTrue(after[1].isEmpty)
    }

    func testSequenceNumbersAndOffsetsContinueAfterPurge() throws {
        let clock = ManualClock(10_000_000)
        let log = try openLog(
            withHub: HubSpec(name: "orders", partitionCount: 1, retentionMillis: minute),
            clock.options())
        let old = try publish(log, hub: "orders", partition: 0, count: 5)
        clock.advance(by: 2 * minute)
        _ = try log.purge(hub: "orders", now: clock.now())
        let new = try publish(log, hub: "orders", partition: 0, count: 2)

        XCTAssertEqual(new.map(\.sequenceNumber), [5, 6])
        XCTAssertGreaterThan(new[0].offset, old[4].offset)
        XCTAssertEqual(
            try log.read(hub: "orders", partition: 0, from: .earliest, maxCount: 9)
                .map(\.sequenceNumber), [5, 6])
        XCTAssertEqual(
            try log.read(hub: "orders", partition: 0, from: .offset(0, inclusive: true),
                         maxCount: 9).map(\.sequenceNumber), [5, 6])
    }

    func testPurgeOfMissingHubThrowsHubNotFound() throws {
        let log = try openLog()
        assertThrows(.hubNotFound("ghost"), try log.purge(hub: "ghost", now: 0))
    }

    func testPublishPurgesAtMostOncePerInterval() throws {
        let clock = ManualClock(0)
        let log = try openLog(
            withHub: HubSpec(name: "orders", partitionCount: 1, retentionMillis: minute),
            clock.options(autoPurgeInterval: 1000))
        try publish(log, hub: "orders", partition: 0, count: 1, prefix: "at0")
        clock.set(10_000)
        try publish(log, hub: "orders", partition: 0, count: 1, prefix: "at10s")

        // 70 s: "at0" is past the retention and a purge is due.
        clock.set(70_000)
        try publish(log, hub: "orders", partition: 0, count: 1, prefix: "at70s")
        XCTAssertEqual(try log.partitionStates(hub: "orders")[0].firstSequenceNumber, 1)

        // 70.5 s: "at10s" has expired too, but the last purge was less than a second ago.
        clock.set(70_500)
        try publish(log, hub: "orders", partition: 0, count: 1, prefix: "at70.5s")
        XCTAssertEqual(try log.partitionStates(hub: "orders")[0].firstSequenceNumber, 1)

        clock.set(71_000)
        try publish(log, hub: "orders", partition: 0, count: 1, prefix: "at71s")
        XCTAssertEqual(
            bodies(try log.read(hub: "orders", partition: 0, from: .earliest, maxCount: 9)),
            ["at70s-0", "at70.5s-0", "at71s-0"])
    }

    func testDataFileStopsGrowingUnderSteadyPublishAndPurge() throws {
        let clock = ManualClock(0)
        let log = try openLog(
            withHub: HubSpec(name: "metrics", partitionCount: 4, retentionMillis: minute),
            clock.options(autoPurgeInterval: 1000))
        let body = [UInt8](repeating: 0x5A, count: 1000)
        func publishRound(_ round: Int) throws {
            let batch = (0..<20).map {
                RoutedEvent(partition: (round + $0) % 4, data: EventData(body: body))
            }
            _ = try log.append(hub: "metrics", batch: batch, durability: .noSync)
            clock.advance(by: 1000)
        }

        // Two minutes of publishing: the retained window is full and purging has begun.
        for round in 0..<120 { try publishRound(round) }
        let settled = try fileSize(dataDirectory + "/data.mdb")
        // Ten more minutes: five times the retained window passes through the file.
        for round in 120..<720 { try publishRound(round) }
        let final = try fileSize(dataDirectory + "/data.mdb")

        let retained = try log.partitionStates(hub: "metrics").reduce(0) { $0 + $1.eventCount }
        XCTAssertLessThanOrEqual(retained, 62 * 20)
        XCTAssertLessThanOrEqual(final, settled + settled / 10,
                                 "the data file grew from \(settled) to \(final) bytes")
    }

    private func fileSize(_ path: String) throws -> Int64 {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.size] as? NSNumber)?.int64Value ?? 0
    }
}
