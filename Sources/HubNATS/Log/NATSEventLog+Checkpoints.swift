import HubCore

extension NATSEventLog {
    /// The checkpoints of `group`, or of every group when nil, ordered by group and partition.
    public func checkpoints(hub: String, group: String?) throws -> [Checkpoint] {
        try performRetrying("list the checkpoints of hub '\(hub)'") {
            let record = try requireHub(hub)
            let pattern: String
            if let group {
                try requireGroup(record, group)
                pattern = Naming.groupKey(record, group) + ".*"
            } else {
                pattern = Naming.hubPrefix(record) + ".>"
            }
            return try checkpointsBucket.entries(matching: pattern)
                .map { try CheckpointRecord.decode($0.value, hub: record.name) }
                .sorted {
                    ($0.group, $0.partition) < ($1.group, $1.partition)
                }
        }
    }

    /// Checks every checkpoint (hub, group, partition, a sequence number the partition has
    /// given out), then writes them one key each.
    public func setCheckpoints(_ checkpoints: [Checkpoint]) throws {
        guard let first = checkpoints.first else { return }
        try performRetrying("write checkpoints of hub '\(first.hub)'") {
            var records: [String: HubRecord] = [:]
            var writes: [(String, [UInt8])] = []
            for checkpoint in checkpoints {
                let record = try records[checkpoint.hub] ?? requireHub(checkpoint.hub)
                records[checkpoint.hub] = record
                let stored = try check(checkpoint, of: record)
                writes.append(
                    (Naming.checkpointKey(record, stored.group, stored.partition),
                     RecordJSON.encode(CheckpointRecord.json(stored))))
            }
            for (key, value) in writes { try checkpointsBucket.put(key, value) }
        }
    }

    /// Checks the new checkpoints, removes the group's checkpoints in `partitions` (all when
    /// nil), then writes the new ones.
    public func replaceCheckpoints(
        hub: String, group: String, partitions: [Int]?, with checkpoints: [Checkpoint]
    ) throws {
        try performRetrying("reset the checkpoints of group '\(group)' of hub '\(hub)'") {
            let record = try requireHub(hub)
            try requireGroup(record, group)
            for partition in partitions ?? [] {
                try record.properties.check(partition: partition)
            }
            var stored: [Checkpoint] = []
            for checkpoint in checkpoints {
                precondition(
                    Names.same(checkpoint.hub, hub) && Names.same(checkpoint.group, group),
                    "checkpoint of \(checkpoint.hub)/\(checkpoint.group) in a reset of"
                        + " \(hub)/\(group)")
                stored.append(try check(checkpoint, of: record))
            }
            // Only keys that exist are removed: removing writes a marker even for a missing key.
            let removed = partitions.map(Set.init)
            let groupKey = Naming.groupKey(record, group)
            for entry in try checkpointsBucket.entries(matching: groupKey + ".*") {
                let partition = Int(entry.key.split(separator: ".").last ?? "") ?? -1
                if removed == nil || removed!.contains(partition) {
                    try checkpointsBucket.remove(entry.key)
                }
            }
            for checkpoint in stored {
                try checkpointsBucket.put(
                    Naming.checkpointKey(record, group, checkpoint.partition),
                    RecordJSON.encode(CheckpointRecord.json(checkpoint)))
            }
        }
    }

    /// `checkpoint` under the names its hub and group were created with, once checked.
    private func check(_ checkpoint: Checkpoint, of record: HubRecord) throws -> Checkpoint {
        var stored = checkpoint
        stored.hub = record.name
        stored.group = try requireGroup(record, checkpoint.group)
        try record.properties.check(partition: checkpoint.partition)
        guard checkpoint.sequenceNumber >= 0 else {
            throw HubError.invalidSequenceNumber(checkpoint.sequenceNumber)
        }
        let state = try partitionState(record, checkpoint.partition).state
        guard checkpoint.sequenceNumber < state.nextSequenceNumber else {
            throw HubError.sequenceNumberAhead(
                hub: record.name, partition: checkpoint.partition,
                sequenceNumber: checkpoint.sequenceNumber, last: state.lastSequenceNumber)
        }
        return stored
    }
}
