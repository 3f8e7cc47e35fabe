import CLMDB
import HubCore

/// The `groups` database: each hub's consumer groups and when they were created.
struct GroupTable {
    let txn: Transaction
    let dbi: MDB_dbi

    func exists(_ hub: HubRecord, _ name: String) throws -> Bool {
        guard Keys.fits(name) else { return false }
        return try txn.value(forKey: Keys.group(hub.id, name), in: dbi) != nil
    }

    /// Throws `HubError.groupNotFound` unless `name` is a group of `hub`.
    func require(_ hub: HubRecord, _ name: String) throws {
        guard try exists(hub, name) else {
            throw HubError.groupNotFound(hub: hub.name, group: name)
        }
    }

    /// The groups of `hub`, ordered by name (`$default` sorts first).
    func all(_ hub: HubRecord) throws -> [ConsumerGroup] {
        var groups: [ConsumerGroup] = []
        let prefix = Keys.hubPrefix(hub.id)
        try txn.forEach(prefix: prefix, in: dbi) { key, value in
            let name = String(
                decoding: UnsafeRawBufferPointer(rebasing: key[prefix.count...]), as: UTF8.self)
            var reader = RawReader(value)
            let createdAt = try reader.readInt64()
            groups.append(ConsumerGroup(hub: hub.name, name: name, createdAt: createdAt))
        }
        return groups
    }

    func insert(_ hub: HubRecord, _ name: String, createdAt: Int64) throws {
        let value = [UInt8](encodedSize: 8) { $0.write(createdAt) }
        try txn.put(value, forKey: Keys.group(hub.id, name), in: dbi)
    }

    func remove(_ hub: HubRecord, _ name: String) throws {
        try txn.delete(key: Keys.group(hub.id, name), in: dbi)
    }

    func removeAll(_ hub: HubRecord) throws {
        try txn.deleteAll(prefix: Keys.hubPrefix(hub.id), in: dbi)
    }
}
