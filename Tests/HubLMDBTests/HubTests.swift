import HubCore
import XCTest

@testable import HubLMDB

final class HubTests: LMDBTestCase {
    func testCreatedHubIsListedAndShown() throws {
        let clock = ManualClock(1_700_000_000_123)
        let log = try openLog(clock.options())
        let created = try log.createHub(
            HubSpec(name: "orders", partitionCount: 8, retentionMillis: 3_600_000,
                    maxEventSize: 2048))
        _ = try log.createHub(HubSpec(name: "audit"))

        XCTAssertEqual(created.createdAt, 1_700_000_000_123)
        XCTAssertEqual(try log.hub(named: "orders"), created)
        XCTAssertEqual(try log.hubs().map(\.name), ["audit", "orders"])
        XCTAssertEqual(try log.partitionStates(hub: "orders"), (0..<8).map(PartitionState.empty))
    }

    func testCreatingAnExistingHubThrowsHubExists() throws {
        let log = try openLog(withHub: HubSpec(name: "orders"))
        assertThrows(.hubExists("orders"), try log.createHub(HubSpec(name: "orders")))
    }

    func testInvalidSpecIsRefusedBeforeAnythingIsWritten() throws {
        let log = try openLog()
        XCTAssertThrowsError(try log.createHub(HubSpec(name: "-bad")))
        assertThrows(.invalidPartitionCount(0),
                     try log.createHub(HubSpec(name: "orders", partitionCount: 0)))
        XCTAssertEqual(try log.hubs(), [])
    }

    func testMissingHubThrowsHubNotFound() throws {
        let log = try openLog()
        assertThrows(.hubNotFound("ghost"), try log.hub(named: "ghost"))
        assertThrows(.hubNotFound("ghost"), try log.deleteHub(named: "ghost"))
        assertThrows(.hubNotFound("ghost"), try log.partitionStates(hub: "ghost"))
        assertThrows(.hubNotFound(""), try log.hub(named: ""))
        let long = String(repeating: "x", count: 600)
        assertThrows(.hubNotFound(long), try log.hub(named: long))
    }

    func testCreatedHubHasTheDefaultGroup() throws {
        let log = try openLog(withHub: HubSpec(name: "orders"))
        XCTAssertEqual(try log.consumerGroups(hub: "orders").map(\.name), ["$default"])
    }

    func testDeletedThenRecreatedHubStartsAtZeroWithoutOldEvents() throws {
        let log = try openLog(withHub: HubSpec(name: "orders", partitionCount: 2))
        _ = try log.createHub(HubSpec(name: "other", partitionCount: 1))
        try publish(log, hub: "orders", partition: 0, count: 5, prefix: "old")
        try publish(log, hub: "other", partition: 0, count: 3, prefix: "kept")
        _ = try log.createConsumerGroup(hub: "orders", name: "billing")
        try log.setCheckpoints([
            Checkpoint(hub: "orders", group: "billing", partition: 0, sequenceNumber: 2,
                       offset: 0, updatedAt: 0, owner: "test"),
        ])

        try log.deleteHub(named: "orders")
        assertThrows(.hubNotFound("orders"), try log.hub(named: "orders"))
        _ = try log.createHub(HubSpec(name: "orders", partitionCount: 2))

        XCTAssertEqual(try log.partitionStates(hub: "orders")[0], .empty(0))
        XCTAssertEqual(try log.read(hub: "orders", partition: 0, from: .earliest, maxCount: 9),
                       [])
        XCTAssertEqual(try log.consumerGroups(hub: "orders").map(\.name), ["$default"])
        XCTAssertEqual(try log.checkpoints(hub: "orders", group: nil), [])
        let landed = try publish(log, hub: "orders", partition: 0, count: 1, prefix: "new")
        XCTAssertEqual(landed.first?.sequenceNumber, 0)
        XCTAssertEqual(landed.first?.offset, 0)
        XCTAssertEqual(
            bodies(try log.read(hub: "orders", partition: 0, from: .earliest, maxCount: 9)),
            ["new-0"])
        XCTAssertEqual(
            bodies(try log.read(hub: "other", partition: 0, from: .earliest, maxCount: 9)),
            ["kept-0", "kept-1", "kept-2"])
    }

    func testDeletingAHubRemovesItsRecordsFromEveryDatabase() throws {
        let log = try openLog(withHub: HubSpec(name: "orders", partitionCount: 3))
        for partition in 0..<3 { try publish(log, hub: "orders", partition: partition, count: 40) }
        try log.deleteHub(named: "orders")

        let databases = log.environment.databases
        let leftovers = try log.environment.read { txn in
            var count = 0
            for dbi in [databases.groups, databases.partitions, databases.checkpoints,
                        databases.hubs] {
                try txn.withCursor(on: dbi) { cursor in
                    var entry = try cursor.first()
                    while entry != nil {
                        count += 1
                        entry = try cursor.next()
                    }
                }
            }
            return count
        }
        XCTAssertEqual(leftovers, 0)
    }
}
