import HubCore
import XCTest

@testable import HubLMDB

final class GroupTests: LMDBTestCase {
    func testGroupsAreCreatedListedAndDeleted() throws {
        let clock = ManualClock(42_000)
        let log = try openLog(withHub: HubSpec(name: "orders"), clock.options())
        let created = try log.createConsumerGroup(hub: "orders", name: "billing")
        _ = try log.createConsumerGroup(hub: "orders", name: "audit")

        XCTAssertEqual(created, ConsumerGroup(hub: "orders", name: "billing", createdAt: 42_000))
        XCTAssertEqual(try log.consumerGroups(hub: "orders").map(\.name),
                       ["$default", "audit", "billing"])

        try log.deleteConsumerGroup(hub: "orders", name: "billing")
        XCTAssertEqual(try log.consumerGroups(hub: "orders").map(\.name), ["$default", "audit"])
        XCTAssertNoThrow(try log.checkGroup(hub: "orders", group: "audit"))
    }

    func testCreatingAnExistingGroupThrowsGroupExists() throws {
        let log = try openLog(withHub: HubSpec(name: "orders"))
        _ = try log.createConsumerGroup(hub: "orders", name: "billing")
        assertThrows(.groupExists(hub: "orders", group: "billing"),
                     try log.createConsumerGroup(hub: "orders", name: "billing"))
        assertThrows(.groupExists(hub: "orders", group: "$default"),
                     try log.createConsumerGroup(hub: "orders", name: "$default"))
    }

    func testInvalidGroupNameIsRefused() throws {
        let log = try openLog(withHub: HubSpec(name: "orders"))
        XCTAssertThrowsError(try log.createConsumerGroup(hub: "orders", name: "bad name")) {
            guard case .invalidGroupName = $0 as? HubError else {
                return XCTFail("expected invalidGroupName, got \($0)")
            }
        }
    }

    func testDefaultGroupCannotBeDeleted() throws {
        let log = try openLog(withHub: HubSpec(name: "orders"))
        assertThrows(.defaultGroupIsPermanent(hub: "orders"),
                     try log.deleteConsumerGroup(hub: "orders", name: "$default"))
    }

    func testMissingGroupOrHubThrows() throws {
        let log = try openLog(withHub: HubSpec(name: "orders"))
        assertThrows(.groupNotFound(hub: "orders", group: "ghost"),
                     try log.deleteConsumerGroup(hub: "orders", name: "ghost"))
        assertThrows(.hubNotFound("nope"), try log.createConsumerGroup(hub: "nope", name: "a"))
        assertThrows(.hubNotFound("nope"), try log.consumerGroups(hub: "nope"))
        assertThrows(.groupNotFound(hub: "orders", group: "ghost"),
                     try log.checkGroup(hub: "orders", group: "ghost"))
    }

    func testGroupsOfOneHubDoNotLeakIntoAnother() throws {
        let log = try openLog(withHub: HubSpec(name: "orders"))
        _ = try log.createHub(HubSpec(name: "orders2"))
        _ = try log.createConsumerGroup(hub: "orders", name: "billing")
        XCTAssertEqual(try log.consumerGroups(hub: "orders2").map(\.name), ["$default"])
    }
}
