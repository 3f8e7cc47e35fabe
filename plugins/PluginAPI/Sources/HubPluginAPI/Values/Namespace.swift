/// A hub as `hub list` shows it.
public struct HubSummary: Sendable, Equatable {
    public var name: String
    public var partitionCount: Int
    /// How long events are kept, in milliseconds.
    public var retentionMillis: Int64
    /// The largest event, and the largest batch, the hub accepts, in bytes.
    public var maxEventSize: Int
    /// When the hub was created, in milliseconds since the epoch.
    public var createdAt: Int64

    public init(
        name: String, partitionCount: Int, retentionMillis: Int64, maxEventSize: Int,
        createdAt: Int64
    ) {
        self.name = name
        self.partitionCount = partitionCount
        self.retentionMillis = retentionMillis
        self.maxEventSize = maxEventSize
        self.createdAt = createdAt
    }
}

/// The state of one partition of a hub.
public struct PartitionSummary: Sendable, Equatable {
    public var partition: Int
    /// The sequence number of the first retained event; equals `nextSequenceNumber` when the
    /// partition holds no events.
    public var firstSequenceNumber: Int64
    /// The sequence number the next event will get.
    public var nextSequenceNumber: Int64
    /// Bytes held by the retained events.
    public var bytes: Int64
    /// When the last event arrived, in milliseconds since the epoch; nil before the first.
    public var lastEnqueuedTime: Int64?

    public init(
        partition: Int, firstSequenceNumber: Int64, nextSequenceNumber: Int64, bytes: Int64,
        lastEnqueuedTime: Int64?
    ) {
        self.partition = partition
        self.firstSequenceNumber = firstSequenceNumber
        self.nextSequenceNumber = nextSequenceNumber
        self.bytes = bytes
        self.lastEnqueuedTime = lastEnqueuedTime
    }

    /// The number of retained events.
    public var eventCount: Int64 { nextSequenceNumber - firstSequenceNumber }
}

/// A consumer group's progress in one partition: the last event it processed.
public struct CheckpointSummary: Sendable, Equatable {
    public var partition: Int
    public var sequenceNumber: Int64
    public var offset: Int64
    /// When the checkpoint was written, in milliseconds since the epoch.
    public var updatedAt: Int64
    /// Who wrote it, such as `hubsh@host:4242`.
    public var owner: String

    public init(
        partition: Int, sequenceNumber: Int64, offset: Int64, updatedAt: Int64, owner: String
    ) {
        self.partition = partition
        self.sequenceNumber = sequenceNumber
        self.offset = offset
        self.updatedAt = updatedAt
        self.owner = owner
    }
}
