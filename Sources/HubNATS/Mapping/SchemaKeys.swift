import HubCore

/// Keys and JSON values of the schemas bucket.
enum SchemaKeys {
    /// A schema group or schema name as one key token: `.` written as `/`.
    static func token(_ name: String) -> String {
        name.replacingOccurrences(of: ".", with: "/")
    }

    /// The token a new group or schema is keyed by: its folded name, so that two names that
    /// differ only in case want one key and the second `create` fails.
    ///
    /// Stores written before names were folded keep tokens in the created spelling; readers
    /// find those by going through the entries, and new versions of such a schema stay under
    /// its old token (see `NATSEventLog.versions(in:name:)`).
    static func foldedToken(_ name: String) -> String {
        token(Names.folded(name))
    }

    static func groupKey(token: String) -> String { "g." + token }

    static func versionKey(groupToken: String, nameToken: String, _ version: Int) -> String {
        "v.\(groupToken).\(nameToken).\(version)"
    }

    /// The name token of a version key `v.<group>.<name>.<version>`.
    static func nameToken(ofVersionKey key: String) -> String? {
        let parts = key.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 ? String(parts[2]) : nil
    }

    static func json(_ group: SchemaGroup) -> JSONValue {
        .object([
            ("name", .string(group.name)), ("format", .string(group.format.rawValue)),
            ("compatibility", .string(group.compatibility.rawValue)),
            ("assertFormats", .bool(group.assertFormats)), ("createdAt", .int(group.createdAt)),
        ])
    }

    static func group(_ bytes: [UInt8]) throws -> SchemaGroup {
        let json = try RecordJSON.parse(bytes, what: "schema group record")
        guard let format = SchemaFormat(rawValue: try RecordJSON.string(json, "format")),
              let mode = CompatibilityMode(rawValue: try RecordJSON.string(json, "compatibility"))
        else { throw HubError.storage("a schema group record names an unknown format or mode") }
        return SchemaGroup(
            name: try RecordJSON.string(json, "name"), format: format, compatibility: mode,
            assertFormats: json["assertFormats"] == .bool(true),
            createdAt: try RecordJSON.int(json, "createdAt"))
    }

    static func json(_ version: SchemaVersion) -> JSONValue {
        .object([
            ("group", .string(version.group)), ("name", .string(version.name)),
            ("version", .int(version.version)), ("id", .string(version.id)),
            ("definition", .string(version.definition)),
            ("canonicalForm", .string(version.canonicalForm)),
            ("registeredAt", .int(version.registeredAt)),
        ])
    }

    static func version(_ bytes: [UInt8]) throws -> SchemaVersion {
        let json = try RecordJSON.parse(bytes, what: "schema version record")
        return SchemaVersion(
            group: try RecordJSON.string(json, "group"), name: try RecordJSON.string(json, "name"),
            version: Int(try RecordJSON.int(json, "version")),
            id: try RecordJSON.string(json, "id"),
            definition: try RecordJSON.string(json, "definition"),
            canonicalForm: try RecordJSON.string(json, "canonicalForm"),
            registeredAt: try RecordJSON.int(json, "registeredAt"))
    }
}
