import HubCore

extension LMDBEventLog {
    /// The checkpoints of `group`, or of every group when nil, ordered by group and partition.
    public func checkpoints(hub: String, group: String?) throws -> [Checkpoint] {
        try perform("list the checkpoints of hub '\(hub)'") {
            try reading { tables in
                let record = try tables.hubs.require(hub)
                let group = try group.map { try tables.groups.require(record, $0) }
                return try tables.checkpoints.all(record, group: group)
            }
        }
    }

    /// Writes `checkpoints` in one transaction, after checking each: its hub, group and
    /// partition exist, and its sequence number is one the partition has given out.
    public func setCheckpoints(_ checkpoints: [Checkpoint]) throws {
        guard let first = checkpoints.first else { return }
        try perform("write checkpoints of hub '\(first.hub)'") {
            try writing { tables in
                var records: [String: HubRecord] = [:]
                for checkpoint in checkpoints {
                    let record = try records[checkpoint.hub] ?? tables.hubs.require(checkpoint.hub)
                    records[checkpoint.hub] = record
                    let stored = try check(checkpoint, of: record, in: tables)
                    try tables.checkpoints.store(record, stored)
                }
            }
        }
    }

    /// In one transaction, removes the checkpoints of `group` in `partitions` (every partition
    /// when nil) and writes `checkpoints`, which must belong to `hub` and `group`.
    public func replaceCheckpoints(
        hub: String, group: String, partitions: [Int]?, with checkpoints: [Checkpoint]
    ) throws {
        try perform("reset the checkpoints of group '\(group)' of hub '\(hub)'") {
            try writing { tables in
                let record = try tables.hubs.require(hub)
                let stored = try tables.groups.require(record, group)
                if let partitions {
                    for partition in partitions {
                        try record.properties.check(partition: partition)
                        try tables.checkpoints.remove(record, stored, partition)
                    }
                } else {
                    try tables.checkpoints.removeGroup(record, stored)
                }
                for checkpoint in checkpoints {
                    precondition(
                        Names.same(checkpoint.hub, hub) && Names.same(checkpoint.group, group),
                        "checkpoint of \(checkpoint.hub)/\(checkpoint.group) in a reset of"
                            + " \(hub)/\(group)")
                    try tables.checkpoints.store(
                        record, try check(checkpoint, of: record, in: tables))
                }
            }
        }
    }

    /// `checkpoint` under the names its hub and group were created with, once checked.
    private func check(_ checkpoint: Checkpoint, of record: HubRecord, in tables: Tables) throws
        -> Checkpoint
    {
        var stored = checkpoint
        stored.hub = record.name
        stored.group = try tables.groups.require(record, checkpoint.group)
        try record.properties.check(partition: checkpoint.partition)
        guard checkpoint.sequenceNumber >= 0 else {
            throw HubError.invalidSequenceNumber(checkpoint.sequenceNumber)
        }
        let state = try tables.partitions.state(record, checkpoint.partition)
        guard checkpoint.sequenceNumber < state.nextSequenceNumber else {
            throw HubError.sequenceNumberAhead(
                hub: record.name, partition: checkpoint.partition,
                sequenceNumber: checkpoint.sequenceNumber, last: state.lastSequenceNumber)
        }
        return stored
    }
}
