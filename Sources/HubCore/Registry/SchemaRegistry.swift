/// Where schema groups, schema versions and hub bindings are kept: the namespace's store.
///
/// An engine that keeps a registry implements this beside `EventLog`; the shell finds it with
/// `log as? SchemaRegistry`. Validation and compatibility are not the store's business: the
/// caller passes a check that runs inside the registering transaction, so two processes cannot
/// both register a version against the same latest one.
public protocol SchemaRegistry: AnyObject, Sendable {
    func createSchemaGroup(_ group: SchemaGroup) throws -> SchemaGroup
    func schemaGroups() throws -> [SchemaGroup]
    /// Throws `RegistryError.groupNotFound`.
    func schemaGroup(named name: String) throws -> SchemaGroup

    /// Registers `definition` as the next version of `name` in `group`.
    ///
    /// When a version with the same `canonicalForm` exists, returns it with `created` false and
    /// writes nothing. Otherwise calls `check` with the existing versions, oldest first, inside
    /// the write transaction; when it throws, nothing is written.
    func registerSchema(
        group: String, name: String, definition: String, canonicalForm: String,
        check: ([SchemaVersion]) throws -> Void
    ) throws -> (version: SchemaVersion, created: Bool)

    /// Every version of one schema, oldest first; throws `schemaNotFound` when there is none.
    func schemaVersions(group: String, name: String) throws -> [SchemaVersion]
    /// The latest version of every schema, of one group or of all, ordered by group and name.
    func latestSchemas(group: String?) throws -> [SchemaVersion]
    /// The version with this id; throws `schemaIdNotFound`.
    func schema(id: String) throws -> SchemaVersion

    /// Binds `binding` to `hub`, or removes the binding when nil; returns the hub.
    func setSchemaBinding(hub: String, _ binding: SchemaBinding?) throws -> HubProperties
    /// The binding of `hub`, if any.
    func schemaBinding(hub: String) throws -> SchemaBinding?
}

extension SchemaRegistry {
    /// Version `version` of a schema, or its latest when nil.
    public func schemaVersion(group: String, name: String, version: Int?) throws
        -> SchemaVersion
    {
        let versions = try schemaVersions(group: group, name: name)
        guard let version else { return versions[versions.count - 1] }
        guard let found = versions.first(where: { $0.version == version }) else {
            throw RegistryError.versionNotFound(
                group: group, name: name, version: version, latest: versions.count)
        }
        return found
    }
}

/// Registry problems, each one line that says what to do.
public enum RegistryError: Error, Equatable, CustomStringConvertible, Sendable {
    case invalidGroupName(String, reason: String)
    case invalidSchemaName(String, reason: String)
    case groupExists(String)
    case groupNotFound(String)
    case schemaNotFound(group: String, name: String)
    case versionNotFound(group: String, name: String, version: Int, latest: Int)
    case schemaIdNotFound(String)
    case invalidQualifiedName(String)

    public var description: String {
        switch self {
        case .invalidGroupName(let name, let reason):
            return "invalid schema group name '\(name)': \(reason)"
        case .invalidSchemaName(let name, let reason):
            return "invalid schema name '\(name)': \(reason)"
        case .groupExists(let name):
            return "schema group '\(name)' already exists (see 'schema group list')"
        case .groupNotFound(let name):
            return "schema group '\(name)' does not exist; create it with"
                + " 'schema group create \(name) --format json|avro'"
        case .schemaNotFound(let group, let name):
            return "schema '\(name)' is not registered in group '\(group)'"
                + " (see 'schema list \(group)')"
        case .versionNotFound(let group, let name, let version, let latest):
            let versions = latest == 1 ? "its only version is 1" : "its versions are 1-\(latest)"
            return "schema '\(group)/\(name)' has no version \(version); \(versions)"
        case .schemaIdNotFound(let id):
            return "no schema version has id '\(id)' in this namespace"
        case .invalidQualifiedName(let text):
            return "'\(text)' is not GROUP/NAME: give the schema group and the schema name,"
                + " such as orders/order-event"
        }
    }
}

/// Name rules for schema groups and schemas: 1-50 letters, digits, '.', '-' and '_',
/// starting and ending with a letter or digit.
extension Names {
    public static func validateSchemaGroup(_ name: String) throws {
        if let reason = problem(with: name, maxLength: 50) {
            throw RegistryError.invalidGroupName(name, reason: reason)
        }
    }

    public static func validateSchemaName(_ name: String) throws {
        if let reason = problem(with: name, maxLength: 100) {
            throw RegistryError.invalidSchemaName(name, reason: reason)
        }
    }

    /// `GROUP/NAME` split in two.
    public static func splitQualified(_ text: String) throws -> (group: String, name: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw RegistryError.invalidQualifiedName(text)
        }
        return (String(parts[0]), String(parts[1]))
    }
}
