/// A consumer group's progress in one partition: the last event it has processed.
///
/// A consumer resumes after the checkpointed event and never receives it again.
public struct Checkpoint: Sendable, Equatable {
    public var hub: String
    public var group: String
    public var partition: Int
    public var sequenceNumber: Int64
    public var offset: Int64
    /// When the checkpoint was written, in milliseconds since the epoch.
    public var updatedAt: Int64
    /// Who wrote it: a consumer's identity, such as `hubsh@host:pid`.
    public var owner: String

    public init(
        hub: String, group: String, partition: Int, sequenceNumber: Int64, offset: Int64,
        updatedAt: Int64, owner: String
    ) {
        self.hub = hub
        self.group = group
        self.partition = partition
        self.sequenceNumber = sequenceNumber
        self.offset = offset
        self.updatedAt = updatedAt
        self.owner = owner
    }
}

/// The state of one partition of a hub.
public struct PartitionState: Sendable, Equatable {
    public var partition: Int
    /// The sequence number of the first retained event; equals `nextSequenceNumber` when empty.
    public var firstSequenceNumber: Int64
    /// The sequence number the next event will get.
    public var nextSequenceNumber: Int64
    /// The offset the next event will get.
    public var nextOffset: Int64
    /// Bytes held by the retained events.
    public var bytes: Int64
    /// Enqueued time of the last event ever published, in milliseconds; nil before the first.
    public var lastEnqueuedTime: Int64?

    public init(
        partition: Int, firstSequenceNumber: Int64, nextSequenceNumber: Int64, nextOffset: Int64,
        bytes: Int64, lastEnqueuedTime: Int64?
    ) {
        self.partition = partition
        self.firstSequenceNumber = firstSequenceNumber
        self.nextSequenceNumber = nextSequenceNumber
        self.nextOffset = nextOffset
        self.bytes = bytes
        self.lastEnqueuedTime = lastEnqueuedTime
    }

    public static func empty(_ partition: Int) -> PartitionState {
        PartitionState(
            partition: partition, firstSequenceNumber: 0, nextSequenceNumber: 0, nextOffset: 0,
            bytes: 0, lastEnqueuedTime: nil)
    }

    /// The number of retained events.
    public var eventCount: Int64 { nextSequenceNumber - firstSequenceNumber }
    public var isEmpty: Bool { eventCount == 0 }
    /// The last sequence number ever given in this partition; -1 before the first event.
    public var lastSequenceNumber: Int64 { nextSequenceNumber - 1 }
}

/// What a retention purge removed.
public struct PurgeResult: Sendable, Equatable {
    public var hub: String
    /// Events removed, per partition (only partitions that lost events).
    public var purged: [Int: Int64]

    public init(hub: String, purged: [Int: Int64]) {
        self.hub = hub
        self.purged = purged
    }

    public var total: Int64 { purged.values.reduce(0, +) }
}
