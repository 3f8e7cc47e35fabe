import HubCore

/// Lets concurrent appends to one environment share write transactions: group commit.
///
/// Each append joins a queue. When no commit is under way, the appender becomes the leader at
/// once: it takes what is queued (up to `maxEventsPerGroup` events, and always at least its own
/// append), commits it with the `commit` it was given and hands every appender of the group its
/// own outcome. While a leader commits, and above all while it waits for the disk, new appends
/// queue up behind it, and the next leader takes them all at once. So the busier the log, the
/// more appends share one commit and one flush.
///
/// Waking. The appends queued between two takes form a cohort, which sleeps on one wait word
/// and is woken by one call when its group is committed; the first of each cohort, the one
/// that will lead it, sleeps on a word of its own, so that it alone is woken to lead. A leader
/// wakes the next leader before its own group, so the next commit is under way while the
/// others return. A condition variable shared by all would wake every waiting appender at each
/// commit, to queue for its mutex and, most of them, sleep again; and waking appenders one by
/// one costs about 5 µs each on this kind of machine, so the last of 50 came back a quarter of
/// a millisecond after the first.
///
/// Gathering. Left at that, a steady crowd of appenders splits in two halves that take turns:
/// the appenders of the group just committed are still on their way back when the next leader
/// takes only those that waited. So a leader that finds fewer appends queued than were active
/// at the last commit waits a moment for the others: until as many are queued, or half the
/// last commit's duration has passed (at most `maxGatherNanos`). A lone appender never waits,
/// and a no-sync commit, being short, waits next to nothing.
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
        /// Set by the leader before it sets `state` to `done`.
        fileprivate var outcome: Result<[EventMetadata], Error>?
        /// Where the append stands, one of the `State` values; the first of a cohort sleeps on
        /// it.
        fileprivate let state = WaitWord(State.waiting.rawValue)
        /// The cohort it sleeps with, unless it is the cohort's first. Guarded by the lock.
        fileprivate var cohort: Cohort?

        init(hub: String, batch: [RoutedEvent], durability: Durability, now: Int64) {
            self.hub = hub
            self.batch = batch
            self.durability = durability
            self.now = now
        }
    }

    /// The appends queued between two takes of the queue, which sleep on its word.
    fileprivate final class Cohort: @unchecked Sendable {
        /// Bumped when one of its members is named to lead; `retired` is set in it when the
        /// cohort's group is committed.
        let word = WaitWord()
        /// The bit of `word` that says the cohort's group is committed.
        static let retired: UInt32 = 1 << 31
        /// Whether the cohort's first append, its leader-to-be, has joined. Guarded by the lock.
        var hasFirst = false
    }

    /// Where a queued append stands; the value of its `state` word.
    private enum State: UInt32 {
        case waiting = 0
        /// Its outcome is set.
        case done = 1
        /// It is the next leader.
        case leading = 2
    }

    /// The most events one shared commit takes, so that a group stays one modest transaction;
    /// a single append bigger than this still commits, alone.
    let maxEventsPerGroup: Int
    /// The longest a leader waits for company.
    static let maxGatherNanos: UInt64 = 1_000_000

    private let lock = Lock()
    /// Bumped by the append that completes a gathering leader's company.
    private let arrivals = WaitWord()
    /// Appends waiting for a leader, oldest first. Guarded by `lock`.
    private var queue: [Pending] = []
    /// The cohort that appends joining now belong to. Guarded by `lock`.
    private var cohort = Cohort()
    /// Whether a leader is gathering or committing a group now. Guarded by `lock`.
    private var leading = false
    /// Whether the leader is waiting for company. Guarded by `lock`.
    private var gathering = false
    /// Appends that were committing or queued when the last commit ended. Guarded by `lock`.
    private var lastActive = 0
    /// How long the last commit took, in nanoseconds. Guarded by `lock`.
    private var lastCommitNanos: UInt64 = 0
    /// When the last commit ended, until the next leader starts its turn. Guarded by `lock`.
    private var lastCommitEnded: UInt64?
    /// The steps of every group so far. Guarded by `lock`.
    private var totals = CommitCycles()

    /// The steps of every group committed so far. Reading them also starts the time between
    /// commits over, so that the next group does not count the pause before a benchmark as
    /// time between commits.
    var cycles: CommitCycles {
        lock.withLock {
            lastCommitEnded = nil
            return totals
        }
    }

    init(maxEventsPerGroup: Int = 100_000) {
        self.maxEventsPerGroup = maxEventsPerGroup
    }

    /// Queues `pending`, waits until it is committed (by this thread or another) and returns
    /// its outcome.
    ///
    /// `commit` receives a group of appends in queue order and returns one outcome per append,
    /// in the same order; it must not throw, since every append of the group needs an answer.
    func append(_ pending: Pending, commit: ([Pending]) -> [Result<[EventMetadata], Error>])
        -> Result<[EventMetadata], Error>
    {
        let (leadsNow, sleepsOn, completesCompany) = lock.withLock {
            queue.append(pending)
            let leadsNow = !leading
            leading = true
            var sleepsOn: Cohort?
            if cohort.hasFirst {
                sleepsOn = cohort
                pending.cohort = cohort
            }
            cohort.hasFirst = true
            return (leadsNow, sleepsOn, gathering && queue.count >= lastActive)
        }
        if completesCompany { arrivals.bump() }

        if !leadsNow {
            sleep(pending, on: sleepsOn)
            if pending.state.value == State.done.rawValue {
                guard let outcome = pending.outcome else {
                    preconditionFailure("an append was woken as done without an outcome")
                }
                return outcome
            }
        }
        return lead(pending, commit: commit)
    }

    /// Sleeps until `pending` is done or named to lead: on its own word when it is the first of
    /// its cohort, else on its cohort's word, which is bumped when one of its members is named
    /// to lead and retired when its group is committed. An append left over from a group that
    /// reached `maxEventsPerGroup` was moved to the next cohort before the old one retired; it
    /// finds its new cohort when it sees the old one retired without it.
    private func sleep(_ pending: Pending, on cohort: Cohort?) {
        guard var cohort else {
            pending.state.wait(whileEqualTo: State.waiting.rawValue)
            return
        }
        while true {
            // Read before the state, so that a change after this read cannot be missed.
            let seen = cohort.word.value
            guard pending.state.value == State.waiting.rawValue else { return }
            if seen & Cohort.retired != 0 {
                cohort = lock.withLock { pending.cohort ?? cohort }
                continue
            }
            cohort.word.wait(whileEqualTo: seen)
        }
    }

    /// Gathers, takes and commits one group that starts with `pending`, as the leader; names
    /// the oldest append still queued the next leader, then wakes the group's other members.
    private func lead(
        _ pending: Pending, commit: ([Pending]) -> [Result<[EventMetadata], Error>]
    ) -> Result<[EventMetadata], Error> {
        let (group, groupCohort, leftOver) = lock.withLock {
            let turnStarted = ConditionLock.monotonicNanos()
            if let lastCommitEnded { totals.betweenNanos &+= turnStarted &- lastCommitEnded }
            gather()
            totals.gatheringNanos &+= ConditionLock.monotonicNanos() &- turnStarted
            let group = takeGroup()
            let groupCohort = cohort
            cohort = Cohort()
            for leftover in queue {
                leftover.cohort = cohort
                cohort.hasFirst = true
            }
            return (group, groupCohort, !queue.isEmpty)
        }
        precondition(group.first === pending, "a leader's own append opens its group")

        let started = ConditionLock.monotonicNanos()
        let outcomes = commit(group)
        precondition(
            outcomes.count == group.count,
            "a group of \(group.count) appends got \(outcomes.count) outcomes")
        let elapsed = ConditionLock.monotonicNanos() - started
        for (member, outcome) in zip(group, outcomes) {
            member.outcome = outcome
            member.state.store(State.done.rawValue)
        }

        let next: (Pending, Cohort?)? = lock.withLock {
            lastCommitNanos = elapsed
            lastCommitEnded = ConditionLock.monotonicNanos()
            lastActive = group.count + queue.count
            totals.groups &+= 1
            totals.committingNanos &+= elapsed
            guard let first = queue.first else {
                leading = false
                return nil
            }
            return (first, first.cohort)
        }
        if let (first, itsCohort) = next {
            first.state.set(State.leading.rawValue)
            // A leftover sleeps with its cohort, which wakes and, but for it, sleeps again.
            itsCohort?.word.bump()
        }
        // The members sleep on the group's cohort, and so may leftovers not yet told they moved.
        if group.count > 1 || leftOver { groupCohort.word.setBits(Cohort.retired) }
        return outcomes[0]
    }

    /// Waits, as the leader, while fewer appends are queued than were active at the last
    /// commit, for half that commit's duration at most. Called while holding the lock, which it
    /// lets go while it sleeps.
    private func gather() {
        guard queue.count < lastActive else { return }
        let window = min(lastCommitNanos / 2, GroupCommit.maxGatherNanos)
        let deadline = ConditionLock.monotonicNanos() + window
        gathering = true
        defer { gathering = false }
        while queue.count < lastActive {
            let now = ConditionLock.monotonicNanos()
            guard now < deadline else { return }
            let seen = arrivals.value
            lock.unlocked { arrivals.wait(whileEqualTo: seen, nanos: deadline - now) }
        }
    }

    /// Removes the oldest appends from the queue, as many as fit one group. Called while
    /// holding the lock.
    private func takeGroup() -> [Pending] {
        var events = 0
        var count = 0
        for pending in queue {
            if count > 0 && events + pending.batch.count > maxEventsPerGroup { break }
            events += pending.batch.count
            count += 1
        }
        let group = Array(queue.prefix(count))
        queue.removeFirst(count)
        return group
    }
}
