import Foundation
import HubCore

/// The schema registry, kept in the same LMDB environment as the events.
extension LMDBEventLog: SchemaRegistry {
    public func createSchemaGroup(_ group: SchemaGroup) throws -> SchemaGroup {
        try Names.validateSchemaGroup(group.name)
        return try perform("create schema group '\(group.name)'") {
            try writing { tables in
                if let other = try tables.schemaGroups.find(group.name) {
                    throw other.name == group.name
                        ? RegistryError.groupExists(group.name)
                        : HubError.nameTakenInOtherCase(
                            kind: "schema group", name: group.name, existing: other.name)
                }
                var created = group
                created.createdAt = options.clock()
                try tables.schemaGroups.insert(created)
                return created
            }
        }
    }

    public func schemaGroups() throws -> [SchemaGroup] {
        try perform("list schema groups") {
            try reading { tables in try tables.schemaGroups.all() }
        }
    }

    public func schemaGroup(named name: String) throws -> SchemaGroup {
        try perform("read schema group '\(name)'") {
            try reading { tables in try tables.schemaGroups.require(name) }
        }
    }

    public func registerSchema(
        group: String, name: String, definition: String, canonicalForm: String,
        check: ([SchemaVersion]) throws -> Void
    ) throws -> (version: SchemaVersion, created: Bool) {
        try Names.validateSchemaName(name)
        return try perform("register schema '\(group)/\(name)'") {
            try writing { tables in
                let stored = try tables.schemaGroups.require(group)
                let existing = try tables.schemas.versions(stored.name, name)
                if let same = existing.first(where: { $0.canonicalForm == canonicalForm }) {
                    return (same, false)
                }
                try check(existing)
                // A new version keeps the spellings its group and first version were given.
                let version = SchemaVersion(
                    group: stored.name, name: existing.first?.name ?? name,
                    version: (existing.last?.version ?? 0) + 1,
                    id: LMDBEventLog.newSchemaId(), definition: definition,
                    canonicalForm: canonicalForm, registeredAt: options.clock())
                try tables.schemas.insert(version)
                return (version, true)
            }
        }
    }

    public func schemaVersions(group: String, name: String) throws -> [SchemaVersion] {
        try perform("read schema '\(group)/\(name)'") {
            try reading { tables in
                let stored = try tables.schemaGroups.require(group)
                let versions = try tables.schemas.versions(stored.name, name)
                guard !versions.isEmpty else {
                    throw RegistryError.schemaNotFound(group: stored.name, name: name)
                }
                return versions
            }
        }
    }

    public func latestSchemas(group: String?) throws -> [SchemaVersion] {
        try perform("list schemas") {
            try reading { tables in
                let stored = try group.map { try tables.schemaGroups.require($0).name }
                return try tables.schemas.latest(prefix: stored.map(Keys.schemaGroupPrefix) ?? [])
            }
        }
    }

    public func schema(id: String) throws -> SchemaVersion {
        try perform("find schema id '\(id)'") {
            try reading { tables in
                guard let version = try tables.schemas.find(id: id) else {
                    throw RegistryError.schemaIdNotFound(id)
                }
                return version
            }
        }
    }

    public func setSchemaBinding(hub: String, _ binding: SchemaBinding?) throws -> HubProperties {
        try perform("bind a schema to hub '\(hub)'") {
            try writing { tables in
                let record = try tables.hubs.require(hub)
                var stored = binding
                if let binding {
                    let group = try tables.schemaGroups.require(binding.group)
                    guard let first = try tables.schemas.versions(group.name, binding.name).first
                    else {
                        throw RegistryError.schemaNotFound(group: group.name, name: binding.name)
                    }
                    stored?.group = group.name
                    stored?.name = first.name
                }
                var properties = record.properties
                properties.schema = stored
                try tables.hubs.insert(HubRecord(id: record.id, properties: properties))
                return properties
            }
        }
    }

    public func schemaBinding(hub: String) throws -> SchemaBinding? {
        try self.hub(named: hub).schema
    }

    /// 32 lowercase hex characters from a random UUID, as Azure Schema Registry ids look.
    static func newSchemaId() -> String {
        UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    }
}
