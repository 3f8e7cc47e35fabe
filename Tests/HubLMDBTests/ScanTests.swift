import Foundation
import HubCore
import XCTest

@testable import HubLMDB

/// `scan` lends the same events `read` copies, and stops when told to.
final class ScanTests: LMDBTestCase {
    func testScanLendsWhatReadCopies() throws {
        let log = try openLog(withHub: HubSpec(name: "orders", partitionCount: 2))
        let batch = (0..<20).map { index in
            RoutedEvent(
                partition: index % 2,
                data: EventData(
                    body: Array("body-\(index)".utf8),
                    partitionKey: index % 3 == 0 ? "key-\(index)" : nil,
                    properties: index % 4 == 0 ? [("n", .int(Int64(index))), ("ok", .bool(true))]
                        : [],
                    contentType: index % 5 == 0 ? "text/plain" : nil))
        }
        _ = try log.append(hub: "orders", batch: batch, durability: .noSync)

        for partition in 0..<2 {
            let read = try log.read(
                hub: "orders", partition: partition, from: .sequenceNumber(2, inclusive: true),
                maxCount: 100)
            var lent: [ReceivedEvent] = []
            let visited = try log.scan(
                hub: "orders", partition: partition, from: .sequenceNumber(2, inclusive: true),
                maxCount: 100
            ) { event in
                lent.append(event.copy())
                return true
            }
            XCTAssertEqual(visited, read.count)
            XCTAssertEqual(lent, read)
        }
    }

    func testScanStopsWhenTheVisitorSaysSoOrAtMaxCount() throws {
        let log = try openLog(withHub: HubSpec(name: "orders", partitionCount: 1))
        try publish(log, hub: "orders", partition: 0, count: 50)

        var seen: [Int64] = []
        let stopped = try log.scan(hub: "orders", partition: 0, from: .earliest, maxCount: 100) {
            seen.append($0.sequenceNumber)
            return seen.count < 5
        }
        XCTAssertEqual(stopped, 5)
        XCTAssertEqual(seen, [0, 1, 2, 3, 4])

        let capped = try log.scan(hub: "orders", partition: 0, from: .last(10), maxCount: 3) { _ in
            true
        }
        XCTAssertEqual(capped, 3)
    }

    func testAnErrorFromTheVisitorReachesTheCallerUnchanged() throws {
        let log = try openLog(withHub: HubSpec(name: "orders", partitionCount: 1))
        try publish(log, hub: "orders", partition: 0, count: 3)
        XCTAssertThrowsError(
            try log.scan(hub: "orders", partition: 0, from: .earliest, maxCount: 10) { _ in
                throw HubError.invalidProperty("stop")
            }
        ) { error in
            XCTAssertEqual(error as? HubError, .invalidProperty("stop"))
        }
    }

    func testRawAppenderWritesApartFromHubsAndRemovesItsDirectory() throws {
        let log = try openLog(withHub: HubSpec(name: "orders", partitionCount: 1))
        let pattern = RawAppendPattern(
            recordSize: 100, batchSize: 10, durability: .noSync, expectedRecords: 100)
        let appender = try log.makeRawAppender(pattern)
        for _ in 0..<10 { try appender.appendBatch(count: 10) }
        try appender.reset()
        try appender.appendBatch(count: 10)
        let scratch = try FileManager.default.contentsOfDirectory(atPath: dataDirectory)
            .filter { $0.hasPrefix("bench-baseline-") }
        XCTAssertEqual(scratch.count, 1)

        appender.close()
        let left = try FileManager.default.contentsOfDirectory(atPath: dataDirectory)
        XCTAssertEqual(left.filter { $0.hasPrefix("bench-baseline-") }, [])
        XCTAssertEqual(try log.partitionStates(hub: "orders").map(\.eventCount), [0])
    }
}
