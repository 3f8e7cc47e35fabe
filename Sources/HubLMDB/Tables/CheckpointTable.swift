import CLMDB
import HubCore

/// The `checkpoints` database: each consumer group's last processed event per partition.
struct CheckpointTable {
    let txn: Transaction
    let dbi: MDB_dbi

    /// The checkpoints of `group`, or of every group when nil, ordered by group and partition.
    func all(_ hub: HubRecord, group: String?) throws -> [Checkpoint] {
        let prefix = group.map { Keys.checkpointPrefix(hub.id, $0) } ?? Keys.hubPrefix(hub.id)
        var checkpoints: [Checkpoint] = []
        try txn.forEach(prefix: prefix, in: dbi) { key, value in
            let (name, partition) = try Keys.decodeCheckpoint(key)
            let checkpoint = try CheckpointRecord.decode(
                value, hub: hub.name, group: name, partition: partition)
            checkpoints.append(checkpoint)
        }
        return checkpoints
    }

    func store(_ hub: HubRecord, _ checkpoint: Checkpoint) throws {
        let key = Keys.checkpoint(hub.id, checkpoint.group, checkpoint.partition)
        try txn.put(CheckpointRecord.encode(checkpoint), forKey: key, in: dbi)
    }

    func remove(_ hub: HubRecord, _ group: String, _ partition: Int) throws {
        _ = try txn.delete(key: Keys.checkpoint(hub.id, group, partition), in: dbi)
    }

    func removeGroup(_ hub: HubRecord, _ group: String) throws {
        try txn.deleteAll(prefix: Keys.checkpointPrefix(hub.id, group), in: dbi)
    }

    func removeAll(_ hub: HubRecord) throws {
        try txn.deleteAll(prefix: Keys.hubPrefix(hub.id), in: dbi)
    }
}
