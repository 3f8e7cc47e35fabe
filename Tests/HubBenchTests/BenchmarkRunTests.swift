import Foundation
import HubCore
import HubLMDB
import XCTest

@testable import HubBench

/// The runners on a real log in a temporary directory: their counts add up and their
/// histograms hold one value per event. No assertion is about speed.
final class BenchmarkRunTests: XCTestCase {
    private var directory = ""
    private var log: LMDBEventLog!

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "hubbench-" + UUID().uuidString
        log = try LMDBEventLog.open(
            directory: directory, options: LMDBEventLog.Options(autoPurgeInterval: nil))
    }

    override func tearDownWithError() throws {
        log.close()
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func hub(partitions: Int = 4) throws -> HubProperties {
        try BenchHub.prepare(
            log: log, existing: nil, partitions: partitions, largestBatchBytes: 0,
            largestEventBytes: 0
        ).properties
    }

    func testPublishCountsEveryEventOfEveryProducerOnce() throws {
        let hub = try hub()
        let workload = PublishWorkload(
            events: 1003, bodySize: 64, batchSize: 10, producers: 4, keys: 0,
            durability: .noSync)
        let result = try PublishBenchmark.run(
            log: log, hub: hub, workload: workload, control: .silent)

        XCTAssertEqual(result.events, 1003)
        XCTAssertEqual(result.bytes, 1003 * 64)
        XCTAssertEqual(result.latency.count, 1003)
        XCTAssertFalse(result.interrupted)
        let commits = try XCTUnwrap(result.commits)
        XCTAssertGreaterThan(commits, 0)
        XCTAssertLessThanOrEqual(commits, 101 + 3)
        let stored = try log.partitionStates(hub: hub.name).map(\.eventCount).reduce(0, +)
        XCTAssertEqual(stored, 1003)
    }

    func testPublishWithKeysRoutesEachKeyToItsPartition() throws {
        let hub = try hub()
        let workload = PublishWorkload(
            events: 200, bodySize: 20, batchSize: 7, producers: 2, keys: 5, durability: .noSync)
        _ = try PublishBenchmark.run(log: log, hub: hub, workload: workload, control: .silent)
        var keys: [String: Int] = [:]
        for partition in 0..<4 {
            let events = try log.read(
                hub: hub.name, partition: partition, from: .earliest, maxCount: 1000)
            for event in events {
                let key = try XCTUnwrap(event.data.partitionKey)
                XCTAssertEqual(PartitionKey.partition(for: key, partitionCount: 4), partition)
                keys[key, default: 0] += 1
            }
        }
        // Both producers take their keys from one table, in turn: 40 events of each key.
        XCTAssertEqual(keys, ["key-0": 40, "key-1": 40, "key-2": 40, "key-3": 40, "key-4": 40])
    }

    func testRoundRobinByBatchSendsEachBatchWholeToTheNextPartition() throws {
        let hub = try hub()
        // 9 batches of 10 and one of 3 from one producer: partitions take whole batches in
        // turn, the same events reused for each, and the short last batch goes on in turn.
        let workload = PublishWorkload(
            events: 93, bodySize: 16, batchSize: 10, producers: 1, durability: .noSync)
        XCTAssertEqual(workload.roundRobin, .batch)
        _ = try PublishBenchmark.run(log: log, hub: hub, workload: workload, control: .silent)

        let counts = try log.partitionStates(hub: hub.name).map(\.eventCount)
        XCTAssertEqual(counts.reduce(0, +), 93)
        // Batches to partitions 0 1 2 3 0 1 2 3 0, then the last 3 events to partition 1.
        XCTAssertEqual(counts, [30, 23, 20, 20])
        var factory = EventFactory(bodySize: 4, keys: 0, partitionCount: 4, producer: 0)
        var batch: [RoutedEvent] = []
        var firsts: [Int] = []
        for _ in 0..<6 {
            factory.fill(&batch, count: 5)
            XCTAssertEqual(Set(batch.map(\.partition)).count, 1, "one partition per batch")
            firsts.append(batch[0].partition)
        }
        XCTAssertEqual(firsts, [0, 1, 2, 3, 0, 1])
    }

    func testRoundRobinByEventSpreadsEachBatch() throws {
        var factory = EventFactory(
            bodySize: 4, keys: 0, roundRobin: .event, partitionCount: 3, producer: 1)
        var batch: [RoutedEvent] = []
        factory.fill(&batch, count: 4)
        XCTAssertEqual(batch.map(\.partition), [1, 2, 0, 1])
        factory.fill(&batch, count: 4)
        XCTAssertEqual(batch.map(\.partition), [2, 0, 1, 2])

        let hub = try hub(partitions: 3)
        let workload = PublishWorkload(
            events: 30, bodySize: 16, batchSize: 10, roundRobin: .event, durability: .noSync)
        _ = try PublishBenchmark.run(log: log, hub: hub, workload: workload, control: .silent)
        XCTAssertEqual(try log.partitionStates(hub: hub.name).map(\.eventCount), [10, 10, 10])
    }

    func testReadVisitsEveryStoredEventOnce() throws {
        let hub = try hub(partitions: 3)
        let fill = PublishWorkload(
            events: 2500, bodySize: 100, batchSize: 1000, durability: .noSync)
        _ = try PublishBenchmark.run(log: log, hub: hub, workload: fill, control: .silent)

        let result = try ReadBenchmark.run(log: log, hub: hub, control: .silent)
        XCTAssertEqual(result.events, 2500)
        XCTAssertEqual(result.bytes, 2500 * 100)
        XCTAssertGreaterThanOrEqual(result.latency.count, 3)

        let capped = try ReadBenchmark.run(log: log, hub: hub, maxEvents: 10, control: .silent)
        XCTAssertEqual(capped.events, 10)
    }

    func testEndToEndDeliversEveryPublishedEventWithItsLatency() throws {
        let hub = try hub(partitions: 2)
        let workload = EndToEndWorkload(
            publish: PublishWorkload(
                events: 300, bodySize: 40, batchSize: 1, producers: 2, durability: .noSync),
            rate: 3000)
        let outcome = try EndToEndBenchmark.run(
            log: log, hub: hub, workload: workload, publishers: .inProcess, control: .silent)
        let result = outcome.delivery

        XCTAssertEqual(outcome.publishing?.events, 300)
        XCTAssertGreaterThan(outcome.publishing?.eventsPerSecond ?? 0, 0)
        XCTAssertEqual(outcome.askedRate, 3000)
        XCTAssertNotNil(outcome.keptUp)
        XCTAssertEqual(result.events, 300)
        XCTAssertEqual(result.missing, 0)
        XCTAssertEqual(result.latency.count, 300)
        XCTAssertEqual(result.bytes, 300 * 40)
        let percentiles = [50.0, 90, 99, 99.9].map { result.latency.value(atPercentile: $0) }
        XCTAssertEqual(percentiles, percentiles.sorted())
        XCTAssertLessThanOrEqual(percentiles.last!, result.latency.maximum)
    }

    func testAPacedRunNeverReportsMoreThanTheRateItWasPacedAt() throws {
        let hub = try hub(partitions: 2)
        // Three batches of 10 at 30/s are sent at 0, 1/3 and 2/3 s and stand for 1 s.
        let workload = EndToEndWorkload(
            publish: PublishWorkload(events: 30, bodySize: 40, batchSize: 10, durability: .noSync),
            rate: 30)
        XCTAssertEqual(workload.pacedNanos(events: 30), 1_000_000_000)
        let outcome = try EndToEndBenchmark.run(
            log: log, hub: hub, workload: workload, publishers: .inProcess, control: .silent)

        XCTAssertEqual(outcome.delivery.events, 30)
        XCTAssertGreaterThanOrEqual(outcome.delivery.elapsedNanos, 1_000_000_000)
        XCTAssertLessThanOrEqual(outcome.delivery.eventsPerSecond, 30)
        XCTAssertLessThanOrEqual(outcome.publishing?.eventsPerSecond ?? 31, 30)
    }

    func testAStoppedEndToEndRunCountsOnlyPublishedEventsAsMissing() throws {
        let hub = try hub(partitions: 2)
        // 20 s of events at this rate: the run is stopped long before it could finish.
        let workload = EndToEndWorkload(
            publish: PublishWorkload(
                events: 100_000, bodySize: 40, batchSize: 1, producers: 2, durability: .noSync),
            rate: 5000)
        let result = try EndToEndBenchmark.run(
            log: log, hub: hub, workload: workload, publishers: .inProcess,
            control: .stoppingOnceDelivered()
        ).delivery

        XCTAssertTrue(result.interrupted)
        XCTAssertGreaterThan(result.events, 0)
        XCTAssertLessThan(result.events, 100_000)
        XCTAssertEqual(result.missing, 0, "events never published are not missing")
        XCTAssertEqual(Int(result.latency.count), result.events)
        let stored = try log.partitionStates(hub: hub.name).map(\.eventCount).reduce(0, +)
        XCTAssertEqual(Int(stored), result.events, "every published event was delivered")
    }

    func testProducersBelowNinetyFivePercentOfTheAskedRateDidNotKeepUp() {
        let delivery = BenchResult(
            benchmark: "e2e", events: 0, bytes: 0, elapsedNanos: 0, latency: LatencyHistogram(),
            latencyMeaning: "")
        let reached = { (rate: Double) in
            EndToEndResult(
                delivery: delivery, askedRate: 1000,
                publishing: .init(events: 10, eventsPerSecond: rate)
            ).keptUp
        }
        XCTAssertEqual(reached(1200), true)
        XCTAssertEqual(reached(960), true)
        XCTAssertEqual(reached(940), false)
        XCTAssertEqual(reached(0), false)
        XCTAssertNil(EndToEndResult(delivery: delivery, askedRate: 1000, publishing: nil).keptUp)
    }

    func testBaselineAppendsTheWholePatternAndCleansUp() throws {
        let workload = PublishWorkload(
            events: 95, bodySize: 100, batchSize: 10, durability: .noSync)
        let result = try BaselineBenchmark.run(engine: log, workload: workload, control: .silent)
        XCTAssertEqual(result.events, 95)
        XCTAssertEqual(result.commits, 10)
        XCTAssertEqual(result.latency.count, 95)
        let left = try FileManager.default.contentsOfDirectory(atPath: directory)
        XCTAssertEqual(left.filter { $0.hasPrefix("bench-baseline-") }, [])
    }

    func testAStopRequestEndsTheRunEarlyAndSaysSo() throws {
        let hub = try hub()
        let workload = PublishWorkload(
            events: 5_000_000, bodySize: 10, batchSize: 1, durability: .noSync)
        let result = try PublishBenchmark.run(
            log: log, hub: hub, workload: workload, control: RunControl(shouldStop: { true }))
        XCTAssertTrue(result.interrupted)
        XCTAssertLessThan(result.events, 5_000_000)
        XCTAssertEqual(Int(result.latency.count), result.events)
    }

    func testStampedBodiesCarryTheirTime() {
        let body = StampedBody.make(size: 40, stampedAt: 123_456_789)
        XCTAssertEqual(body.count, 40)
        XCTAssertEqual(body.withUnsafeBytes(StampedBody.stamp), 123_456_789)
        XCTAssertNil(Array("plain body of some length".utf8).withUnsafeBytes(StampedBody.stamp))
    }
}

/// The generic runner that benchmarks of other operations build on.
final class OperationBenchmarkTests: XCTestCase {
    func testEveryCallIsMadeOnceAndTimed() throws {
        let calls = CallLog()
        let result = try OperationBenchmark.run(
            name: "validate", count: 103, threads: 3, eventsPerCall: 2, bytesPerEvent: 10,
            control: .silent
        ) { index in
            calls.add(index)
        }
        XCTAssertEqual(calls.sorted, Array(0..<103))
        XCTAssertEqual(result.events, 206)
        XCTAssertEqual(result.bytes, 2060)
        XCTAssertEqual(result.latency.count, 206)
        XCTAssertEqual(result.benchmark, "validate")
    }

    func testAFailingCallStopsTheRunWithItsError() {
        XCTAssertThrowsError(
            try OperationBenchmark.run(name: "validate", count: 50, control: .silent) { index in
                if index == 7 { throw HubError.invalidProperty("event 7") }
            }
        ) { error in
            XCTAssertEqual(error as? HubError, .invalidProperty("event 7"))
        }
    }
}

extension RunControl {
    /// Asks the run to stop at its first tick after progress showed some events done, as
    /// Ctrl-C would. Both closures run on the thread that called the benchmark.
    static func stoppingOnceDelivered() -> RunControl {
        let seen = DoneSoFar()
        return RunControl(shouldStop: { seen.events > 0 }, progress: { seen.events = $0.done })
    }
}

/// The events a run's progress last showed.
private final class DoneSoFar {
    var events = 0
}

/// Call indices collected from several threads.
private final class CallLog: @unchecked Sendable {
    private let lock = NSLock()
    private var indices: [Int] = []

    func add(_ index: Int) { lock.withLock { indices.append(index) } }

    var sorted: [Int] { lock.withLock { indices.sorted() } }
}
