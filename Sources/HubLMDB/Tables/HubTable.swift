import CLMDB
import HubCore

/// The `hubs` database: each hub's name, internal id and properties.
struct HubTable {
    let txn: Transaction
    let dbi: MDB_dbi

    /// The hub called `name` in any case, under the name it was created with, or nil.
    ///
    /// The exact spelling is one key lookup; another spelling goes through every hub, which
    /// a namespace has few of.
    func find(_ name: String) throws -> HubRecord? {
        guard Keys.fits(name) else { return nil }
        if let value = try txn.value(forKey: Keys.hub(name), in: dbi) {
            return try HubRecord(name: name, decoding: value)
        }
        return try all().first { Names.same($0.name, name) }
    }

    /// The hub called `name`; throws `HubError.hubNotFound` when there is none.
    func require(_ name: String) throws -> HubRecord {
        guard let record = try find(name) else { throw HubError.hubNotFound(name) }
        return record
    }

    /// Every hub, ordered by name.
    func all() throws -> [HubRecord] {
        var records: [HubRecord] = []
        try txn.withCursor(on: dbi) { cursor in
            var entry = try cursor.first()
            while let (key, value) = entry {
                let name = String(decoding: key, as: UTF8.self)
                records.append(try HubRecord(name: name, decoding: value))
                entry = try cursor.next()
            }
        }
        return records
    }

    func insert(_ record: HubRecord) throws {
        try txn.put(record.encoded, forKey: Keys.hub(record.name), in: dbi)
    }

    func remove(_ name: String) throws {
        try txn.delete(key: Keys.hub(name), in: dbi)
    }
}
