import Foundation
import HubCore
import HubLMDB
import XCTest

@testable import HubBench

/// Throwaway hubs that killed runs left, and the checks a run makes before it creates
/// anything, on a real embedded log in a temporary directory.
final class BenchLeftoversTests: XCTestCase {
    private var directory = ""
    private var log: LMDBEventLog!

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "hubbench-leftovers-" + UUID().uuidString
        log = try LMDBEventLog.open(
            directory: directory, options: LMDBEventLog.Options(autoPurgeInterval: nil))
    }

    override func tearDownWithError() throws {
        log.close()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The id of a process that has exited (a child that ran `/bin/true`).
    private func exitedProcessId() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    private func createHub(_ name: String) throws {
        _ = try log.createHub(HubSpec(name: name, partitionCount: 1))
    }

    func testThrowawayHubNamesCarryTheirProcess() throws {
        let hub = try BenchHub.prepare(
            log: log, existing: nil, partitions: 1, largestBatchBytes: 100, largestEventBytes: 10)
        XCTAssertEqual(ThrowawayHubName.owner(of: hub.name), getpid())
        XCTAssertNil(ThrowawayHubName.owner(of: "bench-orders"))
        XCTAssertNil(ThrowawayHubName.owner(of: "bench-12-6A5E6EC9"))
        XCTAssertNil(ThrowawayHubName.owner(of: "bench-12-6a5e6ec9-x"))
        XCTAssertTrue(ThrowawayHubName.isOlderForm("bench-6a5e6ec9"))
        XCTAssertFalse(ThrowawayHubName.isOlderForm(hub.name))
    }

    func testSweepDeletesHubsOfExitedProcessesAndKeepsTheRest() throws {
        let gone = try exitedProcessId()
        let dead = "bench-\(gone)-0000abcd"
        let running = "bench-\(getpid())-0000abcd"
        try createHub(dead)
        try createHub(running)
        try createHub("bench-6a5e6ec9")
        try createHub("bench-orders")

        let swept = BenchLeftovers.sweep(log: log)
        XCTAssertEqual(swept.removedHubs, [dead])
        XCTAssertEqual(swept.keptHubs, ["bench-6a5e6ec9"])
        XCTAssertEqual(
            try log.hubs().map(\.name).sorted(),
            ["bench-6a5e6ec9", running, "bench-orders"].sorted())
        XCTAssertEqual(
            swept.removalSummary, "removed what stopped benches left behind: hub \(dead)")
        let kept = try XCTUnwrap(swept.keptSummary)
        XCTAssertTrue(kept.contains("'hub delete bench-6a5e6ec9'"), kept)

        // Nothing left to sweep: nothing to say about removals.
        XCTAssertNil(BenchLeftovers.sweep(log: log).removalSummary)
    }

    func testABatchOverTheEnginesLimitIsRefusedBeforeAHubIsMade() throws {
        XCTAssertThrowsError(
            try BenchHub.prepare(
                log: log, existing: nil, partitions: 1,
                largestBatchBytes: HubSpec.maxEventSizeLimit + 1, largestEventBytes: 1)
        ) { error in
            XCTAssertEqual(
                error as? BenchRefusal,
                .batchTooLargeForEngine(
                    bytes: HubSpec.maxEventSizeLimit + 1, max: HubSpec.maxEventSizeLimit))
        }
        XCTAssertEqual(try log.hubs().count, 0)
    }

    func testARunLargerThanTheFreeSpaceIsRefused() throws {
        let free = try XCTUnwrap(log.freeStorageBytes)
        let huge = PublishWorkload(events: 1_000_000_000, bodySize: 100_000_000)
        XCTAssertThrowsError(try BenchRoom.check(log: log, storing: [huge])) { error in
            guard case .notEnoughRoom(let needed, let reported)? = error as? BenchRefusal else {
                return XCTFail("\(error)")
            }
            XCTAssertGreaterThan(needed, free)
            XCTAssertGreaterThan(reported, 0)
        }
        XCTAssertNoThrow(
            try BenchRoom.check(log: log, storing: [PublishWorkload(events: 10, bodySize: 10)]))
    }
}
