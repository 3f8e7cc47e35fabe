import HubCore
import XCTest

@testable import HubShell

/// How a replay cuts its events into batches: `ReplayBatches.split`.
final class ReplayBatchesTests: XCTestCase {
    private func hub(_ name: String, maxEventSize: Int) -> HubProperties {
        HubProperties(
            name: name, partitionCount: 2, retentionMillis: 86_400_000,
            maxEventSize: maxEventSize, createdAt: 0)
    }

    private func candidate(seq: Int64, bodySize: Int) -> ReplayBatches.Candidate {
        let data = EventData(body: Array(repeating: UInt8(ascii: "x"), count: bodySize))
        let letter = ReceivedEvent(
            metadata: EventMetadata(partition: 0, sequenceNumber: seq, offset: 0, enqueuedTime: 0),
            data: data)
        return (letter, RoutedEvent(partition: 0, data: data))
    }

    func testEachBatchFitsTheOriginHub() throws {
        let events = (1...5).map { candidate(seq: Int64($0), bodySize: 400) }
        let batches = try ReplayBatches.split(
            events, origin: hub("m", maxEventSize: 1000),
            deadLetterHub: hub("m.deadletter", maxEventSize: 1_000_000))
        XCTAssertEqual(batches.map(\.count), [2, 2, 1])
        XCTAssertEqual(batches.flatMap { $0.map(\.letter.sequenceNumber) }, [1, 2, 3, 4, 5])
    }

    func testTheMarkersOfEachBatchFitTheDeadLetterHub() throws {
        let events = (1...6).map { candidate(seq: Int64($0), bodySize: 1) }
        let origin = hub("m", maxEventSize: 1_000_000)
        let marker = ReplayBatches.largestMarkerSize(of: events[0].letter, origin: origin)
        let batches = try ReplayBatches.split(
            events, origin: origin, deadLetterHub: hub("m.deadletter", maxEventSize: 2 * marker))
        XCTAssertEqual(batches.map(\.count), [2, 2, 2])
    }

    func testAnEventThatCanNeverFitStopsBeforeAnyBatch() {
        let events = [candidate(seq: 1, bodySize: 10), candidate(seq: 7, bodySize: 2000)]
        XCTAssertThrowsError(
            try ReplayBatches.split(
                events, origin: hub("m", maxEventSize: 1000),
                deadLetterHub: hub("m.deadletter", maxEventSize: 1_000_000))
        ) { error in
            XCTAssertTrue("\(error)".hasPrefix("dead letter 0/7 is 2000 bytes"), "\(error)")
        }
    }
}
