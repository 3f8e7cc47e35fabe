import HubCore

/// Lets concurrent appends to one environment share write transactions: group commit.
///
/// Each append joins a queue and waits. When no commit is under way, the first appender to
/// notice becomes the leader: it takes what is queued (up to `maxEventsPerGroup` events, and
/// always at least one append), commits it with the `commit` it was given, hands every appender
/// of the group its own outcome and wakes them. While a leader commits, and above all while it
/// waits for the disk, new appends queue up behind it, and the next leader takes them all at
/// once. So the busier the log, the more appends share one commit and one flush.
///
/// Gathering. Left at that, a steady crowd of appenders splits in two halves that take turns:
/// the appenders of the group just committed are still on their way back when the next leader
/// takes only those that waited. So a leader that finds fewer appends queued than were active
/// at the last commit waits a moment for the others: until as many are queued, or an eighth of
/// the last commit's duration has passed (at most `maxGatherNanos`). A lone appender never
/// waits, and a no-sync commit, being short, waits next to nothing.
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
    /// The longest a leader waits for company.
    static let maxGatherNanos: UInt64 = 1_000_000
    /// The condition a gathering leader waits on, woken by the append that completes its
    /// company; followers wait on the other one (0), woken when a group is committed.
    private static let arrivals = 1

    private let condition = ConditionLock(conditions: 2)
    /// Appends waiting for a leader, oldest first. Guarded by `condition`.
    private var queue: [Pending] = []
    /// Whether a leader is committing a group now. Guarded by `condition`.
    private var leading = false
    /// Whether the leader is waiting for company. Guarded by `condition`.
    private var gathering = false
    /// Appends that were committing or queued when the last commit ended. Guarded by
    /// `condition`.
    private var lastActive = 0
    /// How long the last commit took, in nanoseconds. Guarded by `condition`.
    private var lastCommitNanos: UInt64 = 0

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
            // A gathering leader is woken only once its company is complete.
            if gathering && queue.count >= lastActive { condition.broadcast(GroupCommit.arrivals) }
            while true {
                if let outcome = pending.outcome { return outcome }
                guard !leading else {
                    condition.wait()
                    continue
                }
                leading = true
                gather()
                let group = takeGroup()
                let started = ConditionLock.monotonicNanos()
                let outcomes = withoutLock { commit(group) }
                precondition(
                    outcomes.count == group.count,
                    "a group of \(group.count) appends got \(outcomes.count) outcomes")
                lastCommitNanos = ConditionLock.monotonicNanos() - started
                lastActive = group.count + queue.count
                for (member, outcome) in zip(group, outcomes) { member.outcome = outcome }
                leading = false
                condition.broadcast()
            }
        }
    }

    /// Waits, as the leader, while fewer appends are queued than were active at the last
    /// commit, for an eighth of that commit's duration at most. Called while holding the lock.
    private func gather() {
        guard queue.count < lastActive else { return }
        let window = min(lastCommitNanos / 8, GroupCommit.maxGatherNanos)
        let deadline = ConditionLock.monotonicNanos() + window
        gathering = true
        defer { gathering = false }
        while queue.count < lastActive && ConditionLock.monotonicNanos() < deadline {
            condition.wait(on: GroupCommit.arrivals, untilNanos: deadline)
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
