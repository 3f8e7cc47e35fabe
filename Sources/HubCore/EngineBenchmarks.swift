/// What an engine offers the benchmarks beyond `EventLog`: a raw append loop to measure
/// hubsh's publish path against, and a count of the transactions its appends committed in.
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
