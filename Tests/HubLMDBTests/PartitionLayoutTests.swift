import CLMDB
import HubCore
import XCTest

@testable import HubLMDB

/// Storage format 2: each partition's events in a database of its own.
final class PartitionLayoutTests: LMDBTestCase {
    /// The names of the named databases in the main database.
    func databaseNames(_ log: LMDBEventLog) throws -> [String] {
        let main = log.environment.databases.main
        return try log.environment.read { txn in
            var names: [String] = []
            try txn.withCursor(on: main) { cursor in
                var entry = try cursor.first()
                while let (key, _) = entry {
                    names.append(String(decoding: key, as: UTF8.self))
                    entry = try cursor.next()
                }
            }
            return names
        }
    }

    func partitionDatabaseNames(_ log: LMDBEventLog) throws -> [String] {
        try databaseNames(log).filter { PartitionId(databaseName: $0) != nil }
    }

    func testEachPartitionGetsItsOwnDatabaseOnItsFirstEvent() throws {
        let log = try openLog(withHub: HubSpec(name: "orders", partitionCount: 4))
        XCTAssertEqual(try partitionDatabaseNames(log), [])

        let batch = (0..<40).map { text("e\($0)", partition: [0, 2, 3][$0 % 3]) }
        _ = try log.append(hub: "orders", batch: batch, durability: .noSync)

        XCTAssertEqual(
            try partitionDatabaseNames(log), ["events.1.0", "events.1.2", "events.1.3"])
        XCTAssertFalse(try databaseNames(log).contains("events"))
        let states = try log.partitionStates(hub: "orders")
        XCTAssertEqual(states.map(\.nextSequenceNumber), [14, 0, 13, 13])
        XCTAssertEqual(states[1], .empty(1))
    }

    func testStateReadOffTheEventsMatchesWhatAppendsReturned() throws {
        let log = try openLog(withHub: HubSpec(name: "orders", partitionCount: 2))
        let first = try publish(log, hub: "orders", partition: 1, count: 3, prefix: "a")
        let second = try publish(log, hub: "orders", partition: 1, count: 2, prefix: "bb")
        let state = try log.partitionStates(hub: "orders")[1]
        let stored = try log.read(hub: "orders", partition: 1, from: .earliest, maxCount: 9)

        XCTAssertEqual(state.firstSequenceNumber, 0)
        XCTAssertEqual(state.nextSequenceNumber, 5)
        XCTAssertEqual(state.lastEnqueuedTime, second[1].enqueuedTime)
        XCTAssertEqual(stored.map(\.sequenceNumber), (first + second).map(\.sequenceNumber))
        XCTAssertEqual(stored.map(\.offset), (first + second).map(\.offset))
        XCTAssertGreaterThan(state.nextOffset, second[1].offset)
        XCTAssertEqual(state.bytes, state.nextOffset)
    }

    func testDeletingAHubDropsItsPartitionDatabasesAndHandles() throws {
        let log = try openLog(withHub: HubSpec(name: "orders", partitionCount: 3))
        _ = try log.createHub(HubSpec(name: "kept", partitionCount: 2))
        for partition in 0..<3 { try publish(log, hub: "orders", partition: partition, count: 50) }
        for partition in 0..<2 { try publish(log, hub: "kept", partition: partition, count: 5) }
        XCTAssertEqual(log.environment.partitionHandles.count, 5)

        try log.deleteHub(named: "orders")

        XCTAssertEqual(try partitionDatabaseNames(log), ["events.2.0", "events.2.1"])
        XCTAssertEqual(log.environment.partitionHandles.count, 2)
        XCTAssertEqual(
            bodies(try log.read(hub: "kept", partition: 1, from: .earliest, maxCount: 9)),
            (0..<5).map { "event-\($0)" })
        _ = try log.createHub(HubSpec(name: "orders", partitionCount: 3))
        XCTAssertEqual(
            try log.read(hub: "orders", partition: 0, from: .earliest, maxCount: 9), [])
        XCTAssertEqual(
            try publish(log, hub: "orders", partition: 0, count: 1).map(\.sequenceNumber), [0])
    }

    func testManyHubsKeepTheirEventsApart() throws {
        let log = try openLog()
        for hub in 0..<40 {
            _ = try log.createHub(HubSpec(name: "hub\(hub)", partitionCount: 4))
        }
        for round in 0..<3 {
            for hub in 0..<40 {
                let batch = (0..<8).map { text("h\(hub)-r\(round)-\($0)", partition: $0 % 4) }
                _ = try log.append(hub: "hub\(hub)", batch: batch, durability: .noSync)
            }
        }
        log.close()

        let reopened = try openLog()
        for hub in [0, 17, 39] {
            let events = try reopened.read(
                hub: "hub\(hub)", partition: 3, from: .earliest, maxCount: 99)
            XCTAssertEqual(
                bodies(events), (0..<3).flatMap { ["h\(hub)-r\($0)-3", "h\(hub)-r\($0)-7"] })
        }
        XCTAssertEqual(try partitionDatabaseNames(reopened).count, 160)
    }

    func testHubOf1024PartitionsTakesOneBatchAcrossEveryPartition() throws {
        let log = try openLog(withHub: HubSpec(name: "wide", partitionCount: 1024))
        let batch = (0..<2048).map { text("e\($0)", partition: $0 % 1024) }
        let landed = try log.append(hub: "wide", batch: batch, durability: .noSync)
        XCTAssertEqual(landed.filter { $0.partition == 1023 }.map(\.sequenceNumber), [0, 1])
        log.close()

        // A fresh environment reads first: the read opens the hub's databases for itself.
        let reopened = try openLog()
        let states = try reopened.partitionStates(hub: "wide")
        XCTAssertEqual(states.count, 1024)
        XCTAssertTrue(states.allSatisfy { $0.nextSequenceNumber == 2 })
        XCTAssertEqual(
            bodies(try reopened.read(hub: "wide", partition: 1000, from: .earliest, maxCount: 9)),
            ["e1000", "e2024"])
        XCTAssertEqual(reopened.environment.partitionHandles.count, 1024)
    }

    func testHandlesAreClosedAndReopenedWhenEverySlotIsTaken() throws {
        let log = try openLog()
        let hubs = Environment.partitionHandleCapacity / 1024 + 1
        for hub in 0..<hubs {
            _ = try log.createHub(HubSpec(name: "wide\(hub)", partitionCount: 1024))
            let batch = (0..<1024).map { text("h\(hub)-\($0)", partition: $0) }
            _ = try log.append(hub: "wide\(hub)", batch: batch, durability: .noSync)
        }
        XCTAssertLessThanOrEqual(
            log.environment.partitionHandles.count, Environment.partitionHandleCapacity)

        for hub in 0..<hubs {
            XCTAssertEqual(
                bodies(try log.read(hub: "wide\(hub)", partition: 7, from: .earliest, maxCount: 9)),
                ["h\(hub)-7"])
            XCTAssertEqual(
                try publish(log, hub: "wide\(hub)", partition: 1000, count: 1)
                    .map(\.sequenceNumber), [1])
        }
    }

    func testAbortedWriteLeavesNoDatabaseNorHandleBehind() throws {
        let log = try openLog(withHub: HubSpec(name: "orders", partitionCount: 2))
        struct Refused: Error {}
        XCTAssertThrowsError(
            try log.environment.write(durability: .noSync) { txn in
                _ = try txn.partitionDatabase(PartitionId(hubId: 1, partition: 0), create: true)
                throw Refused()
            })
        XCTAssertEqual(log.environment.partitionHandles.count, 0)
        XCTAssertEqual(try partitionDatabaseNames(log), [])

        try publish(log, hub: "orders", partition: 0, count: 3)
        XCTAssertEqual(
            bodies(try log.read(hub: "orders", partition: 0, from: .earliest, maxCount: 9)),
            ["event-0", "event-1", "event-2"])
    }

    func testPartitionEmptiedByPurgeKeepsItsNumbersFromItsRecord() throws {
        let clock = ManualClock(10_000_000)
        let log = try openLog(
            withHub: HubSpec(name: "orders", partitionCount: 1, retentionMillis: 60_000),
            clock.options())
        let old = try publish(log, hub: "orders", partition: 0, count: 4)
        clock.advance(by: 120_000)
        _ = try log.purge(hub: "orders", now: clock.now())

        let state = try log.partitionStates(hub: "orders")[0]
        XCTAssertTrue(state.isEmpty)
        XCTAssertEqual(state.nextSequenceNumber, 4)
        XCTAssertEqual(state.lastEnqueuedTime, old[3].enqueuedTime)
        log.close()
        let reopened = try openLog(clock.options())
        let new = try publish(reopened, hub: "orders", partition: 0, count: 1)
        XCTAssertEqual(new.map(\.sequenceNumber), [4])
        XCTAssertEqual(new[0].offset, try reopened.partitionStates(hub: "orders")[0].nextOffset
            - Int64(EventCodec.storedSize(of: EventData(text: "event-0"))))
    }
}
