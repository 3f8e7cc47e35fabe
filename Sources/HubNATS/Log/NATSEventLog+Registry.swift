import Foundation
import HubCore

/// The schema registry, kept in the namespace's `schemas` bucket beside the hubs.
///
/// Keys: `g.<group>` a schema group, `v.<group>.<name>.<version>` a version, `i.<id>` the
/// version an id names (each `.` of a name written as `/`, so a name stays one token). A
/// version is written only when its key is new, so two processes registering the next
/// version of one schema cannot both win: the loser reads the versions again and runs its
/// check against the winner's.
///
/// Group and schema names are found in any case. New groups and schemas are keyed by their
/// folded names, so two that differ only in case clash on one key; the records keep the
/// names as created. Stores written before names were folded keep their keys: a name is
/// looked up by its folded token, then as spelt, then among all entries.
extension NATSEventLog: SchemaRegistry {
    static let maxRegisterAttempts = 20

    public func createSchemaGroup(_ group: SchemaGroup) throws -> SchemaGroup {
        try Names.validateSchemaGroup(group.name)
        return try perform("create schema group '\(group.name)'") {
            // Groups made before names were folded are not under the folded key.
            if let other = try findSchemaGroup(group.name) {
                throw clash(group.name, existing: other.group.name)
            }
            var created = group
            created.createdAt = options.clock()
            let key = SchemaKeys.groupKey(token: SchemaKeys.foldedToken(group.name))
            guard try schemasBucket.create(key, RecordJSON.encode(SchemaKeys.json(created)))
            else {
                let winner = try schemasBucket.get(key).map { try SchemaKeys.group($0.value) }
                throw clash(group.name, existing: winner?.name ?? group.name)
            }
            return created
        }
    }

    public func schemaGroups() throws -> [SchemaGroup] {
        try performRetrying("list schema groups") {
            try schemasBucket.entries(matching: "g.*").map { try SchemaKeys.group($0.value) }
                .sorted { $0.name < $1.name }
        }
    }

    public func schemaGroup(named name: String) throws -> SchemaGroup {
        try performRetrying("read schema group '\(name)'") { try requireSchemaGroup(name).group }
    }

    public func registerSchema(
        group: String, name: String, definition: String, canonicalForm: String,
        check: ([SchemaVersion]) throws -> Void
    ) throws -> (version: SchemaVersion, created: Bool) {
        try Names.validateSchemaName(name)
        return try perform("register schema '\(group)/\(name)'") {
            let stored = try requireSchemaGroup(group)
            for _ in 0..<NATSEventLog.maxRegisterAttempts {
                let (existing, nameToken) = try versions(in: stored, name: name)
                if let same = existing.first(where: { $0.canonicalForm == canonicalForm }) {
                    return (same, false)
                }
                try check(existing)
                // A new version keeps the spellings its group and first version were given.
                let version = SchemaVersion(
                    group: stored.group.name, name: existing.first?.name ?? name,
                    version: (existing.last?.version ?? 0) + 1,
                    id: UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""),
                    definition: definition, canonicalForm: canonicalForm,
                    registeredAt: options.clock())
                let key = SchemaKeys.versionKey(
                    groupToken: stored.token, nameToken: nameToken, version.version)
                // The id first: an id without its version is never listed, and is harmless.
                try schemasBucket.put("i." + version.id, Array(key.utf8))
                if try schemasBucket.create(key, RecordJSON.encode(SchemaKeys.json(version))) {
                    return (version, true)
                }
                try? schemasBucket.remove("i." + version.id)
            }
            throw HubError.storage(
                "schema '\(group)/\(name)' kept changing while registering; try again")
        }
    }

    public func schemaVersions(group: String, name: String) throws -> [SchemaVersion] {
        try performRetrying("read schema '\(group)/\(name)'") {
            let stored = try requireSchemaGroup(group)
            let found = try versions(in: stored, name: name).versions
            guard !found.isEmpty else {
                throw RegistryError.schemaNotFound(group: stored.group.name, name: name)
            }
            return found
        }
    }

    public func latestSchemas(group: String?) throws -> [SchemaVersion] {
        try performRetrying("list schemas") {
            let stored = try group.map(requireSchemaGroup)
            let pattern = stored.map { "v." + $0.token + ".>" } ?? "v.>"
            var latest: [String: SchemaVersion] = [:]
            for entry in try schemasBucket.entries(matching: pattern) {
                let version = try SchemaKeys.version(entry.value)
                let key = version.group + "\u{0}" + version.name
                if (latest[key]?.version ?? 0) < version.version { latest[key] = version }
            }
            return latest.values.sorted { ($0.group, $0.name) < ($1.group, $1.name) }
        }
    }

    public func schema(id: String) throws -> SchemaVersion {
        try performRetrying("find schema id '\(id)'") {
            let valid = !id.isEmpty && id.utf8.allSatisfy {
                (48...57).contains($0) || (97...122).contains($0)
            }
            guard valid, let pointer = try schemasBucket.get("i." + id),
                  let entry = try schemasBucket.get(String(decoding: pointer.value, as: UTF8.self))
            else { throw RegistryError.schemaIdNotFound(id) }
            return try SchemaKeys.version(entry.value)
        }
    }

    public func setSchemaBinding(hub: String, _ binding: SchemaBinding?) throws -> HubProperties {
        try perform("bind a schema to hub '\(hub)'") {
            var stored = binding
            if let binding {
                let group = try requireSchemaGroup(binding.group)
                guard let first = try versions(in: group, name: binding.name).versions.first else {
                    throw RegistryError.schemaNotFound(group: group.group.name, name: binding.name)
                }
                stored?.group = group.group.name
                stored?.name = first.name
            }
            let key = Naming.hubKey(hub)
            for _ in 0..<NATSEventLog.maxRegisterAttempts {
                guard let entry = try hubsBucket.get(key) else { throw HubError.hubNotFound(hub) }
                var record = try HubRecord(bytes: entry.value)
                record.properties.schema = stored
                let value = RecordJSON.encode(record.json)
                if try hubsBucket.update(key, value, revision: entry.revision) {
                    hubCache.store(record, now: MonotonicClock.millis())
                    return record.properties
                }
            }
            throw HubError.storage("hub '\(hub)' kept changing while binding a schema; try again")
        }
    }

    public func schemaBinding(hub: String) throws -> SchemaBinding? {
        try self.hub(named: hub).schema
    }

    /// `groupExists`, or `nameTakenInOtherCase` when `existing` is spelt otherwise.
    private func clash(_ name: String, existing: String) -> Error {
        existing == name
            ? RegistryError.groupExists(name)
            : HubError.nameTakenInOtherCase(kind: "schema group", name: name, existing: existing)
    }

    /// A schema group as stored: its record and the token its keys carry.
    private struct StoredSchemaGroup {
        var group: SchemaGroup
        var token: String
    }

    private func requireSchemaGroup(_ name: String) throws -> StoredSchemaGroup {
        guard let found = try findSchemaGroup(name) else { throw RegistryError.groupNotFound(name) }
        return found
    }

    /// The group called `name` in any case: under its folded token, then (made before names
    /// were folded) under its token as spelt, then among every group.
    private func findSchemaGroup(_ name: String) throws -> StoredSchemaGroup? {
        let folded = SchemaKeys.foldedToken(name)
        for token in [folded, SchemaKeys.token(name)] {
            if let entry = try schemasBucket.get(SchemaKeys.groupKey(token: token)) {
                return StoredSchemaGroup(group: try SchemaKeys.group(entry.value), token: token)
            }
            if token == SchemaKeys.token(name) { break }
        }
        for entry in try schemasBucket.entries(matching: "g.*") {
            let group = try SchemaKeys.group(entry.value)
            if Names.same(group.name, name) {
                return StoredSchemaGroup(group: group, token: String(entry.key.dropFirst(2)))
            }
        }
        return nil
    }

    /// The versions of the schema called `name` in any case in `group`, oldest first, and the
    /// name token their keys carry: the folded name for a schema not registered yet.
    ///
    /// Looks under the folded token, then (registered before names were folded) under the
    /// token as spelt, then among every version of the group.
    private func versions(in group: StoredSchemaGroup, name: String) throws
        -> (versions: [SchemaVersion], nameToken: String)
    {
        let folded = SchemaKeys.foldedToken(name)
        let prefix = "v." + group.token + "."
        for token in [folded, SchemaKeys.token(name)] {
            let found = try schemasBucket.entries(matching: prefix + token + ".*")
            if !found.isEmpty { return (try Self.sortedVersions(found), token) }
            if SchemaKeys.token(name) == folded { break }
        }
        let matching = try schemasBucket.entries(matching: prefix + ">").filter {
            Names.same(try SchemaKeys.version($0.value).name, name)
        }
        guard let token = matching.first.flatMap({ SchemaKeys.nameToken(ofVersionKey: $0.key) })
        else { return ([], folded) }
        let versions = matching.filter { SchemaKeys.nameToken(ofVersionKey: $0.key) == token }
        return (try Self.sortedVersions(versions), token)
    }

    private static func sortedVersions(_ entries: [KeyValueBucket.Entry]) throws
        -> [SchemaVersion]
    {
        try entries.map { try SchemaKeys.version($0.value) }.sorted { $0.version < $1.version }
    }
}
