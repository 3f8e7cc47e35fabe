import CLMDB
import HubCore

/// Storage format 1, kept only to convert a store written in it.
///
/// In format 1 every partition of every hub kept its events in one `events` database, keyed
/// by hub id (4 bytes), partition (2 bytes) and sequence number (8 bytes), all big-endian.
/// Every other database, and every value, is the same as in format 2.
enum LegacyLayout {
    static let formatVersion: UInt32 = 1
    static let eventKeySize = 14

    /// The format-1 key of one event.
    static func eventKey(hubId: UInt32, partition: Int, sequenceNumber: Int64) -> [UInt8] {
        [UInt8](encodedSize: eventKeySize) {
            $0.write(bigEndian: hubId)
            $0.write(bigEndian: UInt16(partition))
            $0.write(bigEndian: UInt64(bitPattern: sequenceNumber))
        }
    }

    /// What a conversion did: how many events it moved, and the partition databases it
    /// opened (and created).
    struct Conversion {
        var events = 0
        var opened: [PartitionId: MDB_dbi] = [:]
    }

    /// Moves every event of the `events` database into its partition's own database, in key
    /// order so that each one is appended (`MDB_APPEND`), then deletes `events`: `mdb_dbi_open`
    /// with `MDB_CREATE`, `mdb_cursor_put`, `mdb_drop`. Runs inside the caller's write
    /// transaction, so the store is converted whole or not at all.
    ///
    /// Caveat: the transaction holds a handle per partition that has events, so a store with
    /// more than `Environment.partitionHandleCapacity` such partitions cannot be converted.
    static func convert(in txn: Transaction, main: MDB_dbi) throws -> Conversion {
        var conversion = Conversion()
        let events: MDB_dbi
        do {
            events = try txn.openDatabase(named: Databases.legacyEventsName, create: false)
        } catch let error as LMDBError where error == .notFound {
            return conversion
        }
        try txn.withCursor(on: events) { source in
            var current: PartitionId?
            var target: OpaquePointer?
            defer { if let target { mdb_cursor_close(target) } }
            var entry = try source.first()
            while let (key, value) = entry {
                let (id, sequenceNumber) = try decode(key)
                if id != current {
                    if let target { mdb_cursor_close(target) }
                    target = nil
                    let dbi = try open(id, in: txn)
                    conversion.opened[id] = dbi
                    try LMDBError.check(mdb_cursor_open(txn.handle, dbi, &target))
                    current = id
                }
                try EventKey(sequenceNumber: sequenceNumber).withUnsafeBytes { keyBytes in
                    var keyVal = MDB_val(bytes: keyBytes)
                    var dataVal = MDB_val(bytes: value)
                    try LMDBError.check(
                        mdb_cursor_put(target, &keyVal, &dataVal, UInt32(MDB_APPEND)))
                }
                conversion.events += 1
                entry = try source.next()
            }
        }
        try LMDBError.check(mdb_drop(txn.handle, events, 1))
        return conversion
    }

    private static func open(_ id: PartitionId, in txn: Transaction) throws -> MDB_dbi {
        do {
            return try txn.openDatabase(named: id.databaseName, create: true)
        } catch let error as LMDBError where error == .databasesFull {
            throw HubError.storage(
                "converting this data directory to storage format \(Databases.formatVersion)"
                    + " needs more than \(Environment.partitionHandleCapacity) partition"
                    + " databases open at once; delete hubs you no longer need with a hubsh"
                    + " of format \(formatVersion), or copy their events to a new directory")
        }
    }

    /// The partition and sequence number of a format-1 event key.
    private static func decode(_ key: UnsafeRawBufferPointer) throws -> (PartitionId, Int64) {
        guard key.count == eventKeySize else {
            throw StoreDamage("an event key of \(key.count) bytes is malformed")
        }
        var reader = RawReader(key)
        let hubId = try reader.readBigEndianUInt32()
        let partition = Int(try reader.readBigEndianUInt16())
        let sequenceNumber = Int64(bitPattern: try reader.readBigEndianUInt64())
        return (PartitionId(hubId: hubId, partition: partition), sequenceNumber)
    }
}
