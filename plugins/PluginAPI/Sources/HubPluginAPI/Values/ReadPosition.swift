/// Where a read starts in a partition, as `read --from` takes it.
public enum ReadPosition: Sendable, Equatable {
    /// The first retained event.
    case earliest
    /// After the last event: nothing now, only what is published later.
    case latest
    /// The event with this sequence number, or the one after it when not inclusive.
    case sequenceNumber(Int64, inclusive: Bool)
    /// The event at this offset, or the one after it when not inclusive.
    case offset(Int64, inclusive: Bool)
    /// The first event enqueued at or after this time, in milliseconds since the epoch.
    case enqueuedTime(Int64)
    /// The last N events, or all of them when there are fewer.
    case last(Int64)
}
