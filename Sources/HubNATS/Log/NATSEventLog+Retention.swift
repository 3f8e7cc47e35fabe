import HubCore

extension NATSEventLog {
    /// Removes the hub's events enqueued more than its retention before `now`, oldest first.
    ///
    /// The streams also drop expired messages on their own (their `MaxAge` is the hub's
    /// retention, by the servers' clocks); this purge goes by hubsh's enqueued times, as of
    /// `now`. Sequence numbers are never given twice: JetStream keeps a stream's last
    /// sequence through purges.
    public func purge(hub: String, now: Int64) throws -> PurgeResult {
        try perform("purge hub '\(hub)'") {
            let record = try requireHub(hub)
            let (cutoff, overflow) = now.subtractingReportingOverflow(
                record.properties.retentionMillis)
            guard !overflow else { return PurgeResult(hub: record.name, purged: [:]) }
            var purged: [Int: Int64] = [:]
            for partition in 0..<record.properties.partitionCount {
                let state = try partitionState(record, partition).state
                guard !state.isEmpty else { continue }
                let resolver = NATSPositionResolver(log: self, record: record, state: state)
                let keep = try resolver.start(of: .enqueuedTime(cutoff))
                guard keep > state.firstSequenceNumber else { continue }
                try jetStream.purge(stream(record, partition), before: UInt64(keep + 1))
                purged[partition] = keep - state.firstSequenceNumber
            }
            return PurgeResult(hub: record.name, purged: purged)
        }
    }
}
