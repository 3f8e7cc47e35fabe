import HubCore

/// What `bench e2e` does: producers publish at a steady rate while a consumer tails the hub.
public struct EndToEndWorkload: Sendable, Equatable {
    /// What the producers publish; `events` in all, shared out among `producers`.
    public var publish: PublishWorkload
    /// Events per second, all producers together.
    public var rate: Double
    /// How long the consumer waits after a poll that found nothing, unless an append of this
    /// process wakes it earlier: 20 ms, as `tail` waits.
    public var idleNanos: UInt64 = 20_000_000
    /// How long the consumer keeps waiting for missing events once the producers are done.
    public var drainNanos: UInt64 = 5_000_000_000
    /// The same once the run was stopped early (Ctrl-C): events already published are still
    /// taken, but a stop should not wait long.
    public var stoppedDrainNanos: UInt64 = 1_000_000_000

    public init(publish: PublishWorkload, rate: Double) {
        self.publish = publish
        self.rate = rate
    }

    /// Nanoseconds between two batches of one producer.
    var batchIntervalNanos: Double {
        1e9 * Double(publish.producers) * Double(publish.batchSize) / rate
    }
}
