/// Where an event landed in a hub: its partition, sequence number, offset and enqueued time.
public struct EventLocation: Sendable, Equatable {
    public var partition: Int
    /// Per partition, from 0, contiguous, never reused.
    public var sequenceNumber: Int64
    /// The event's byte position in its partition's stream.
    public var offset: Int64
    /// When the hub accepted the event, in milliseconds since the Unix epoch (UTC).
    public var enqueuedTime: Int64

    public init(partition: Int, sequenceNumber: Int64, offset: Int64, enqueuedTime: Int64) {
        self.partition = partition
        self.sequenceNumber = sequenceNumber
        self.offset = offset
        self.enqueuedTime = enqueuedTime
    }
}

/// An event read back from a hub: where it is, and what was published.
public struct StoredEvent: Sendable, Equatable {
    public var location: EventLocation
    public var event: PluginEvent

    public init(location: EventLocation, event: PluginEvent) {
        self.location = location
        self.event = event
    }

    public var partition: Int { location.partition }
    public var sequenceNumber: Int64 { location.sequenceNumber }
    public var offset: Int64 { location.offset }
    public var enqueuedTime: Int64 { location.enqueuedTime }
}
