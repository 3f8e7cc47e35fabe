import Foundation
import HubCore

/// The schema registry, kept in the namespace's `schemas` bucket beside the hubs.
///
/// Keys: `g.<group>` a schema group, `v.<group>.<name>.<version>` a version, `i.<id>` the
/// version an id names (each `.` of a name written as `/`, so a name stays one token). A
/// version is written only when its key is new, so two processes registering the next
/// version of one schema cannot both win: the loser reads the versions again and runs its
/// check against the winner's.
extension NATSEventLog: SchemaRegistry {
    static let maxRegisterAttempts = 20

    public func createSchemaGroup(_ group: SchemaGroup) throws -> SchemaGroup {
        try Names.validateSchemaGroup(group.name)
        return try perform("create schema group '\(group.name)'") {
            var created = group
            created.createdAt = options.clock()
            let key = "g." + SchemaKeys.token(group.name)
            guard try schemasBucket.create(key, RecordJSON.encode(SchemaKeys.json(created)))
            else { throw RegistryError.groupExists(group.name) }
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
        try performRetrying("read schema group '\(name)'") { try requireSchemaGroup(name) }
    }

    public func registerSchema(
        group: String, name: String, definition: String, canonicalForm: String,
        check: ([SchemaVersion]) throws -> Void
    ) throws -> (version: SchemaVersion, created: Bool) {
        try Names.validateSchemaName(name)
        return try perform("register schema '\(group)/\(name)'") {
            _ = try requireSchemaGroup(group)
            for _ in 0..<NATSEventLog.maxRegisterAttempts {
                let existing = try versions(group: group, name: name)
                if let same = existing.first(where: { $0.canonicalForm == canonicalForm }) {
                    return (same, false)
                }
                try check(existing)
                let version = SchemaVersion(
                    group: group, name: name, version: (existing.last?.version ?? 0) + 1,
                    id: UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""),
                    definition: definition, canonicalForm: canonicalForm,
                    registeredAt: options.clock())
                let key = SchemaKeys.versionKey(group, name, version.version)
                // The id first: an id without its version is never listed, and is harmless.
                try schemasBucket.put(
                    "i." + version.id, Array(SchemaKeys.versionKey(group, name, version.version)
                        .utf8))
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
            _ = try requireSchemaGroup(group)
            let found = try versions(group: group, name: name)
            guard !found.isEmpty else {
                throw RegistryError.schemaNotFound(group: group, name: name)
            }
            return found
        }
    }

    public func latestSchemas(group: String?) throws -> [SchemaVersion] {
        try performRetrying("list schemas") {
            if let group { _ = try requireSchemaGroup(group) }
            let pattern = group.map { "v." + SchemaKeys.token($0) + ".>" } ?? "v.>"
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
            if let binding {
                _ = try requireSchemaGroup(binding.group)
                guard !(try versions(group: binding.group, name: binding.name)).isEmpty else {
                    throw RegistryError.schemaNotFound(group: binding.group, name: binding.name)
                }
            }
            let key = Naming.hubKey(hub)
            for _ in 0..<NATSEventLog.maxRegisterAttempts {
                guard let entry = try hubsBucket.get(key) else { throw HubError.hubNotFound(hub) }
                var record = try HubRecord(bytes: entry.value)
                record.properties.schema = binding
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

    private func requireSchemaGroup(_ name: String) throws -> SchemaGroup {
        guard let entry = try schemasBucket.get("g." + SchemaKeys.token(name)) else {
            throw RegistryError.groupNotFound(name)
        }
        return try SchemaKeys.group(entry.value)
    }

    private func versions(group: String, name: String) throws -> [SchemaVersion] {
        let pattern = "v." + SchemaKeys.token(group) + "." + SchemaKeys.token(name) + ".*"
        return try schemasBucket.entries(matching: pattern).map { try SchemaKeys.version($0.value) }
            .sorted { $0.version < $1.version }
    }
}
