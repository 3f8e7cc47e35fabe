import CLMDB
import HubCore

/// Where each partition of each hub stands: read off its events when it holds some, else the
/// record of the `partitions` database (see `Databases`).
struct PartitionTable {
    let txn: Transaction
    let dbi: MDB_dbi
    let events: EventTable

    /// The state of one partition; an empty state when it never had an event.
    func state(_ hub: HubRecord, _ partition: Int) throws -> PartitionState {
        if let state = try events.state(hub, partition) { return state }
        return try storedState(hub, partition)
    }

    /// The state the `partitions` record holds, which is the partition's state when it holds
    /// no event; an empty state when none was stored.
    func storedState(_ hub: HubRecord, _ partition: Int) throws -> PartitionState {
        guard let value = try txn.value(forKey: Keys.partition(hub.id, partition), in: dbi) else {
            return .empty(partition)
        }
        return try decode(value, hub, partition)
    }

    /// The state of every partition of `hub`, in partition order.
    func states(_ hub: HubRecord) throws -> [PartitionState] {
        var states = (0..<hub.properties.partitionCount).map(PartitionState.empty)
        let prefix = Keys.hubPrefix(hub.id)
        try txn.forEach(prefix: prefix, in: dbi) { key, value in
            var reader = RawReader(key)
            _ = try reader.readBigEndianUInt32()
            let partition = Int(try reader.readBigEndianUInt16())
            guard states.indices.contains(partition) else { return }
            states[partition] = try decode(value, hub, partition)
        }
        for partition in states.indices {
            if let state = try events.state(hub, partition) { states[partition] = state }
        }
        return states
    }

    func store(_ hub: HubRecord, _ state: PartitionState) throws {
        let key = Keys.partition(hub.id, state.partition)
        try txn.put(PartitionRecord.encode(state), forKey: key, in: dbi)
    }

    func removeAll(_ hub: HubRecord) throws {
        try txn.deleteAll(prefix: Keys.hubPrefix(hub.id), in: dbi)
    }

    private func decode(_ value: UnsafeRawBufferPointer, _ hub: HubRecord, _ partition: Int)
        throws -> PartitionState
    {
        do {
            return try PartitionRecord.decode(value, partition: partition)
        } catch let damage as StoreDamage {
            throw StoreDamage("hub '\(hub.name)': \(damage.detail)")
        }
    }
}
