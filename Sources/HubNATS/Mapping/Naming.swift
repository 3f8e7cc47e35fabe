import HubCore

/// The names hubsh gives its JetStream streams, subjects and key-value entries.
///
/// Every hub gets an incarnation id when it is created; its streams and the keys of its
/// groups and checkpoints carry that id, so a hub deleted and created again under the same
/// name starts empty even when a half-finished delete left something behind.
///
/// - stream of a partition: `HUBSH_<ns>_<hub>_<incarnation>_<partition>`, the hub's `.`
///   written as `_` (the incarnation keeps names apart);
/// - its subject: `hubsh.<ns>.<incarnation>.<partition>`;
/// - buckets: `hubsh_<ns>_hubs`, `_groups`, `_checkpoints`, `_schemas`;
/// - keys: a hub by its lowercased name (`.` written as `/`, so that a name is one token),
///   which makes names that differ only in case clash; a group under
///   `<hub>.<incarnation>.<group>`; a checkpoint under `<hub>.<incarnation>.<group>.<p>`.
struct Naming {
    let namespace: String

    func stream(hub: String, incarnation: String, partition: Int) -> String {
        let readable = hub.replacingOccurrences(of: ".", with: "_")
        return "HUBSH_\(namespace)_\(readable)_\(incarnation)_\(partition)"
    }

    func subject(incarnation: String, partition: Int) -> String {
        "hubsh.\(namespace).\(incarnation).\(partition)"
    }

    /// Every subject hubsh publishes events on in this namespace.
    var allEventSubjects: String { "hubsh.\(namespace).>" }

    var hubsBucket: String { "hubsh_\(namespace)_hubs" }
    var groupsBucket: String { "hubsh_\(namespace)_groups" }
    var checkpointsBucket: String { "hubsh_\(namespace)_checkpoints" }
    var schemasBucket: String { "hubsh_\(namespace)_schemas" }

    /// The key of a hub record: its folded name as one token, so it is found in any case.
    static func hubKey(_ name: String) -> String {
        Names.folded(name).replacingOccurrences(of: ".", with: "/")
    }

    /// A group name as one key token: lowercased, `$` written as `=`, `.` as `/`.
    static func groupToken(_ name: String) -> String {
        Names.folded(name).replacingOccurrences(of: "$", with: "=")
            .replacingOccurrences(of: ".", with: "/")
    }

    static func hubPrefix(_ hub: HubRecord) -> String {
        hubKey(hub.properties.name) + "." + hub.incarnation
    }

    static func groupKey(_ hub: HubRecord, _ group: String) -> String {
        hubPrefix(hub) + "." + groupToken(group)
    }

    static func checkpointKey(_ hub: HubRecord, _ group: String, _ partition: Int) -> String {
        groupKey(hub, group) + "." + String(partition)
    }

    /// A new incarnation id: 12 lowercase hex digits.
    static func newIncarnation() -> String {
        let value = UInt64.random(in: 0..<(1 << 48))
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 12 - text.count) + text
    }
}
