/// A hub as a person asks for it: what `hub create` takes.
public struct HubSpec: Sendable, Equatable {
    public var name: String
    public var partitionCount: Int
    /// How long events are kept, in milliseconds.
    public var retentionMillis: Int64
    /// The largest event, and the largest batch, this hub accepts, in bytes.
    public var maxEventSize: Int
    /// How many copies of each partition an engine keeps. The embedded log keeps one; a
    /// replicated engine keeps this many on different servers.
    public var replicas: Int

    public static let defaultPartitionCount = 4
    public static let defaultRetentionMillis: Int64 = 7 * 24 * 3_600_000
    public static let defaultMaxEventSize = 1_048_576
    public static let maxPartitionCount = 1024
    /// Ten years: longer than any retention a real hub has.
    public static let maxRetentionMillis: Int64 = 3650 * 86_400_000
    public static let maxEventSizeLimit = 256 * 1_048_576
    /// The most replicas a replicated engine is asked for, as in NATS JetStream.
    public static let maxReplicas = 5

    public init(
        name: String,
        partitionCount: Int = HubSpec.defaultPartitionCount,
        retentionMillis: Int64 = HubSpec.defaultRetentionMillis,
        maxEventSize: Int = HubSpec.defaultMaxEventSize,
        replicas: Int = 1
    ) {
        self.name = name
        self.partitionCount = partitionCount
        self.retentionMillis = retentionMillis
        self.maxEventSize = maxEventSize
        self.replicas = replicas
    }

    /// Throws the first rule this spec breaks.
    public func validate() throws {
        try Names.validateHub(name)
        guard (1...HubSpec.maxPartitionCount).contains(partitionCount) else {
            throw HubError.invalidPartitionCount(partitionCount)
        }
        try HubSpec.validate(retentionMillis: retentionMillis)
        try HubSpec.validate(maxEventSize: maxEventSize)
        guard (1...HubSpec.maxReplicas).contains(replicas) else {
            throw HubError.invalidReplicas(replicas)
        }
    }

    /// Throws unless `millis` is a retention a hub may have, when created or changed: one
    /// minute to ten years.
    public static func validate(retentionMillis millis: Int64) throws {
        guard (60_000...HubSpec.maxRetentionMillis).contains(millis) else {
            throw HubError.invalidRetention(Retention.format(millis))
        }
    }

    /// Throws unless `bytes` is a maximum event size a hub may have: 1 byte to 256 MiB.
    public static func validate(maxEventSize bytes: Int) throws {
        guard (1...HubSpec.maxEventSizeLimit).contains(bytes) else {
            throw HubError.invalidMaxEventSize(String(bytes))
        }
    }
}

/// A hub as the log keeps it.
public struct HubProperties: Sendable, Equatable {
    public var name: String
    public var partitionCount: Int
    public var retentionMillis: Int64
    public var maxEventSize: Int
    /// Copies kept of each partition: 1 on the embedded log.
    public var replicas: Int
    /// Creation time, in milliseconds since the Unix epoch (UTC).
    public var createdAt: Int64
    /// The schema every published event is validated against, if one is bound.
    public var schema: SchemaBinding?

    public init(
        name: String, partitionCount: Int, retentionMillis: Int64, maxEventSize: Int,
        createdAt: Int64, schema: SchemaBinding? = nil, replicas: Int = 1
    ) {
        self.name = name
        self.partitionCount = partitionCount
        self.retentionMillis = retentionMillis
        self.maxEventSize = maxEventSize
        self.replicas = replicas
        self.createdAt = createdAt
        self.schema = schema
    }

    /// Partition ids as Event Hubs gives them: "0", "1", ...
    public var partitionIds: [String] { (0..<partitionCount).map(String.init) }

    /// Throws `partitionNotFound` unless `partition` is one of this hub's partitions.
    public func check(partition: Int) throws {
        guard (0..<partitionCount).contains(partition) else {
            throw HubError.partitionNotFound(
                hub: name, partition: partition, partitionCount: partitionCount)
        }
    }
}

/// A consumer group of a hub.
public struct ConsumerGroup: Sendable, Equatable {
    public var hub: String
    public var name: String
    public var createdAt: Int64

    public init(hub: String, name: String, createdAt: Int64) {
        self.hub = hub
        self.name = name
        self.createdAt = createdAt
    }
}
