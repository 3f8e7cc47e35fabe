import HubCore
import XCTest

@testable import HubShell

/// Whether a hub can hold another hub's invalid events: `DeadLetter.misfit`.
final class DeadLetterFitTests: XCTestCase {
    private func hub(_ name: String, partitions: Int, days: Int64, maxEventSize: Int = 1_048_576)
        -> HubProperties
    {
        HubProperties(
            name: name, partitionCount: partitions, retentionMillis: days * 86_400_000,
            maxEventSize: maxEventSize, createdAt: 0)
    }

    func testTheHubHubSetWouldCreateFits() {
        let origin = hub("y", partitions: 8, days: 1)
        let spec = DeadLetter.hubSpec(for: origin)
        let made = hub(
            spec.name, partitions: spec.partitionCount, days: spec.retentionMillis / 86_400_000,
            maxEventSize: spec.maxEventSize)
        XCTAssertNil(DeadLetter.misfit(made, for: origin))
    }

    func testEveryDifferenceIsNamedInOneLine() {
        let origin = hub("y", partitions: 8, days: 1, maxEventSize: 2_097_152)
        let small = hub("y.deadletter", partitions: 1, days: 1)
        XCTAssertEqual(
            DeadLetter.misfit(small, for: origin),
            "has 1 partition, not 8; keeps events 1d, not at least 30d; takes events of at most"
                + " 1.0 MiB, not at least 2162688 bytes (the largest event of 'y' with its"
                + " deadletter.* properties)")
    }

    func testAnEqualMaximumEventSizeLeavesNoRoomForTheDeadLetterProperties() {
        let origin = hub("k", partitions: 2, days: 1)
        let same = hub("k.deadletter", partitions: 2, days: 30)
        XCTAssertEqual(
            DeadLetter.misfit(same, for: origin),
            "takes events of at most 1.0 MiB, not at least 1114112 bytes (the largest event of"
                + " 'k' with its deadletter.* properties)")
    }

    func testALongerRetentionAndLargerEventsStillFit() {
        let origin = hub("y", partitions: 4, days: 7)
        XCTAssertNil(
            DeadLetter.misfit(
                hub("y.deadletter", partitions: 4, days: 90, maxEventSize: 4_194_304),
                for: origin))
    }

    func testTheFlagsToCreateOneNameTheOriginsPartitionCount() {
        XCTAssertEqual(
            DeadLetter.createFlags(for: hub("y", partitions: 8, days: 60)),
            "--partitions 8 --retention 60d --max-event-size 1114112")
    }
}
