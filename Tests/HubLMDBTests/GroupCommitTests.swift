import Foundation
import HubCore
import XCTest

@testable import HubLMDB

/// Appends made at the same time by threads of one process share commits, yet each keeps its
/// own outcome.
final class GroupCommitTests: LMDBTestCase {
    func testSixteenConcurrentProducersLandEveryEventOnceWithContiguousNumbers() throws {
        let log = try openLog(withHub: HubSpec(name: "orders", partitionCount: 2))
        let producers = 16
        let appendsEach = 10
        let failures = Failures()

        DispatchQueue.concurrentPerform(iterations: producers) { producer in
            for index in 0..<appendsEach {
                let event = text("p\(producer)-\(index)", partition: index % 2)
                do {
                    _ = try log.append(hub: "orders", batch: [event], durability: .durable)
                } catch {
                    failures.add("\(error)")
                }
            }
        }

        XCTAssertEqual(failures.all, [])
        var seen: [String] = []
        for partition in 0..<2 {
            let events = try log.read(
                hub: "orders", partition: partition, from: .earliest, maxCount: 1000)
            XCTAssertEqual(events.map(\.sequenceNumber), Array(0..<Int64(events.count)))
            seen += bodies(events)
        }
        let expected = (0..<producers).flatMap { producer in
            (0..<appendsEach).map { "p\(producer)-\($0)" }
        }
        XCTAssertEqual(seen.sorted(), expected.sorted())
        XCTAssertLessThanOrEqual(log.appendCommitCount, UInt64(producers * appendsEach))
    }

    func testAppendsQueuedDuringACommitShareOneTransactionAndABadBatchFailsAlone() throws {
        let log = try openLog(withHub: HubSpec(name: "orders", partitionCount: 2))
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let held = Thread {
            // Holds the writer, so that every append below queues up behind it.
            try? log.environment.write(durability: .noSync) { _ in
                holding.signal()
                release.wait()
            }
        }
        held.start()
        holding.wait()

        let outcomes = Outcomes()
        let appenders = DispatchGroup()
        for producer in 0..<8 {
            appenders.enter()
            Thread {
                let partition = producer == 5 ? 9 : producer % 2
                let event = text("p\(producer)", partition: partition)
                outcomes.set(producer, Result {
                    try log.append(hub: "orders", batch: [event], durability: .durable)
                })
                appenders.leave()
            }.start()
        }
        Thread.sleep(forTimeInterval: 0.5)
        let commitsBefore = log.appendCommitCount
        release.signal()
        appenders.wait()

        for producer in 0..<8 where producer != 5 {
            XCTAssertEqual(try outcomes.get(producer)?.get().count, 1, "producer \(producer)")
        }
        XCTAssertEqual(
            outcomes.get(5)?.error as? HubError,
            HubError.partitionNotFound(hub: "orders", partition: 9, partitionCount: 2))
        // The first appender commits alone; the other six good ones share the next commit.
        XCTAssertLessThanOrEqual(log.appendCommitCount - commitsBefore, 2)
        for partition in 0..<2 {
            let events = try log.read(
                hub: "orders", partition: partition, from: .earliest, maxCount: 100)
            XCTAssertEqual(events.map(\.sequenceNumber), Array(0..<Int64(events.count)))
        }
        let states = try log.partitionStates(hub: "orders")
        XCTAssertEqual(states.map(\.eventCount).reduce(0, +), 7)
    }

    func testEveryBatchOfASharedCommitLandsWhole() throws {
        let log = try openLog(withHub: HubSpec(name: "orders", partitionCount: 3))
        DispatchQueue.concurrentPerform(iterations: 8) { producer in
            let batch = (0..<30).map { text("p\(producer)-\($0)", partition: $0 % 3) }
            _ = try? log.append(hub: "orders", batch: batch, durability: .noSync)
        }
        for partition in 0..<3 {
            let events = try log.read(
                hub: "orders", partition: partition, from: .earliest, maxCount: 1000)
            XCTAssertEqual(events.count, 80)
            // Within a partition, each producer's ten events are adjacent: no batch interleaves.
            let producersInOrder = bodies(events).map { $0.split(separator: "-")[0] }
            for start in stride(from: 0, to: 80, by: 10) {
                XCTAssertEqual(Set(producersInOrder[start..<start + 10]).count, 1)
            }
        }
    }
}

/// Error texts collected from several threads.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [String] = []

    func add(_ text: String) { lock.withLock { texts.append(text) } }

    var all: [String] { lock.withLock { texts } }
}

/// Each producer's append outcome, collected from several threads.
private final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Int: Result<[EventMetadata], Error>] = [:]

    func set(_ producer: Int, _ result: Result<[EventMetadata], Error>) {
        lock.withLock { results[producer] = result }
    }

    func get(_ producer: Int) -> Result<[EventMetadata], Error>? {
        lock.withLock { results[producer] }
    }
}

extension Result {
    var error: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
