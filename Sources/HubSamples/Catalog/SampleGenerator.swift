import HubCore

/// Makes the events of one value stream, one after another, from a seed.
///
/// A generator remembers what it made: an order it placed may be cancelled a few events later,
/// a sensor's reading drifts from its last one, and time only moves forward. Two generators with
/// the same stream, seed and start make the same events, byte for byte.
///
///     let payments = try SampleCatalog.lookup("payments")
///     var generator = SampleGenerator(stream: payments, seed: 7)
///     let first = generator.next()
///     let more = generator.next(99)
///
/// A generator is a value: copying one forks it, and each copy goes on by itself.
public struct SampleGenerator: Sendable {
    public let stream: ValueStream
    private var context: SampleContext

    /// The seed is mixed with the hub name, so streams given the same seed still make
    /// different identifiers.
    ///
    /// - Parameter start: the time of the first event, in milliseconds since the epoch.
    public init(
        stream: ValueStream, seed: UInt64, startingAt start: Int64 = SampleCatalog.referenceTime
    ) {
        self.stream = stream
        let streamSeed = seed ^ stableHash(stream.hub)
        self.context = SampleContext(seed: streamSeed, now: start)
    }

    /// A generator whose first `count` events end at `end`: the last of them occurs at `end`
    /// and the others before it, at the stream's pace. For events that look live yet never
    /// occur after the moment they are published (`publish --sample` without `--seed`).
    ///
    /// A probe makes the events once to learn their span: an event's gap to the next comes
    /// from the random numbers, never from the clock, so the span is the same from any start.
    public init(stream: ValueStream, seed: UInt64, count: Int, endingAt end: Int64) {
        var probe = SampleGenerator(stream: stream, seed: seed, startingAt: end)
        for _ in 0..<max(0, count - 1) { _ = probe.next() }
        self.init(stream: stream, seed: seed, startingAt: end - (probe.time - end))
    }

    /// The time the next event will carry, in milliseconds since the epoch.
    public var time: Int64 { context.now }

    /// The next event.
    public mutating func next() -> EventData {
        let eventId = context.uuid()
        let event = stream.makeEvent(&context)
        var body: [(String, JSONValue)] = [
            ("eventId", .string(eventId)),
            ("eventType", .string(event.type)),
            ("occurredAt", context.timestamp),
        ]
        body += event.fields.members
        let properties: [(String, PropertyValue)] = [
            ("eventType", .string(event.type)),
            ("schemaVersion", .int(Int64(stream.schemaVersion))),
            ("source", .string(stream.source)),
        ]

        let gap = context.random.exponential(mean: 1000 / stream.eventsPerSecond)
        context.now += max(1, Int64(gap.rounded()))
        return EventData(
            body: Array(JSONValue.object(body).text.utf8),
            partitionKey: event.fields.string(stream.keyField),
            properties: properties + event.properties,
            contentType: stream.contentType)
    }

    /// The next `count` events; none when `count` is not positive.
    public mutating func next(_ count: Int) -> [EventData] {
        var events: [EventData] = []
        events.reserveCapacity(max(0, count))
        for _ in 0..<max(0, count) { events.append(next()) }
        return events
    }
}
