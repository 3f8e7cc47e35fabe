import HubCore

extension LMDBEventLog: EngineBenchmarks, AppendNotifying {
    public var baselineDescription: String {
        "raw LMDB loop: mdb_cursor_put MDB_APPEND, one transaction per batch"
    }

    /// A `RawLMDBAppender` in a scratch directory inside this log's data directory.
    public func makeRawAppender(_ pattern: RawAppendPattern) throws -> RawAppender {
        try perform("start the raw LMDB baseline") {
            if isReadOnly { throw HubError.readOnly(path: directory) }
            return try RawLMDBAppender(parent: environment.directory, pattern: pattern)
        }
    }

    public var appendCommitCount: UInt64 { environment.appendSignal.current }

    /// The file system's free space for this user plus the pages freed inside `data.mdb`;
    /// nil when they cannot be read, and the run then goes ahead unchecked.
    public var freeStorageBytes: Int64? { try? environment.roomToGrow() }

    /// Each event is a node of its partition's B-tree: the 8-byte sequence number, the
    /// encoded event (`EventCodec`: a 16-byte header, flags, the key with its length, a
    /// property count, the body), LMDB's 8-byte node header and 2-byte page pointer. A node
    /// larger than about half a page moves its value to pages of its own, whole pages.
    public func storedBytes(events: Int, bodySize: Int, keyBytes: Int) -> Int64 {
        let page = 4096
        let value = EventCodec.headerSize + 2 + bodySize + (keyBytes > 0 ? keyBytes + 1 : 0)
        let node = 8 + EventKey.size + 2
        let perEvent = node + value <= page / 2
            ? node + value : node + 8 + (value + 16 + page - 1) / page * page
        let (total, overflow) = Int64(events).multipliedReportingOverflow(by: Int64(perEvent))
        return overflow ? .max : total
    }

    /// LMDB refuses network file systems, so every process on this log runs here.
    public var isConfinedToThisMachine: Bool { true }

    /// The raw baselines' scratch directories in the data directory whose process is gone.
    public func removeAbandonedScratch() -> [String] {
        isReadOnly ? [] : RawLMDBAppender.removeAbandoned(in: environment.directory)
    }

    public var commitCycles: CommitCycles? { environment.appendQueue.cycles }

    public var appendCount: UInt64 { environment.appendSignal.current }

    public func waitForAppend(after seen: UInt64, timeoutNanos: UInt64) -> UInt64 {
        environment.appendSignal.wait(after: seen, timeoutNanos: timeoutNanos)
    }
}
