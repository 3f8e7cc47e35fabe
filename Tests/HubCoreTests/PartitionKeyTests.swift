import Foundation
import HubCore
import XCTest

final class PartitionKeyTests: XCTestCase {
    /// The published Event Hubs client vectors, from the shared test data.
    func testEveryPublishedVectorHashesAsEventHubsDoes() throws {
        let url = TestData.root.appendingPathComponent("eventhubs/partition-key-vectors.json")
        let document = try JSONValue.parse(bytes: [UInt8](try Data(contentsOf: url)))
        guard case .array(let vectors)? = document["hashes"] else {
            return XCTFail("no 'hashes' array in \(url.path)")
        }
        XCTAssertGreaterThan(vectors.count, 10)
        var checked = 0
        for vector in vectors {
            guard let key = vector["key"]?.stringValue, case .number(let hash)? = vector["hash"]
            else { continue }
            XCTAssertEqual(PartitionKey.hash(key), Int16(hash), "key \(key)")
            checked += 1
        }
        XCTAssertEqual(checked, vectors.count)
    }

    func testPartitionIsAbsoluteTruncatingRemainder() {
        // "7" hashes to -15263; -15263 % 4 == -3, so partition 3.
        XCTAssertEqual(PartitionKey.partition(for: "7", partitionCount: 4), 3)
        XCTAssertEqual(PartitionKey.partition(for: "7", partitionCount: 1), 0)
        for count in [1, 2, 3, 4, 7, 32, 1024] {
            let partition = PartitionKey.partition(for: "customer-42", partitionCount: count)
            XCTAssertTrue((0..<count).contains(partition))
        }
    }

    func testEmptyAndMultiByteKeysHash() {
        XCTAssertEqual(PartitionKey.hash(""), PartitionKey.hash(""))
        XCTAssertNotEqual(PartitionKey.hash("über"), PartitionKey.hash("uber"))
    }

    func testRouterSendsOneKeyToOnePartitionWithinABatch() throws {
        let hub = HubProperties(
            name: "orders", partitionCount: 8, retentionMillis: 3_600_000, maxEventSize: 1024,
            createdAt: 0)
        let events = (0..<20).map { _ in EventData(body: [1], partitionKey: "customer-42") }
        let routed = try PartitionRouter().route(events, hub: hub)
        XCTAssertEqual(Set(routed.map(\.partition)).count, 1)
        XCTAssertEqual(
            routed[0].partition, PartitionKey.partition(for: "customer-42", partitionCount: 8))
    }

    func testRouterRoundRobinCoversEveryPartition() throws {
        let hub = HubProperties(
            name: "orders", partitionCount: 4, retentionMillis: 3_600_000, maxEventSize: 1024,
            createdAt: 0)
        let events = Array(repeating: EventData(body: []), count: 8)
        let routed = try PartitionRouter().route(events, hub: hub)
        XCTAssertEqual(Set(routed.map(\.partition)), [0, 1, 2, 3])
        XCTAssertEqual(routed[0].partition, routed[4].partition)
    }

    func testRouterRefusesKeyTogetherWithPartition() {
        let hub = HubProperties(
            name: "orders", partitionCount: 4, retentionMillis: 3_600_000, maxEventSize: 1024,
            createdAt: 0)
        XCTAssertThrowsError(
            try PartitionRouter().route(
                [EventData(body: [], partitionKey: "k")], hub: hub, partition: 1)
        ) { XCTAssertEqual($0 as? HubError, .keyAndPartition) }
        XCTAssertThrowsError(
            try PartitionRouter().route([EventData(body: [])], hub: hub, partition: 4)
        ) { error in
            XCTAssertEqual(
                "\(error)", "hub 'orders' has 4 partitions; partition 4 does not exist (use 0-3)")
        }
    }
}

/// The shared test data folder, `../shared/testdata` from the project root.
enum TestData {
    static let projectRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let root = projectRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/testdata")
}
