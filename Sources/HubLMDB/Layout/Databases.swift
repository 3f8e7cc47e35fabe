import CLMDB

/// The named databases of a hubsh store, and the check that a file is one.
///
/// Storage layout. Every number in a key is big-endian so that LMDB's byte-wise order is
/// numeric order; numbers in values are little-endian. A hub's records are keyed by its
/// internal id, which is never reused.
///
/// | database      | key                                          | value                    |
/// |---------------|----------------------------------------------|--------------------------|
/// | `meta`        | `format`, `nextHubId`                        | UInt32                   |
/// | `hubs`        | hub name                                     | `HubRecord`              |
/// | `groups`      | hub id · group name                          | created at (ms)          |
/// | `partitions`  | hub id · partition (2 bytes)                 | `PartitionState` record  |
/// | `events`      | hub id · partition (2) · sequence number (8) | `EventCodec` record      |
/// | `checkpoints` | hub id · group name · 0 · partition (2)      | `Checkpoint` record      |
/// | `schemagroups`| schema group name                            | `SchemaGroupRecord`      |
/// | `schemas`     | group · 0 · schema name · 0 · version (4)    | `SchemaVersionRecord`    |
/// | `schemaids`   | schema version id (32 hex characters)        | its `schemas` key        |
///
/// An event's offset is the sum of the stored sizes of the events before it in its partition,
/// so offsets grow with sequence numbers and either can be binary-searched by the other.
struct Databases: Sendable {
    static let names = [
        "meta", "hubs", "groups", "partitions", "events", "checkpoints", "schemagroups",
        "schemas", "schemaids",
    ]
    /// The layout version this code reads and writes; stored under `format` in `meta`.
    static let formatVersion: UInt32 = 1
    static let formatKey = Array("format".utf8)
    static let nextHubIdKey = Array("nextHubId".utf8)

    let meta: MDB_dbi
    let hubs: MDB_dbi
    let groups: MDB_dbi
    let partitions: MDB_dbi
    let events: MDB_dbi
    let checkpoints: MDB_dbi
    let schemaGroups: MDB_dbi
    let schemas: MDB_dbi
    let schemaIds: MDB_dbi

    /// Opens every named database, creating the missing ones and writing the format version
    /// when `create` is set, and checks that the file is a hubsh store of this version.
    ///
    /// Throws `StoreDamage` for an LMDB file that another program wrote or a newer format.
    static func open(in txn: Transaction, create: Bool) throws -> Databases {
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
            events: handles[4], checkpoints: handles[5], schemaGroups: handles[6],
            schemas: handles[7], schemaIds: handles[8])
        try databases.checkFormat(in: txn, create: create)
        return databases
    }

    /// Refuses a file whose main database holds anything but hubsh's named databases.
    private static func checkForeignContent(in txn: Transaction) throws {
        let main = try txn.openDatabase(named: nil, create: false)
        try txn.withCursor(on: main) { cursor in
            var entry = try cursor.first()
            while let (key, _) = entry {
                let name = String(decoding: key, as: UTF8.self)
                guard names.contains(name) else {
                    throw StoreDamage("it is an LMDB file of another program (it has '\(name)')")
                }
                entry = try cursor.next()
            }
        }
    }

    private func checkFormat(in txn: Transaction, create: Bool) throws {
        guard let stored = try txn.value(forKey: Databases.formatKey, in: meta) else {
            guard create else { throw StoreDamage("it has no format version") }
            let version = [UInt8](encodedSize: 4) { $0.write(Databases.formatVersion) }
            try txn.put(version, forKey: Databases.formatKey, in: meta)
            return
        }
        var reader = RawReader(stored)
        let version = try reader.readUInt32()
        guard version == Databases.formatVersion else {
            throw StoreDamage(
                "it is in format version \(version); this hubsh reads version"
                    + " \(Databases.formatVersion)")
        }
    }
}
