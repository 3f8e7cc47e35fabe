import CLMDB
import HubCore

/// The `schemagroups` database: each schema group's format and compatibility mode, under the
/// name it was created with.
struct SchemaGroupTable {
    let txn: Transaction
    let dbi: MDB_dbi

    /// The group called `name` in any case, under the name it was created with, or nil.
    ///
    /// The exact spelling is one key lookup; another spelling goes through every group, which
    /// a namespace has few of. Keys keep the created spelling, as they always have, so stores
    /// written before names were folded read the same.
    func find(_ name: String) throws -> SchemaGroup? {
        guard Keys.fits(name) else { return nil }
        if let value = try txn.value(forKey: Array(name.utf8), in: dbi) {
            return try SchemaGroupRecord.decode(value, name: name)
        }
        return try all().first { Names.same($0.name, name) }
    }

    /// The group called `name`; throws `RegistryError.groupNotFound` when there is none.
    func require(_ name: String) throws -> SchemaGroup {
        guard let group = try find(name) else { throw RegistryError.groupNotFound(name) }
        return group
    }

    func all() throws -> [SchemaGroup] {
        var groups: [SchemaGroup] = []
        try txn.withCursor(on: dbi) { cursor in
            var entry = try cursor.first()
            while let (key, value) = entry {
                let name = String(decoding: key, as: UTF8.self)
                groups.append(try SchemaGroupRecord.decode(value, name: name))
                entry = try cursor.next()
            }
        }
        return groups
    }

    func insert(_ group: SchemaGroup) throws {
        try txn.put(SchemaGroupRecord.encode(group), forKey: Array(group.name.utf8), in: dbi)
    }
}

/// The `schemas` and `schemaids` databases: every version of every schema, and the versions
/// by id.
struct SchemaTable {
    let txn: Transaction
    let dbi: MDB_dbi
    let idDbi: MDB_dbi

    /// Every version of the schema called `name` in any case in `group` (the group's name as
    /// created), oldest first, under the schema's name as first registered.
    ///
    /// The exact spelling is one prefix scan; another spelling goes through the group's
    /// latest versions to learn the name as registered.
    func versions(_ group: String, _ name: String) throws -> [SchemaVersion] {
        let exact = try versions(exactly: group, name)
        guard exact.isEmpty else { return exact }
        let prefix = Keys.schemaGroupPrefix(group)
        guard let other = try latest(prefix: prefix).first(where: { Names.same($0.name, name) })
        else { return [] }
        return try versions(exactly: group, other.name)
    }

    /// Every version of `name` spelt exactly so in `group`, oldest first.
    private func versions(exactly group: String, _ name: String) throws -> [SchemaVersion] {
        var versions: [SchemaVersion] = []
        try txn.forEach(prefix: Keys.schemaPrefix(group, name), in: dbi) { key, value in
            let (_, _, version) = try Keys.decodeSchema(key)
            versions.append(
                try SchemaVersionRecord.decode(value, group: group, name: name, version: version))
        }
        return versions
    }

    /// The latest version of each schema whose key starts with `prefix` (every schema when
    /// `prefix` is empty).
    func latest(prefix: [UInt8]) throws -> [SchemaVersion] {
        var latest: [SchemaVersion] = []
        func visit(_ key: UnsafeRawBufferPointer, _ value: UnsafeRawBufferPointer) throws {
            let (group, name, version) = try Keys.decodeSchema(key)
            let decoded = try SchemaVersionRecord.decode(
                value, group: group, name: name, version: version)
            // Versions of one schema are adjacent and ascending, so the last one wins.
            if let last = latest.last, last.group == group, last.name == name {
                latest[latest.count - 1] = decoded
            } else {
                latest.append(decoded)
            }
        }
        if prefix.isEmpty {
            try txn.withCursor(on: dbi) { cursor in
                var entry = try cursor.first()
                while let (key, value) = entry {
                    try visit(key, value)
                    entry = try cursor.next()
                }
            }
        } else {
            try txn.forEach(prefix: prefix, in: dbi) { key, value in try visit(key, value) }
        }
        return latest
    }

    func insert(_ version: SchemaVersion) throws {
        let key = Keys.schema(version.group, version.name, version.version)
        try txn.put(SchemaVersionRecord.encode(version), forKey: key, in: dbi)
        try txn.put(key, forKey: Array(version.id.utf8), in: idDbi)
    }

    /// The version with `id`, or nil.
    func find(id: String) throws -> SchemaVersion? {
        guard id.utf8.count == 32,
              let key = try txn.value(forKey: Array(id.utf8), in: idDbi).map(Array.init),
              let value = try key.withUnsafeBytes({ try txn.value(forKey: Array($0), in: dbi) })
        else { return nil }
        let (group, name, version) = try key.withUnsafeBytes { try Keys.decodeSchema($0) }
        return try SchemaVersionRecord.decode(value, group: group, name: name, version: version)
    }
}
