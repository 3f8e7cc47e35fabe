/// How an entity such as an order moves through its events: which events start it, which may
/// follow each one, and how often the next event continues an open entity.
///
/// A stream with a lifecycle interleaves entities the way real traffic does: an order is placed,
/// other orders are placed, then the first one is confirmed. Its events share the entity's key,
/// so they land in one partition in order.
struct Lifecycle: Sendable {
    /// The events that start an entity, weighted.
    let start: [(String, Double)]
    /// The events that may follow each event, weighted. A nil event ends the entity without an
    /// event of its own; an event with no entry here is final.
    let next: [String: [(String?, Double)]]
    /// The chance that an event continues an open entity rather than starting a new one, once
    /// a few entities are open; with fewer open, new ones are likelier.
    let continuation: Double
    /// How many open entities are kept; beyond it the oldest is forgotten.
    let capacity: Int

    /// Every event type the lifecycle can make, in the order an entity first reaches them.
    var eventTypes: [String] {
        var types = start.map(\.0)
        var index = 0
        while index < types.count {
            for case let (type?, _) in next[types[index]] ?? [] where !types.contains(type) {
                types.append(type)
            }
            index += 1
        }
        return types
    }
}

/// An entity part way through its lifecycle: its last event and the body members it carries.
struct OpenEntity: Sendable {
    var state: String
    var fields: EventFields
}

extension SampleContext {
    /// The next event of `lifecycle`: either the next step of an open entity or the first event
    /// of a new one whose members `start` makes.
    ///
    /// `step` sees every event before it is returned and may change its members or its type;
    /// what it leaves in the members is what the entity carries into its next event.
    mutating func advance(
        _ lifecycle: Lifecycle,
        start: (inout SampleContext) -> EventFields,
        step: (inout SampleContext, inout SampleEvent) -> Void = { _, _ in }
    ) -> SampleEvent {
        let warmUp = min(1, Double(openEntities.count) / 8)
        if !openEntities.isEmpty, random.chance(lifecycle.continuation * warmUp) {
            let index = random.below(openEntities.count)
            let entity = openEntities[index]
            let choices = lifecycle.next[entity.state] ?? []
            if !choices.isEmpty, let type = random.weighted(choices) {
                var event = SampleEvent(type: type, fields: entity.fields)
                step(&self, &event)
                keep(event, at: index, lifecycle)
                return event
            }
            openEntities.remove(at: index)
        }

        var event = SampleEvent(type: random.weighted(lifecycle.start), fields: start(&self))
        step(&self, &event)
        keep(event, at: nil, lifecycle)
        return event
    }

    /// Keeps the entity of `event` open while its lifecycle has more to say, else lets it go.
    private mutating func keep(_ event: SampleEvent, at index: Int?, _ lifecycle: Lifecycle) {
        let isFinal = (lifecycle.next[event.type] ?? []).isEmpty
        let entity = OpenEntity(state: event.type, fields: event.fields)
        switch (index, isFinal) {
        case (let index?, false): openEntities[index] = entity
        case (let index?, true): openEntities.remove(at: index)
        case (nil, false):
            openEntities.append(entity)
            if openEntities.count > lifecycle.capacity { openEntities.removeFirst() }
        case (nil, true): break
        }
    }
}
