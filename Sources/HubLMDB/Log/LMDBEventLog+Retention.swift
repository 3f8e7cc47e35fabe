import HubCore

extension LMDBEventLog {
    /// Removes the hub's events enqueued more than its retention before `now`, oldest first.
    ///
    /// Partition states keep their next sequence number and offset, so numbers are never
    /// given twice; the first sequence number and the byte count move past what was removed.
    public func purge(hub: String, now: Int64) throws -> PurgeResult {
        try perform("purge hub '\(hub)'") {
            try purgeExpired(hub: hub, now: now, durability: .durable)
        }
    }

    /// Purges `hub` when this process has not purged it for `Options.autoPurgeInterval`.
    ///
    /// Runs after a publish has committed; its failure is dropped on purpose, since the events
    /// it would have removed are removed by the next purge that succeeds.
    func purgeIfDue(hub: String, now: Int64, durability: Durability) {
        guard let interval = options.autoPurgeInterval else { return }
        guard PurgeSchedule.shared.claim(
            directory: environment.directory, hub: hub, now: now, interval: interval)
        else { return }
        _ = try? purgeExpired(hub: hub, now: now, durability: durability)
    }

    private func purgeExpired(hub: String, now: Int64, durability: Durability) throws
        -> PurgeResult
    {
        try writing(durability) { tables in
            let record = try tables.hubs.require(hub)
            let (cutoff, overflow) = now.subtractingReportingOverflow(
                record.properties.retentionMillis)
            guard !overflow else { return PurgeResult(hub: record.name, purged: [:]) }
            var purged: [Int: Int64] = [:]
            for var state in try tables.partitions.states(record) where !state.isEmpty {
                let removed = try tables.events.removeExpired(record, &state, before: cutoff)
                guard removed > 0 else { continue }
                purged[state.partition] = removed
                try tables.partitions.store(record, state)
            }
            return PurgeResult(hub: record.name, purged: purged)
        }
    }
}
