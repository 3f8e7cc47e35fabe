import HubCore

/// Lets concurrent appends to one environment share write transactions: group commit.
///
/// Each append joins a queue and waits. When no commit is under way, the first appender to
/// notice becomes the leader: it takes what is queued (up to `maxEventsPerGroup` events, and
/// always at least one append), commits it with the `commit` it was given, hands every appender
/// of the group its own outcome and wakes them. While a leader commits, and above all while it
/// waits for the disk, new appends queue up behind it, and the next leader takes them all at
/// once. So the busier the log, the more appends share one commit and one flush, with no timer:
/// a lone appender never waits for company.
///
/// Threads: `append` runs on the appender's thread; `commit` runs on the leader's thread,
/// outside the lock, so appends keep queueing while it works.
final class GroupCommit: @unchecked Sendable {
    /// One append waiting in the queue.
    final class Pending: @unchecked Sendable {
        let hub: String
        let batch: [RoutedEvent]
        let durability: Durability
        /// The time its events are enqueued at, taken when the append was called.
        let now: Int64
        /// Set by the leader while holding the queue's lock.
        fileprivate var outcome: Result<[EventMetadata], Error>?

        init(hub: String, batch: [RoutedEvent], durability: Durability, now: Int64) {
            self.hub = hub
            self.batch = batch
            self.durability = durability
            self.now = now
        }
    }

    /// The most events one shared commit takes, so that a group stays one modest transaction;
    /// a single append bigger than this still commits, alone.
    static let maxEventsPerGroup = 100_000

    private let condition = ConditionLock()
    /// Appends waiting for a leader, oldest first. Guarded by `condition`.
    private var queue: [Pending] = []
    /// Whether a leader is committing a group now. Guarded by `condition`.
    private var leading = false

    /// Queues `pending`, waits until it is committed (by this thread or another) and returns
    /// its outcome.
    ///
    /// `commit` receives a group of appends in queue order and returns one outcome per append,
    /// in the same order; it must not throw, since every append of the group needs an answer.
    func append(_ pending: Pending, commit: ([Pending]) -> [Result<[EventMetadata], Error>])
        -> Result<[EventMetadata], Error>
    {
        condition.withLock {
            queue.append(pending)
            while true {
                if let outcome = pending.outcome { return outcome }
                guard !leading else {
                    condition.wait()
                    continue
                }
                leading = true
                let group = takeGroup()
                let outcomes = withoutLock { commit(group) }
                for (member, outcome) in zip(group, outcomes) { member.outcome = outcome }
                leading = false
                condition.broadcast()
            }
        }
    }

    /// Removes the oldest appends from the queue, as many as fit one group. Called while
    /// holding the lock.
    private func takeGroup() -> [Pending] {
        var events = 0
        var count = 0
        for pending in queue {
            if count > 0 && events + pending.batch.count > GroupCommit.maxEventsPerGroup { break }
            events += pending.batch.count
            count += 1
        }
        let group = Array(queue.prefix(count))
        queue.removeFirst(count)
        return group
    }

    /// Runs `body` with the lock released, then takes it again. Called while holding the lock.
    private func withoutLock<T>(_ body: () -> T) -> T {
        condition.unlock()
        defer { condition.lock() }
        return body()
    }
}
