import Foundation
import HubCore
import XCTest

@testable import HubLMDB

/// What the embedded log tells benchmarks about its disk and sweeps for them: raw-baseline
/// scratch directories that killed runs left, and the room left to grow into.
final class BenchScratchTests: LMDBTestCase {
    /// The id of a process that has exited (a child that ran `/bin/true`).
    private func exitedProcessId() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    /// Makes `name` in `parent` as a raw baseline leaves it, with LMDB's two files and `extra`.
    private func makeScratch(_ name: String, in parent: String, extra: [String] = []) throws {
        let folder = parent + "/" + name
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: false)
        for file in ["data.mdb", "lock.mdb"] + extra {
            let path = folder + "/" + file
            XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: nil))
        }
    }

    func testSweepRemovesScratchOfExitedProcessesOnly() throws {
        let log = try openLog()
        let parent = log.environment.directory
        let gone = try exitedProcessId()
        let live = getpid()
        try makeScratch("bench-baseline-\(gone)-1", in: parent)
        try makeScratch("bench-baseline-\(gone)-2", in: parent, extra: ["notes.txt"])
        try makeScratch("bench-baseline-\(live)-3", in: parent)
        try makeScratch("bench-baseline-old", in: parent)

        XCTAssertEqual(log.removeAbandonedScratch(), ["bench-baseline-\(gone)-1"])
        let left = try FileManager.default.contentsOfDirectory(atPath: parent)
            .filter { $0.hasPrefix("bench-baseline-") }.sorted()
        // A directory with files LMDB did not make is not hubsh's to remove.
        XCTAssertEqual(
            left,
            ["bench-baseline-\(gone)-2", "bench-baseline-\(live)-3", "bench-baseline-old"].sorted())
    }

    func testScratchOfARunningBaselineIsKept() throws {
        let log = try openLog()
        let pattern = RawAppendPattern(
            recordSize: 10, batchSize: 1, durability: .noSync, expectedRecords: 10)
        let appender = try log.makeRawAppender(pattern)
        defer { appender.close() }
        try appender.appendBatch(count: 1)
        XCTAssertEqual(log.removeAbandonedScratch(), [])
        try appender.appendBatch(count: 1)
    }

    func testRoomToGrowCountsThePagesADeletedHubFreed() throws {
        let log = try openLog(withHub: HubSpec(name: "big", partitionCount: 1))
        let before = try log.environment.reusableBytes()
        let body = [UInt8](repeating: 7, count: 1000)
        for _ in 0..<40 {
            let batch = (0..<100).map { _ in
                RoutedEvent(partition: 0, data: EventData(body: body))
            }
            _ = try log.append(hub: "big", batch: batch, durability: .noSync)
        }
        try log.deleteHub(named: "big")

        // 4 MB of bodies: at least 3 MB of their pages wait in LMDB's free list for reuse.
        XCTAssertGreaterThan(try log.environment.reusableBytes() - before, 3_000_000)
        let room = try XCTUnwrap(log.freeStorageBytes)
        XCTAssertGreaterThanOrEqual(room, try log.environment.reusableBytes())
    }

    func testStoredSizeCountsWholePagesForLargeEvents() throws {
        let log = try openLog()
        let small = log.storedBytes(events: 1000, bodySize: 100, keyBytes: 0)
        XCTAssertGreaterThan(small, 100_000)
        XCTAssertLessThan(small, 200_000)
        // A 5000-byte event fills two overflow pages of 4096 bytes.
        let large = log.storedBytes(events: 10, bodySize: 5000, keyBytes: 0)
        XCTAssertGreaterThanOrEqual(large, 81_920)
        let huge = log.storedBytes(events: 1_000_000_000, bodySize: 100_000, keyBytes: 0)
        let one = log.storedBytes(events: 1, bodySize: 100_000, keyBytes: 0)
        XCTAssertEqual(huge, one * 1_000_000_000)
    }
}
