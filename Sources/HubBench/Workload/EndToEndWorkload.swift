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

    /// The span that `events` events paced at `rate` cover: a run's measured time is at
    /// least this.
    ///
    /// Each batch is sent when its interval begins and stands for the whole interval, as the
    /// first one does from the start of the run; so n batches cover n intervals, though the
    /// last one is sent after n - 1 of them. Timed only to the last send, a run of 2 batches
    /// of 1,000 at 100/s would take 10 s and report 200/s; counting the last batch's interval,
    /// it reports the 100/s it was paced at, which is what anyone who asks a load generator
    /// for a rate expects to read back when the producers kept up.
    public func pacedNanos(events: Int) -> UInt64 {
        rate > 0 ? UInt64(1e9 * Double(events) / rate) : 0
    }

    /// Nanoseconds between two batches of one producer.
    var batchIntervalNanos: Double {
        1e9 * Double(publish.producers) * Double(publish.batchSize) / rate
    }
}
