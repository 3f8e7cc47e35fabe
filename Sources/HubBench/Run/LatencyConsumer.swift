import HubCore
import Synchronization

/// The consumer of an end-to-end run: tails a hub with a `Tailer`, as `tail` does, and times
/// every stamped event from its publish call to its delivery here.
///
/// Made on the calling thread, so that it starts after the events already there before any
/// producer starts; then `run` goes on a worker thread of its own, and the publishers' side
/// calls `publishersFinished` from theirs.
final class LatencyConsumer: @unchecked Sendable {
    private let log: EventLog
    private let tailer: Tailer
    private let expected: Int
    private let workload: EndToEndWorkload
    /// Events delivered so far, for progress.
    let delivered = Atomic<Int>(0)
    /// Set by `publishersFinished` once no more events will be published.
    private let publishersDone = Atomic<Bool>(false)
    /// The events published in all, written before `publishersDone` is set; -1 when the
    /// publishers could not tell.
    private let published = Atomic<Int>(-1)

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

    /// Tells the consumer that no more events will be published, and how many were: nil when
    /// that is not known, such as after the other process was stopped.
    func publishersFinished(published count: Int?) {
        published.store(count ?? -1, ordering: .relaxed)
        publishersDone.store(true, ordering: .releasing)
    }

    /// Polls until every expected event arrived, or until the publishers are done and every
    /// event they published arrived, or nothing more arrived for `workload.drainNanos`.
    ///
    /// Once `workers` is told to stop, the publishers stop too; the consumer then still takes
    /// the events they published before, so that none of them counts as missing, but waits
    /// for late ones no longer than `workload.stoppedDrainNanos`.
    func run(_ workers: Workers) throws {
        let notifier = log as? AppendNotifying
        var count = 0
        var lastArrival = MonotonicClock.nanos()
        while count < expected {
            // Read before polling, so that the poll sees every event of finished publishers.
            let done = publishersDone.load(ordering: .acquiring)
            let target = published.load(ordering: .relaxed)
            if done && target >= 0 && count >= target { break }

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

            if done && now - lastArrival >= patience(stopped: workers.shouldStop, target) {
                break
            }
            if let notifier {
                _ = notifier.waitForAppend(after: seen, timeoutNanos: workload.idleNanos)
            } else {
                MonotonicClock.sleep(nanos: workload.idleNanos)
            }
        }
    }

    /// How long to wait for more events after the publishers are done. A stopped run with an
    /// unknown count takes what one poll found: the publishers have committed all they will.
    private func patience(stopped: Bool, _ target: Int) -> UInt64 {
        guard stopped else { return workload.drainNanos }
        return target >= 0 ? workload.stoppedDrainNanos : 0
    }
}
