import CNATS
import HubCore
import XCTest

@testable import HubNATS

/// How a chain reads its acknowledgements: what landed, and what to do next.
final class PartitionChainTests: XCTestCase {
    private func chain(_ count: Int) -> PartitionChain {
        var chain = PartitionChain(
            partition: 2, stream: "S", subject: "s", indices: Array(0..<count), batchId: "b")
        chain.anchor = .sequence(10)
        chain.time = 500
        return chain
    }

    private let lost = NATSError.timeout("no answer")

    func testAStoredMessageVouchesForTheLostAcknowledgementsBeforeIt() {
        var chain = chain(4)
        let outcome = chain.take([
            .unknown(lost), .stored(sequence: 12, duplicate: false), .unknown(lost),
            .unknown(lost),
        ])
        XCTAssertEqual(chain.landed, [11, 12])
        XCTAssertEqual(chain.anchor, .sequence(12))
        guard case .unknown = outcome else { return XCTFail("\(outcome)") }
        XCTAssertEqual(chain.remaining, 2..<4)
    }

    func testAnotherPublisherInBetweenIsAConflictAfterWhatLanded() {
        var chain = chain(3)
        let wrong = NATSError.jetStream(
            code: Int(JSStreamWrongLastMsgIDErr.rawValue), description: "wrong last msg ID")
        let outcome = chain.take([
            .stored(sequence: 11, duplicate: false), .refused(wrong), .refused(wrong),
        ])
        XCTAssertEqual(chain.landed, [11])
        guard case .conflict = outcome else { return XCTFail("\(outcome)") }
    }

    func testTheRemainderExpectsItsPredecessor() {
        var chain = chain(3)
        _ = chain.take([.stored(sequence: 11, duplicate: false), .unknown(lost), .unknown(lost)])
        let messages = chain.messages(
            (0..<3).map { RoutedEvent(partition: 2, data: EventData(text: "e\($0)")) })
        XCTAssertEqual(messages.count, 2)
        let first = Dictionary(messages[0].headers, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(first["Nats-Expected-Last-Sequence"], "11")
        XCTAssertEqual(first["Nats-Msg-Id"], "b-2-1")
        let second = Dictionary(messages[1].headers, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(second["Nats-Expected-Last-Msg-Id"], "b-2-1")
        XCTAssertEqual(second["Hubsh-Time"], "500")
    }

    func testTheFirstMessageIntoAnEmptyStreamExpectsItEmpty() {
        var chain = chain(2)
        chain.anchor = .sequence(0)
        let messages = chain.messages(
            (0..<2).map { RoutedEvent(partition: 2, data: EventData(text: "e\($0)")) })
        let first = Dictionary(messages[0].headers, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(first["Nats-Expected-Last-Sequence"], "0")
        let unanchored = PartitionChain(
            partition: 2, stream: "S", subject: "s", indices: [0], batchId: "b")
        let free = unanchored.messages([RoutedEvent(partition: 2, data: EventData(text: "e"))])
        XCTAssertFalse(free[0].headers.contains { $0.0 == "Nats-Expected-Last-Sequence" })
    }

    func testAPartialBatchNamesWhatLandedInOneLine() {
        let landed = [
            EventMetadata(partition: 2, sequenceNumber: 104, offset: 104, enqueuedTime: 0),
            EventMetadata(partition: 2, sequenceNumber: 105, offset: 105, enqueuedTime: 0),
            EventMetadata(partition: 0, sequenceNumber: 7, offset: 7, enqueuedTime: 0),
        ]
        let text = HubError.partiallyAppended(landed: landed, total: 10, reason: "timeout")
            .description
        XCTAssertEqual(
            text,
            "published 3 of 10 events (partition 2: seq 104-105, partition 0: seq 7); the other 7"
                + " were not acknowledged: timeout; read the partition before publishing them"
                + " again")
    }
}
