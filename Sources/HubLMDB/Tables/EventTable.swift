import CLMDB
import HubCore

/// The partitions' events databases (`events.H.P`): every retained event of a partition, in
/// sequence order, in a database of the partition's own.
///
/// A partition that never had an event has no database; it reads as empty.
struct EventTable {
    let txn: Transaction

    /// The partition's database, or nil when it has none.
    private func database(_ hub: HubRecord, _ partition: Int) throws -> MDB_dbi? {
        try txn.partitionDatabase(PartitionId(hubId: hub.id, partition: partition), create: false)
    }

    /// The offset and enqueued time of one event, which must exist.
    func header(_ hub: HubRecord, _ partition: Int, _ sequenceNumber: Int64) throws
        -> (offset: Int64, enqueuedTime: Int64)
    {
        let key = EventKey(sequenceNumber: sequenceNumber).bytes
        guard let dbi = try database(hub, partition),
              let value = try txn.value(forKey: key, in: dbi)
        else {
            throw StoreDamage(
                "event \(sequenceNumber) of partition \(partition) of hub '\(hub.name)' is missing")
        }
        return try describing(hub, partition, sequenceNumber) { try EventCodec.header(of: value) }
    }

    /// The state of a partition as its events tell it (see `Databases`), or nil when it
    /// holds no event: `mdb_cursor_get` with `MDB_FIRST` and `MDB_LAST`.
    func state(_ hub: HubRecord, _ partition: Int) throws -> PartitionState? {
        guard let dbi = try database(hub, partition) else { return nil }
        return try txn.withCursor(on: dbi) { cursor in
            guard let (lastKey, lastValue) = try cursor.last() else { return nil }
            let last = try EventKey.sequenceNumber(of: lastKey)
            let newest = try describing(hub, partition, last) {
                try EventCodec.header(of: lastValue)
            }
            guard let (firstKey, firstValue) = try cursor.first() else { return nil }
            let first = try EventKey.sequenceNumber(of: firstKey)
            let oldest = try describing(hub, partition, first) {
                try EventCodec.header(of: firstValue)
            }
            let nextOffset = newest.offset + Int64(lastValue.count)
            return PartitionState(
                partition: partition, firstSequenceNumber: first, nextSequenceNumber: last + 1,
                nextOffset: nextOffset, bytes: nextOffset - oldest.offset,
                lastEnqueuedTime: newest.enqueuedTime)
        }
    }

    /// Up to `maxCount` events of one partition from `start` on, in sequence order.
    func read(_ hub: HubRecord, _ partition: Int, from start: Int64, maxCount: Int) throws
        -> [ReceivedEvent]
    {
        guard let dbi = try database(hub, partition) else { return [] }
        var events: [ReceivedEvent] = []
        events.reserveCapacity(maxCount)
        try txn.withCursor(on: dbi) { cursor in
            var entry = try cursor.seek(atLeast: EventKey(sequenceNumber: start).bytes)
            while events.count < maxCount, let (key, value) = entry {
                let sequenceNumber = try EventKey.sequenceNumber(of: key)
                events.append(try describing(hub, partition, sequenceNumber) {
                    try EventCodec.decode(
                        value, partition: partition, sequenceNumber: sequenceNumber)
                })
                entry = try cursor.next()
            }
        }
        return events
    }

    /// Lends up to `maxCount` events of one partition from `start` on to `visit`, in sequence
    /// order, until it returns false. Returns how many events it visited.
    func scan(
        _ hub: HubRecord, _ partition: Int, from start: Int64, maxCount: Int,
        _ visit: (BorrowedEvent) throws -> Bool
    ) throws -> Int {
        guard let dbi = try database(hub, partition) else { return 0 }
        var visited = 0
        try txn.withCursor(on: dbi) { cursor in
            var entry = try cursor.seek(atLeast: EventKey(sequenceNumber: start).bytes)
            while visited < maxCount, let (found, value) = entry {
                let sequenceNumber = try EventKey.sequenceNumber(of: found)
                let event = try describing(hub, partition, sequenceNumber) {
                    try EventCodec.borrow(
                        value, partition: partition, sequenceNumber: sequenceNumber)
                }
                visited += 1
                guard try visit(event) else { return }
                entry = try cursor.next()
            }
        }
        return visited
    }

    /// An appender for the partition's new events; creates the partition's database when it
    /// has none. Its cursor belongs to the write transaction, which closes it when it ends.
    func appender(_ hub: HubRecord, _ partition: Int) throws -> EventAppender {
        let id = PartitionId(hubId: hub.id, partition: partition)
        guard let dbi = try txn.partitionDatabase(id, create: true) else {
            throw LMDBError.notFound
        }
        var cursor: OpaquePointer?
        try LMDBError.check(mdb_cursor_open(txn.handle, dbi, &cursor))
        guard let cursor else { throw LMDBError.badTransaction }
        return try EventAppender(cursor: Cursor(handle: cursor), hub: hub, partition: partition)
    }

    /// Removes the partition's events enqueued before `cutoff`, oldest first, and moves
    /// `state`'s first sequence number and byte count past them. Returns how many it removed.
    func removeExpired(_ hub: HubRecord, _ state: inout PartitionState, before cutoff: Int64)
        throws -> Int64
    {
        guard let dbi = try database(hub, state.partition) else { return 0 }
        var removed: Int64 = 0
        try txn.withCursor(on: dbi) { cursor in
            while state.firstSequenceNumber < state.nextSequenceNumber {
                // The oldest event is always the first key, where each deletion leaves it.
                guard let (key, value) = try cursor.first(),
                      try EventKey.sequenceNumber(of: key) == state.firstSequenceNumber
                else {
                    throw StoreDamage(
                        "event \(state.firstSequenceNumber) of partition \(state.partition)"
                            + " of hub '\(hub.name)' is missing")
                }
                let header = try describing(hub, state.partition, state.firstSequenceNumber) {
                    try EventCodec.header(of: value)
                }
                guard header.enqueuedTime < cutoff else { break }
                let size = Int64(value.count)
                try cursor.deleteCurrent()
                state.firstSequenceNumber += 1
                state.bytes = max(0, state.bytes - size)
                removed += 1
            }
        }
        return removed
    }

    /// Drops the events databases of every partition of `hub`.
    func removeAll(_ hub: HubRecord) throws {
        for partition in 0..<hub.properties.partitionCount {
            try txn.dropPartitionDatabase(PartitionId(hubId: hub.id, partition: partition))
        }
    }

    /// Runs `body`, naming the event in any damage it reports.
    private func describing<T>(
        _ hub: HubRecord, _ partition: Int, _ sequenceNumber: Int64, _ body: () throws -> T
    ) throws -> T {
        do {
            return try body()
        } catch let damage as StoreDamage {
            throw StoreDamage(
                "event \(sequenceNumber) of partition \(partition) of hub '\(hub.name)' is"
                    + " damaged: \(damage.detail)")
        }
    }
}

/// Writes new events of one partition, in one write transaction, straight into LMDB's pages.
///
/// Each value is reserved with `MDB_RESERVE` and encoded in place, so no intermediate buffer is
/// built. New sequence numbers sort after every key of the partition's database, so each put
/// is an append (`MDB_APPEND`): LMDB goes to the last page without searching the tree, and
/// fills pages instead of splitting them in half.
struct EventAppender {
    private let cursor: Cursor
    /// The partition's state as its newest event tells it; nil when it holds no event.
    let newest: (nextSequenceNumber: Int64, nextOffset: Int64, lastEnqueuedTime: Int64)?
    private var key = EventKey(sequenceNumber: 0)

    init(cursor: Cursor, hub: HubRecord, partition: Int) throws {
        self.cursor = cursor
        guard let (key, value) = try cursor.last() else {
            newest = nil
            return
        }
        let last = try EventKey.sequenceNumber(of: key)
        let header: (offset: Int64, enqueuedTime: Int64)
        do {
            header = try EventCodec.header(of: value)
        } catch let damage as StoreDamage {
            throw StoreDamage(
                "event \(last) of partition \(partition) of hub '\(hub.name)' is damaged:"
                    + " \(damage.detail)")
        }
        newest = (last + 1, header.offset + Int64(value.count), header.enqueuedTime)
    }

    /// Makes room for event `sequenceNumber`, `size` bytes long (from
    /// `EventCodec.storedSize`), and returns it for the caller to encode the event into before
    /// the transaction does anything else.
    ///
    /// The caller encodes, rather than handing the event over: an event passed across the
    /// `mdb_cursor_put` call would be copied and its storage retained and released, which for
    /// small events costs as much as encoding them.
    mutating func reserve(sequenceNumber: Int64, size: Int) throws
        -> UnsafeMutableRawBufferPointer
    {
        key.set(sequenceNumber: sequenceNumber)
        return try key.withUnsafeBytes {
            try cursor.reserve(key: $0, size: size, append: true)
        }
    }
}
