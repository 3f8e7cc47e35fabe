/// What an engine offers the benchmarks beyond `EventLog`: a raw append loop to measure
/// hubsh's publish path against, a count of the transactions its appends committed in, the
/// room its storage has left, and the sweeping of what killed runs left in it.
///
/// The raw loop is engine-specific by nature, so it sits behind a protocol of its own: a
/// benchmark asks `log as? EngineBenchmarks` and says in one line when an engine has none.
public protocol EngineBenchmarks: AnyObject {
    /// One line saying what the raw loop does, for reports.
    var baselineDescription: String { get }

    /// An appender that writes `pattern` straight to the engine, bypassing every hubsh layer:
    /// no hubs, no routing, no event encoding. It stores its records apart from the log's hubs,
    /// on the same disk, and removes them on `close`.
    func makeRawAppender(_ pattern: RawAppendPattern) throws -> RawAppender

    /// How many write transactions have committed appends in this process: fewer than the
    /// appends when concurrent publishers share commits.
    var appendCommitCount: UInt64 { get }

    /// Where the time of this process's shared commits went, summed since the log was opened;
    /// nil for an engine without group commit.
    var commitCycles: CommitCycles? { get }

    // MARK: - Room and leftovers

    /// The largest event, or batch of events, a hub of this engine can take: the most a
    /// throwaway hub's maximum event size can be.
    var largestEventSize: Int { get }

    /// Bytes free for the log to grow into: what the file system has free for this user plus
    /// space the log freed and will reuse; nil when the engine's storage is not on this
    /// machine's disk (a cluster).
    var freeStorageBytes: Int64? { get }

    /// Roughly the bytes of storage `events` events of `bodySize` body bytes (and partition
    /// keys of `keyBytes` bytes) take, with the engine's own overhead.
    func storedBytes(events: Int, bodySize: Int, keyBytes: Int) -> Int64

    /// True when every process that can open this log runs on this machine (an embedded
    /// log), so that the process id in a throwaway hub's name says for sure whether the run
    /// that made it is still going. False for a cluster that other machines share.
    var isConfinedToThisMachine: Bool { get }

    /// Removes the raw baselines' scratch storage whose owner process is gone (see
    /// `OwnerProcess`), and returns what it removed, by name. Storage of a live process, a
    /// run going on now, is left alone.
    func removeAbandonedScratch() -> [String]
}

extension EngineBenchmarks {
    public var commitCycles: CommitCycles? { nil }

    public var largestEventSize: Int { HubSpec.maxEventSizeLimit }

    public var freeStorageBytes: Int64? { nil }

    public func storedBytes(events: Int, bodySize: Int, keyBytes: Int) -> Int64 {
        let (total, overflow) = Int64(events).multipliedReportingOverflow(
            by: Int64(bodySize + keyBytes))
        return overflow ? .max : total
    }

    public var isConfinedToThisMachine: Bool { false }

    public func removeAbandonedScratch() -> [String] { [] }
}

/// The steps of shared commits, summed over many: a leader waits a moment for company and
/// commits the group; then the group's appenders wake, and the first to append again leads the
/// next group. Subtract two readings to get a run's share.
public struct CommitCycles: Sendable, Equatable {
    /// Groups committed by a leader.
    public var groups: UInt64 = 0
    /// In the commit itself: writing the group and, when durable, flushing it.
    public var committingNanos: UInt64 = 0
    /// Leaders waiting for appends expected to join their group.
    public var gatheringNanos: UInt64 = 0
    /// From the end of one commit to the start of the next leader's turn: waking appenders,
    /// their way back with the next append, and any pause of the producers (not counting the
    /// pause before the first commit after a reading).
    public var betweenNanos: UInt64 = 0

    public init() {}

    /// The cycles of `later` that came after `earlier`.
    public static func - (later: CommitCycles, earlier: CommitCycles) -> CommitCycles {
        var cycles = CommitCycles()
        cycles.groups = later.groups &- earlier.groups
        cycles.committingNanos = later.committingNanos &- earlier.committingNanos
        cycles.gatheringNanos = later.gatheringNanos &- earlier.gatheringNanos
        cycles.betweenNanos = later.betweenNanos &- earlier.betweenNanos
        return cycles
    }
}

/// The write pattern a raw appender repeats: record size, batch size and durability.
public struct RawAppendPattern: Sendable, Equatable {
    /// The bytes of each record's value.
    public var recordSize: Int
    /// The records committed together in one transaction.
    public var batchSize: Int
    public var durability: Durability
    /// How many records the run will write at most, so the engine can size its storage.
    public var expectedRecords: Int

    public init(recordSize: Int, batchSize: Int, durability: Durability, expectedRecords: Int) {
        self.recordSize = recordSize
        self.batchSize = batchSize
        self.durability = durability
        self.expectedRecords = expectedRecords
    }
}

/// A raw append loop in progress. Used by one thread at a time.
public protocol RawAppender: AnyObject {
    /// Appends `count` records in one transaction, committed with the pattern's durability.
    func appendBatch(count: Int) throws
    /// Removes the records appended so far but keeps the storage they used, so that the next
    /// round of a comparison starts empty yet reuses space as a hub does.
    func reset() throws
    /// Removes everything the appender wrote. Closing twice is harmless.
    func close()
}

/// An engine that wakes readers of this process as soon as an append commits, so that a
/// consumer living next to its producers need not poll.
///
/// Other processes get no such wake-up: a consumer there polls (see `Tailer`).
public protocol AppendNotifying: AnyObject {
    /// Grows with every commit of this process that carried appends (a shared commit counts
    /// once).
    var appendCount: UInt64 { get }

    /// Waits until `appendCount` is past `seen`, or `timeoutNanos` have passed, and returns
    /// `appendCount`.
    func waitForAppend(after seen: UInt64, timeoutNanos: UInt64) -> UInt64
}
