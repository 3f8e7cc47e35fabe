import HubCore
import XCTest

@testable import HubLMDB

final class CheckpointTests: LMDBTestCase {
    private func checkpoint(
        _ group: String, partition: Int, sequenceNumber: Int64, hub: String = "orders"
    ) -> Checkpoint {
        Checkpoint(hub: hub, group: group, partition: partition, sequenceNumber: sequenceNumber,
                   offset: sequenceNumber * 10, updatedAt: 1_234, owner: "hubsh@test:1")
    }

    private func openFilledLog() throws -> LMDBEventLog {
        let log = try openLog(withHub: HubSpec(name: "orders", partitionCount: 2))
        _ = try log.createConsumerGroup(hub: "orders", name: "billing")
        _ = try log.createConsumerGroup(hub: "orders", name: "b")
        try publish(log, hub: "orders", partition: 0, count: 10)
        try publish(log, hub: "orders", partition: 1, count: 4)
        return log
    }

    func testCheckpointsAreSetListedInOrderAndCleared() throws {
        let log = try openFilledLog()
        let written = [
            checkpoint("billing", partition: 1, sequenceNumber: 3),
            checkpoint("billing", partition: 0, sequenceNumber: 9),
            checkpoint("b", partition: 0, sequenceNumber: 1),
            checkpoint("$default", partition: 0, sequenceNumber: 0),
        ]
        try log.setCheckpoints(written)

        XCTAssertEqual(try log.checkpoints(hub: "orders", group: nil),
                       [written[3], written[2], written[1], written[0]])
        XCTAssertEqual(try log.checkpoints(hub: "orders", group: "billing"),
                       [written[1], written[0]])

        try log.clearCheckpoints(hub: "orders", group: "billing")
        XCTAssertEqual(try log.checkpoints(hub: "orders", group: "billing"), [])
        XCTAssertEqual(try log.checkpoints(hub: "orders", group: nil), [written[3], written[2]])
    }

    func testSettingACheckpointAgainReplacesIt() throws {
        let log = try openFilledLog()
        try log.setCheckpoints([checkpoint("billing", partition: 0, sequenceNumber: 2)])
        try log.setCheckpoints([checkpoint("billing", partition: 0, sequenceNumber: 5)])
        XCTAssertEqual(try log.checkpoints(hub: "orders", group: "billing").map(\.sequenceNumber),
                       [5])
    }

    func testResumeAfterCheckpointSkipsCheckpointedEvent() throws {
        let log = try openFilledLog()
        try log.setCheckpoints([checkpoint("billing", partition: 0, sequenceNumber: 6)])

        let progress = try ConsumerProgress.all(log: log, hub: "orders", group: "billing")
        XCTAssertEqual(progress[0].resumeSequenceNumber, 7)
        XCTAssertEqual(progress[0].lag, 3)
        XCTAssertEqual(progress[1].lag, 4)

        let saved = try log.checkpoints(hub: "orders", group: "billing")[0]
        let resumed = try log.read(
            hub: "orders", partition: 0,
            from: .sequenceNumber(saved.sequenceNumber, inclusive: false), maxCount: 10)
        XCTAssertEqual(resumed.map(\.sequenceNumber), [7, 8, 9])
    }

    func testCheckpointBeyondTheLastEventThrowsAheadAndWritesNothing() throws {
        let log = try openFilledLog()
        assertThrows(
            .sequenceNumberAhead(hub: "orders", partition: 1, sequenceNumber: 4, last: 3),
            try log.setCheckpoints([
                checkpoint("billing", partition: 0, sequenceNumber: 1),
                checkpoint("billing", partition: 1, sequenceNumber: 4),
            ]))
        XCTAssertEqual(try log.checkpoints(hub: "orders", group: nil), [])
    }

    func testCheckpointErrorsNameWhatIsMissing() throws {
        let log = try openFilledLog()
        assertThrows(.hubNotFound("nope"),
                     try log.setCheckpoints([checkpoint("b", partition: 0, sequenceNumber: 0,
                                                        hub: "nope")]))
        assertThrows(.groupNotFound(hub: "orders", group: "ghost"),
                     try log.setCheckpoints([checkpoint("ghost", partition: 0, sequenceNumber: 0)]))
        assertThrows(.partitionNotFound(hub: "orders", partition: 5, partitionCount: 2),
                     try log.setCheckpoints([checkpoint("b", partition: 5, sequenceNumber: 0)]))
        assertThrows(.invalidSequenceNumber(-1),
                     try log.setCheckpoints([checkpoint("b", partition: 0, sequenceNumber: -1)]))
        assertThrows(.groupNotFound(hub: "orders", group: "ghost"),
                     try log.checkpoints(hub: "orders", group: "ghost"))
        assertThrows(.groupNotFound(hub: "orders", group: "ghost"),
                     try log.clearCheckpoints(hub: "orders", group: "ghost"))
        assertThrows(.hubNotFound("nope"), try log.checkpoints(hub: "nope", group: nil))
    }

    func testDeletingAGroupRemovesItsCheckpoints() throws {
        let log = try openFilledLog()
        try log.setCheckpoints([
            checkpoint("billing", partition: 0, sequenceNumber: 1),
            checkpoint("b", partition: 0, sequenceNumber: 1),
        ])
        try log.deleteConsumerGroup(hub: "orders", name: "billing")
        _ = try log.createConsumerGroup(hub: "orders", name: "billing")
        XCTAssertEqual(try log.checkpoints(hub: "orders", group: "billing"), [])
        XCTAssertEqual(try log.checkpoints(hub: "orders", group: "b").count, 1)
    }
}
