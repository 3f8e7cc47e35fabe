import CLMDB
import HubCore

/// The `events` database: every retained event of every partition, in sequence order.
struct EventTable {
    let txn: Transaction
    let dbi: MDB_dbi

    /// The offset and enqueued time of one event, which must exist.
    func header(_ hub: HubRecord, _ partition: Int, _ sequenceNumber: Int64) throws
        -> (offset: Int64, enqueuedTime: Int64)
    {
        let key = EventKey(hubId: hub.id, partition: partition, sequenceNumber: sequenceNumber)
        guard let value = try txn.value(forKey: key.bytes, in: dbi) else {
            throw StoreDamage(
                "event \(sequenceNumber) of partition \(partition) of hub '\(hub.name)' is missing")
        }
        return try describing(hub, partition, sequenceNumber) { try EventCodec.header(of: value) }
    }

    /// Up to `maxCount` events of one partition from `start` on, in sequence order.
    func read(_ hub: HubRecord, _ partition: Int, from start: Int64, maxCount: Int) throws
        -> [ReceivedEvent]
    {
        let key = EventKey(hubId: hub.id, partition: partition, sequenceNumber: start)
        let prefix = key.partitionPrefix
        var events: [ReceivedEvent] = []
        events.reserveCapacity(maxCount)
        try txn.withCursor(on: dbi) { cursor in
            var entry = try cursor.seek(atLeast: key.bytes)
            while events.count < maxCount, let (key, value) = entry, Keys.hasPrefix(key, prefix) {
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
        let key = EventKey(hubId: hub.id, partition: partition, sequenceNumber: start)
        var visited = 0
        try txn.withCursor(on: dbi) { cursor in
            var entry = try cursor.seek(atLeast: key.bytes)
            while visited < maxCount, let (found, value) = entry,
                  key.isSamePartition(as: found)
            {
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

    /// Runs `body` with an appender that writes new events through one cursor.
    func withAppender<T>(_ body: (inout EventAppender) throws -> T) throws -> T {
        try txn.withCursor(on: dbi) { cursor in
            var appender = try EventAppender(cursor: cursor)
            return try body(&appender)
        }
    }

    /// Removes the partition's events enqueued before `cutoff`, oldest first, and moves
    /// `state`'s first sequence number and byte count past them. Returns how many it removed.
    func removeExpired(_ hub: HubRecord, _ state: inout PartitionState, before cutoff: Int64)
        throws -> Int64
    {
        var key = EventKey(
            hubId: hub.id, partition: state.partition, sequenceNumber: state.firstSequenceNumber)
        var removed: Int64 = 0
        try txn.withCursor(on: dbi) { cursor in
            while state.firstSequenceNumber < state.nextSequenceNumber {
                key.set(sequenceNumber: state.firstSequenceNumber)
                guard let (_, value) = try cursor.seek(exactly: key.bytes) else {
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

    /// Removes every event of `hub`.
    func removeAll(_ hub: HubRecord) throws {
        try txn.deleteAll(prefix: Keys.hubPrefix(hub.id), in: dbi)
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

/// Writes new events of one write transaction into `events`, straight into LMDB's pages.
///
/// Each value is reserved with `MDB_RESERVE` and encoded in place, so no intermediate buffer is
/// built. `MDB_APPEND` is used only for keys after the greatest key in the database (the
/// newest partition of the newest hub, typically); anywhere else it would be refused, so
/// other keys take a plain put that refuses to overwrite.
struct EventAppender {
    private let cursor: Cursor
    /// The greatest key in the database as (hub id, partition, sequence number); nil when the
    /// database is empty.
    private var greatest: (UInt32, UInt16, UInt64)?

    init(cursor: Cursor) throws {
        self.cursor = cursor
        if let (key, _) = try cursor.last() {
            var reader = RawReader(key)
            guard key.count == EventKey.size else {
                throw StoreDamage("an event key of \(key.count) bytes is malformed")
            }
            greatest = (
                try reader.readBigEndianUInt32(), try reader.readBigEndianUInt16(),
                try reader.readBigEndianUInt64()
            )
        }
    }

    /// Stores `event` under `key` with its `size` (from `EventCodec.storedSize`), offset and
    /// enqueued time.
    mutating func append(
        _ event: EventData, key: EventKey, size: Int, offset: Int64, enqueuedTime: Int64
    ) throws {
        let position = (key.hubId, key.partition, UInt64(key.sequenceNumber))
        let isLast = greatest.map { $0 < position } ?? true
        let buffer = try key.withUnsafeBytes {
            try cursor.reserve(key: $0, size: size, append: isLast)
        }
        EventCodec.encode(event, offset: offset, enqueuedTime: enqueuedTime, into: buffer)
        if isLast { greatest = position }
    }
}
