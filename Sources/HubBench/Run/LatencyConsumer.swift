import HubCore
import Synchronization

/// The consumer of an end-to-end run: tails a hub with a `Tailer`, as `tail` does, and times
/// every stamped event from its publish call to its delivery here.
///
/// Made on the calling thread, so that it starts after the events already there before any
/// producer starts; then `run` goes on a worker thread of its own.
final class LatencyConsumer: @unchecked Sendable {
    private let log: EventLog
    private let tailer: Tailer
    private let expected: Int
    private let workload: EndToEndWorkload
    /// Events delivered so far, for progress.
    let delivered = Atomic<Int>(0)
    /// Set by whoever knows that no more events will be published.
    let publishersDone = Atomic<Bool>(false)

    /// Owned by the thread running `run`; read by others only after it finished.
    private(set) var histogram = LatencyHistogram()
    private(set) var firstStamp: UInt64?
    private(set) var lastDelivery: UInt64 = 0
    private(set) var bytes = 0

    init(log: EventLog, hub: HubProperties, expected: Int, workload: EndToEndWorkload) throws {
        self.log = log
        self.expected = expected
        self.workload = workload
        var starts: [Int: EventPosition] = [:]
        for partition in 0..<hub.partitionCount { starts[partition] = .latest }
        tailer = try Tailer(log: log, hub: hub.name, starts: starts)
    }

    /// Polls until every expected event arrived, `workers` is told to stop, or the producers
    /// are done and nothing more arrived for `workload.drainNanos`.
    func run(_ workers: Workers) throws {
        let notifier = log as? AppendNotifying
        var count = 0
        var lastArrival = MonotonicClock.nanos()
        while count < expected && !workers.shouldStop {
            // Read the append count before polling: an append that commits after this read
            // makes the wait below return at once, so no wake-up is lost.
            let seen = notifier?.appendCount ?? 0
            let events = try tailer.poll()
            let now = MonotonicClock.nanos()
            for event in events {
                guard let stamp = event.data.body.withUnsafeBytes(StampedBody.stamp) else {
                    continue
                }
                histogram.record(now > stamp ? now - stamp : 0)
                firstStamp = min(firstStamp ?? stamp, stamp)
                bytes += event.data.body.count
                count += 1
            }
            if count > 0 && !events.isEmpty { lastDelivery = now }
            delivered.store(count, ordering: .relaxed)
            guard events.isEmpty else {
                lastArrival = now
                continue
            }
            if publishersDone.load(ordering: .relaxed) && now - lastArrival > workload.drainNanos {
                break
            }
            if let notifier {
                _ = notifier.waitForAppend(after: seen, timeoutNanos: workload.idleNanos)
            } else {
                MonotonicClock.sleep(nanos: workload.idleNanos)
            }
        }
    }
}
