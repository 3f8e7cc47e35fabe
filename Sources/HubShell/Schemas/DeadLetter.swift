import HubCore

/// How an event that failed its hub's schema is kept in the dead-letter hub `HUB.deadletter`.
///
/// The dead-lettered event is the event as it was published (after the publish hooks): same
/// body, key, content type and properties, plus `deadletter.*` properties that say why. It
/// keeps its partition key, and an event published to a partition goes to the same partition
/// of the dead-letter hub (both have the same partition count), so order per key is kept.
enum DeadLetter {
    static let prefix = "deadletter."
    /// `schema-validation-failed`, or `body-not-json` when the body is not JSON at all.
    static let reason = "deadletter.reason"
    /// The errors joined with `; `, cut at 1 KiB.
    static let errors = "deadletter.errors"
    static let errorCount = "deadletter.errorCount"
    /// `GROUP/NAME`, its version and its 32-hex id.
    static let schema = "deadletter.schema"
    static let schemaVersion = "deadletter.schemaVersion"
    static let schemaId = "deadletter.schemaId"
    static let originHub = "deadletter.originHub"
    /// The partition the publisher named, when it named one.
    static let originPartition = "deadletter.originPartition"
    /// The partition key the publisher gave, when it gave one.
    static let originKey = "deadletter.originKey"

    /// Retention of a dead-letter hub: 30 days, or the origin hub's when that is longer.
    static let minimumRetention: Int64 = 30 * 86_400_000

    /// The dead-letter record of `event`, which failed `schema` on its way to `hub`.
    static func event(
        _ event: EventData, problems: [SchemaProblem], schema: SchemaVersion, hub: String,
        partition: Int?
    ) -> EventData {
        var letter = event
        let notJSON = problems.count == 1 && problems[0].keyword == "json"
        var added: [(String, PropertyValue)] = [
            (reason, .string(notJSON ? "body-not-json" : "schema-validation-failed")),
            (errors, .string(SchemaProblem.summary(problems))),
            (errorCount, .int(Int64(problems.count))),
            (DeadLetter.schema, .string(schema.qualifiedName)),
            (schemaVersion, .int(Int64(schema.version))),
            (schemaId, .string(schema.id)),
            (originHub, .string(hub)),
        ]
        if let partition { added.append((originPartition, .int(Int64(partition)))) }
        if let key = event.partitionKey { added.append((originKey, .string(key))) }
        letter.properties.removeAll { $0.0.hasPrefix(prefix) }
        letter.properties += added
        return letter
    }

    /// The event as it was first published: the `deadletter.*` properties removed.
    static func original(_ letter: EventData) -> EventData {
        var event = letter
        event.properties.removeAll { $0.0.hasPrefix(prefix) }
        return event
    }

    /// The string or number value of property `name`.
    static func property(_ name: String, of event: EventData) -> PropertyValue? {
        event.properties.last { $0.0 == name }?.1
    }

    /// What keeps `deadLetter` from holding the invalid events of `origin`, or nil when it fits:
    /// `has 2 partitions, not 8; keeps events 1d, not at least 30d`.
    ///
    /// An event keeps its partition in the dead-letter hub, so the partition counts must be
    /// equal; the retention must be at least the 30 days promised; and an event as large as
    /// `origin` takes must fit with its `deadletter.*` properties, as in the hub `hubSpec`
    /// makes.
    static func misfit(_ deadLetter: HubProperties, for origin: HubProperties) -> String? {
        let wanted = hubSpec(for: origin)
        var problems: [String] = []
        if deadLetter.partitionCount != wanted.partitionCount {
            let count = deadLetter.partitionCount
            problems.append(
                "has \(count) partition\(count == 1 ? "" : "s"), not \(wanted.partitionCount)")
        }
        if deadLetter.retentionMillis < minimumRetention {
            problems.append(
                "keeps events \(Retention.format(deadLetter.retentionMillis)), not at least"
                    + " \(Retention.format(minimumRetention))")
        }
        if deadLetter.maxEventSize < wanted.maxEventSize {
            problems.append(
                "takes events of at most \(ByteSize.format(Int64(deadLetter.maxEventSize))),"
                    + " not at least \(wanted.maxEventSize) bytes (the largest event of"
                    + " '\(origin.name)' with its deadletter.* properties)")
        }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }

    /// The `hub create` flags that make a dead-letter hub that fits `origin`.
    static func createFlags(for origin: HubProperties) -> String {
        let spec = hubSpec(for: origin)
        return "--partitions \(spec.partitionCount) --retention"
            + " \(Retention.format(spec.retentionMillis)) --max-event-size \(spec.maxEventSize)"
    }

    /// What a dead-letter hub's maximum event size has beyond its origin's: room for the
    /// `deadletter.*` properties (the errors alone may take 1 KiB, the origin's name 256 bytes).
    static let propertiesRoom = 64 * 1024

    /// The largest maximum event size of a hub that dead-letters: its dead-letter hub needs
    /// `propertiesRoom` more, and no hub takes events over `HubSpec.maxEventSizeLimit`.
    static let largestOriginMaxEventSize = HubSpec.maxEventSizeLimit - propertiesRoom

    /// The spec of `hub`'s dead-letter hub: same partitions, long retention, room for the
    /// added properties. `misfit` holds an existing dead-letter hub to the same numbers.
    static func hubSpec(for hub: HubProperties) -> HubSpec {
        var spec = HubSpec(name: SchemaBinding.deadLetterHub(of: hub.name))
        spec.partitionCount = hub.partitionCount
        spec.retentionMillis = max(hub.retentionMillis, minimumRetention)
        spec.maxEventSize = min(HubSpec.maxEventSizeLimit, hub.maxEventSize + propertiesRoom)
        return spec
    }
}
