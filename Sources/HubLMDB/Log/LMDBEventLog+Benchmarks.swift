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

    public var commitCycles: CommitCycles? { environment.appendQueue.cycles }

    public var appendCount: UInt64 { environment.appendSignal.current }

    public func waitForAppend(after seen: UInt64, timeoutNanos: UInt64) -> UInt64 {
        environment.appendSignal.wait(after: seen, timeoutNanos: timeoutNanos)
    }
}
