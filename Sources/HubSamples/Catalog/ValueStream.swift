import HubCore

/// One value stream of the sample company: the hub it publishes to, how that hub is sized, who
/// reads it, and a generator of realistic events for it.
///
///     let orders = try SampleCatalog.lookup("orders")
///     var random = SampleRandom(seed: 7)
///     let events = orders.makeEvents(count: 50, using: &random)
///
/// Every event has a JSON body with `eventId`, `eventType` and `occurredAt` first, the
/// stream's key field as its partition key, the content type `application/json`, and the
/// application properties `eventType`, `schemaVersion` and `source` (some streams add one more,
/// such as `priority`). The schema of the body is `samples/schemas/<hub>.schema.json`.
public struct ValueStream: Sendable {
    /// The hub name, such as `orders` or `warehouse-telemetry`.
    public let hub: String
    /// Shorter names that `stream(named:)` also accepts, such as `telemetry`.
    public let aliases: [String]
    /// One line that says what the stream carries.
    public let summary: String
    public let partitionCount: Int
    /// How long the hub keeps events, in milliseconds.
    public let retentionMillis: Int64
    /// The consumer groups besides `$default`, named after the team or job that reads.
    public let consumerGroups: [String]
    /// The body member whose value is each event's partition key, such as `orderId`.
    public let keyField: String
    /// Every `eventType` the stream carries.
    public let eventTypes: [String]
    /// The `source` property of every event: the service that publishes the stream.
    public let source: String
    /// The `schemaVersion` property of every event.
    public let schemaVersion: Int
    /// The average rate at peak, which sets how far apart the events' times are.
    public let eventsPerSecond: Double
    /// Makes the next event; called only by the `SampleGenerator` that owns the context.
    let makeEvent: @Sendable (inout SampleContext) -> SampleEvent

    init<Events: StreamEvents>(
        hub: String, aliases: [String] = [], summary: String, partitionCount: Int,
        retentionDays: Int, consumerGroups: [String], keyField: String, source: String,
        schemaVersion: Int = 1, eventsPerSecond: Double, events: Events.Type
    ) {
        self.hub = hub
        self.aliases = aliases
        self.summary = summary
        self.partitionCount = partitionCount
        self.retentionMillis = Int64(retentionDays) * SampleContext.millisPerDay
        self.consumerGroups = consumerGroups
        self.keyField = keyField
        self.eventTypes = Events.eventTypes
        self.source = source
        self.schemaVersion = schemaVersion
        self.eventsPerSecond = eventsPerSecond
        self.makeEvent = { Events.next(&$0) }
    }

    /// The content type of every event.
    public var contentType: String { "application/json" }

    /// The retention as `hub create --retention` takes it: `1d`, `7d`.
    public var retention: String { Retention.format(retentionMillis) }

    /// What `hub create` needs to make this stream's hub.
    public var spec: HubSpec {
        HubSpec(name: hub, partitionCount: partitionCount, retentionMillis: retentionMillis)
    }

    /// `count` events, the first at `start` (milliseconds since the epoch) and the rest at the
    /// stream's pace after it.
    ///
    /// Takes one number from `random` as the seed of a `SampleGenerator`, so the same generator
    /// state gives the same events. The default start is `SampleCatalog.referenceTime`; pass
    /// `Timestamp.now()` for events that look live.
    public func makeEvents(
        count: Int, startingAt start: Int64 = SampleCatalog.referenceTime,
        using random: inout some RandomNumberGenerator
    ) -> [EventData] {
        var generator = SampleGenerator(stream: self, seed: random.next(), startingAt: start)
        return generator.next(count)
    }
}
