import HubCore

/// The `--json` shapes of schema groups and versions.
enum SchemaJSON {
    static func group(_ group: SchemaGroup) -> JSONValue {
        .object([
            ("group", .string(group.name)), ("format", .string(group.format.rawValue)),
            ("compatibility", .string(group.compatibility.rawValue)),
            ("assertFormats", .bool(group.assertFormats)),
            ("createdAt", .string(Timestamp.format(group.createdAt))),
        ])
    }

    static func version(_ version: SchemaVersion, definition: Bool = false) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("group", .string(version.group)), ("name", .string(version.name)),
            ("version", .int(version.version)), ("id", .string(version.id)),
            ("registeredAt", .string(Timestamp.format(version.registeredAt))),
        ]
        if definition { members.append(("definition", .string(version.definition))) }
        return .object(members)
    }
}
