import CLMDB
import HubCore

/// The named databases of a hubsh store, and the check that a file is one.
///
/// Storage layout (format 2). Every number in a key is big-endian so that LMDB's byte-wise
/// order is numeric order; numbers in values are little-endian. A hub's records are keyed by
/// its internal id, which is never reused.
///
/// | database       | key                                          | value                   |
/// |----------------|----------------------------------------------|-------------------------|
/// | `meta`         | `format`, `nextHubId`                        | UInt32                  |
/// | `hubs`         | hub name                                     | `HubRecord`             |
/// | `groups`       | hub id · group name                          | created at (ms)         |
/// | `partitions`   | hub id · partition (2 bytes)                 | `PartitionState` record |
/// | `events.H.P`   | sequence number (8)                          | `EventCodec` record     |
/// | `checkpoints`  | hub id · group name · 0 · partition (2)      | `Checkpoint` record     |
/// | `schemagroups` | schema group name                            | `SchemaGroupRecord`     |
/// | `schemas`      | group · 0 · schema name · 0 · version (4)    | `SchemaVersionRecord`   |
/// | `schemaids`    | schema version id (32 hex characters)        | its `schemas` key       |
///
/// Each partition's events have a database of their own, `events.H.P` for partition P of the
/// hub with id H (see `PartitionId`), created by the first append to the partition and
/// dropped with its hub. Every new event's key sorts after the keys already there, so LMDB
/// appends it at the end of the partition's own tree (`MDB_APPEND`) however many partitions
/// a batch spans; in format 1 all partitions shared one `events` tree keyed by hub id,
/// partition and sequence number, and only the partition at its end could append.
///
/// A partition's state is read off its events: the first key is its first sequence number, the
/// last event gives the next sequence number, next offset and last enqueued time, and the
/// retained bytes are the next offset minus the first event's offset. So an append writes only
/// the pages of its partitions' trees. The `partitions` record is the state to use when the
/// partition holds no event: written when the hub is created and after each purge.
///
/// An event's offset is the sum of the stored sizes of the events before it in its partition,
/// so offsets grow with sequence numbers and either can be binary-searched by the other.
struct Databases: Sendable {
    static let names = [
        "meta", "hubs", "groups", "partitions", "checkpoints", "schemagroups", "schemas",
        "schemaids",
    ]
    /// The database every partition's events shared in format 1; read only to convert.
    static let legacyEventsName = "events"
    /// How many named databases exist besides the partitions' ones (the legacy one counts:
    /// it is open while a store is converted).
    static let fixedCount = names.count + 1
    /// The layout version this code reads and writes; stored under `format` in `meta`.
    static let formatVersion: UInt32 = 2
    static let formatKey = Array("format".utf8)
    static let nextHubIdKey = Array("nextHubId".utf8)

    let meta: MDB_dbi
    let hubs: MDB_dbi
    let groups: MDB_dbi
    let partitions: MDB_dbi
    let checkpoints: MDB_dbi
    let schemaGroups: MDB_dbi
    let schemas: MDB_dbi
    let schemaIds: MDB_dbi
    /// LMDB's main database, whose keys are the names of the named databases.
    let main: MDB_dbi

    /// Opens every named database, creating the missing ones and writing the format version
    /// when `create` is set, and checks that the file is a hubsh store of this version. A
    /// store in format 1 is converted in the same transaction when `create` is set, with a
    /// one-line `notice`; the partition databases the conversion opened are returned.
    ///
    /// Throws `StoreDamage` for an LMDB file that another program wrote or a newer format.
    static func open(in txn: Transaction, create: Bool, notice: (String) -> Void = { _ in })
        throws -> (Databases, [PartitionId: MDB_dbi])
    {
        if create { try checkForeignContent(in: txn) }
        var handles: [MDB_dbi] = []
        for name in names {
            do {
                handles.append(try txn.openDatabase(named: name, create: create))
            } catch let error as LMDBError where error == .notFound {
                throw StoreDamage("it has no '\(name)' database")
            } catch let error as LMDBError where error == .incompatible {
                throw StoreDamage("its '\(name)' entry is not a database")
            }
        }
        let databases = Databases(
            meta: handles[0], hubs: handles[1], groups: handles[2], partitions: handles[3],
            checkpoints: handles[4], schemaGroups: handles[5], schemas: handles[6],
            schemaIds: handles[7], main: try txn.openDatabase(named: nil, create: false))
        let opened = try databases.checkFormat(in: txn, create: create, notice: notice)
        return (databases, opened)
    }

    /// Whether `name` is a database a hubsh store may hold.
    static func isHubshDatabase(_ name: String) -> Bool {
        names.contains(name) || name == legacyEventsName || PartitionId(databaseName: name) != nil
    }

    /// The partition databases of hub `hubId` that exist, from the names in `main`.
    static func partitionDatabases(of hubId: UInt32, in txn: Transaction, main: MDB_dbi) throws
        -> [PartitionId]
    {
        let prefix = Array((PartitionId.namePrefix + String(hubId) + ".").utf8)
        var ids: [PartitionId] = []
        try txn.forEach(prefix: prefix, in: main) { key, _ in
            let name = String(decoding: key, as: UTF8.self)
            if let id = PartitionId(databaseName: name), id.hubId == hubId { ids.append(id) }
        }
        return ids
    }

    /// Refuses a file whose main database holds anything but hubsh's named databases.
    private static func checkForeignContent(in txn: Transaction) throws {
        let main = try txn.openDatabase(named: nil, create: false)
        try txn.withCursor(on: main) { cursor in
            var entry = try cursor.first()
            while let (key, _) = entry {
                let name = String(decoding: key, as: UTF8.self)
                guard isHubshDatabase(name) else {
                    throw StoreDamage("it is an LMDB file of another program (it has '\(name)')")
                }
                entry = try cursor.next()
            }
        }
    }

    private func checkFormat(in txn: Transaction, create: Bool, notice: (String) -> Void)
        throws -> [PartitionId: MDB_dbi]
    {
        guard let stored = try txn.value(forKey: Databases.formatKey, in: meta) else {
            guard create else { throw StoreDamage("it has no format version") }
            try writeFormatVersion(in: txn)
            return [:]
        }
        var reader = RawReader(stored)
        let version = try reader.readUInt32()
        if version == LegacyLayout.formatVersion {
            guard create else {
                throw HubError.storage(
                    "this data directory is in storage format \(version), which hubsh"
                        + " converts to format \(Databases.formatVersion) in place; open it"
                        + " once with write access to convert it")
            }
            let conversion = try LegacyLayout.convert(in: txn, main: main)
            try writeFormatVersion(in: txn)
            notice(
                "converted the store from storage format \(version) to"
                    + " \(Databases.formatVersion) (one database per partition):"
                    + " \(conversion.events) events in \(conversion.opened.count) partitions")
            return conversion.opened
        }
        guard version == Databases.formatVersion else {
            throw StoreDamage(
                "it is in format version \(version); this hubsh reads version"
                    + " \(Databases.formatVersion)")
        }
        return [:]
    }

    private func writeFormatVersion(in txn: Transaction) throws {
        let version = [UInt8](encodedSize: 4) { $0.write(Databases.formatVersion) }
        try txn.put(version, forKey: Databases.formatKey, in: meta)
    }
}
