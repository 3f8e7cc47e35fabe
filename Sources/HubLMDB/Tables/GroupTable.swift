import CLMDB
import HubCore

/// The `groups` database: each hub's consumer groups and when they were created.
struct GroupTable {
    let txn: Transaction
    let dbi: MDB_dbi

    /// The name `hub`'s group called `name` in any case was created with, or nil.
    func find(_ hub: HubRecord, _ name: String) throws -> String? {
        guard Keys.fits(name) else { return nil }
        if try txn.value(forKey: Keys.group(hub.id, name), in: dbi) != nil { return name }
        return try all(hub).first { Names.same($0.name, name) }?.name
    }

    /// The name `hub`'s group called `name` in any case was created with; throws
    /// `HubError.groupNotFound` when the hub has no such group.
    @discardableResult
    func require(_ hub: HubRecord, _ name: String) throws -> String {
        guard let found = try find(hub, name) else {
            throw HubError.groupNotFound(hub: hub.name, group: name)
        }
        return found
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
