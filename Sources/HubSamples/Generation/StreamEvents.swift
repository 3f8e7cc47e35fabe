/// What makes one stream's events: each stream has one type that conforms, holding its
/// reference lists and its rules.
protocol StreamEvents: Sendable {
    /// Every event type the stream makes.
    static var eventTypes: [String] { get }
    /// The next event of the stream.
    static func next(_ context: inout SampleContext) -> SampleEvent
}

/// A stream whose events move entities, such as orders or tickets, through a lifecycle.
protocol LifecycleEvents: StreamEvents {
    static var lifecycle: Lifecycle { get }
    /// The members of a new entity's first event.
    static func start(_ context: inout SampleContext) -> EventFields
    /// Adjusts each event: adds the members its type carries, drops the ones it does not.
    static func step(_ context: inout SampleContext, _ event: inout SampleEvent)
}

extension LifecycleEvents {
    static var eventTypes: [String] { lifecycle.eventTypes }

    static func next(_ context: inout SampleContext) -> SampleEvent {
        context.advance(lifecycle, start: start, step: step)
    }

    static func step(_ context: inout SampleContext, _ event: inout SampleEvent) {}
}
