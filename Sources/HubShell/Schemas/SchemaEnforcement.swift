import Foundation
import HubCore

/// Validates the events of one publish against the schema bound to the hub.
///
/// It runs right after the publish hooks and before routing, so it sees the events as the
/// hooks left them. Events are checked against the latest version of the bound schema,
/// compiled once per process. With `reject` one invalid event refuses the whole publish before
/// anything is appended; with `deadletter` invalid events are set aside for
/// `HUB.deadletter` and the valid ones go on. Events of an Avro schema are encoded to Avro
/// binary here and marked `avro/binary+<schema id>`.
struct SchemaEnforcement {
    /// The events to publish, with the partition each named (nil when none was named per event).
    var events: [EventData]
    var partitions: [Int?]?
    /// Where each of `events` was among the events checked; nil when all of them are kept.
    var positions: [Int]? = nil
    /// Dead-letter records, each with the partition its event named, if any, where its event
    /// was among the events checked, and why it failed.
    var deadLetters: [InvalidEvent] = []
    /// The hub the events were published to, when some of them go to its dead-letter hub.
    var origin: HubProperties?

    /// An invalid event on its way to the dead-letter hub.
    struct InvalidEvent {
        var event: EventData
        var partition: Int?
        var position: Int
        var problems: [SchemaProblem]
    }

    /// How many errors a refusal shows in its message.
    static let shownErrors = 3

    /// Checks `events` (and the per-event `partitions` of envelopes) for `hub`. `partition` is
    /// the partition given for all of them, if any.
    static func apply(
        _ events: [EventData], partitions: [Int?]?, partition: Int?, hub: HubProperties,
        context: ShellContext
    ) throws -> SchemaEnforcement {
        guard let binding = hub.schema else {
            return SchemaEnforcement(events: events, partitions: partitions)
        }
        let registry = try SchemaCatalog.registry(context)
        let version = try registry.schemaVersion(
            group: binding.group, name: binding.name, version: nil)
        let schema = try context.schemas.compiled(version, registry: registry)

        var result = SchemaEnforcement(events: [], partitions: partitions == nil ? nil : [])
        result.events.reserveCapacity(events.count)
        result.positions = []
        var invalid: [(index: Int, problems: [SchemaProblem])] = []
        let outcomes = check(events, with: schema)
        for (index, event) in events.enumerated() {
            let named = partitions?[index] ?? nil
            switch outcomes[index] {
            case .valid(let body, let contentType):
                var accepted = event
                if let body { accepted.body = body }
                if let contentType { accepted.contentType = contentType }
                result.events.append(accepted)
                result.partitions?.append(named)
                result.positions?.append(index)
            case .invalid(let problems):
                invalid.append((index, problems))
                guard binding.onInvalid == .deadletter else { continue }
                let letter = DeadLetter.event(
                    event, problems: problems, schema: version, hub: hub.name,
                    partition: named ?? partition)
                result.deadLetters.append(InvalidEvent(
                    event: letter, partition: named ?? partition, position: index,
                    problems: problems))
            }
        }
        if !invalid.isEmpty && binding.onInvalid == .reject {
            throw refusal(invalid, total: events.count, schema: version, hub: hub.name)
        }
        if !result.deadLetters.isEmpty { result.origin = hub }
        return result
    }

    /// Events in a publish from which the checks are spread over the processors.
    static let parallelThreshold = 1024

    /// The outcome of each event, in order. Large publishes are checked on every processor in
    /// contiguous slices (the compiled schema is immutable and shared); small ones on the
    /// calling thread.
    static func check(_ events: [EventData], with schema: CompiledEventSchema)
        -> [CompiledEventSchema.Outcome]
    {
        let slices = min(ProcessInfo.processInfo.activeProcessorCount, 16)
        guard events.count >= parallelThreshold, slices > 1 else {
            return events.map { schema.check($0.body) }
        }
        var outcomes = [CompiledEventSchema.Outcome](
            repeating: .valid(body: nil, contentType: nil), count: events.count)
        outcomes.withUnsafeMutableBufferPointer { buffer in
            // Each slice writes only its own indices of the buffer.
            nonisolated(unsafe) let shared = buffer
            DispatchQueue.concurrentPerform(iterations: slices) { slice in
                let lower = events.count * slice / slices
                let upper = events.count * (slice + 1) / slices
                for index in lower..<upper { shared[index] = schema.check(events[index].body) }
            }
        }
        return outcomes
    }

    /// One line: the first errors, how many more, and that nothing was published.
    static func refusal(
        _ invalid: [(index: Int, problems: [SchemaProblem])], total: Int,
        schema: SchemaVersion, hub: String
    ) -> CommandFailure {
        let errors = invalid.flatMap { entry in
            entry.problems.map { total == 1 ? $0.description : "event \(entry.index + 1): \($0)" }
        }
        let shown = errors.prefix(shownErrors).joined(separator: "; ")
        let more = errors.count > shownErrors ? " (and \(errors.count - shownErrors) more)" : ""
        let which = total == 1 ? "the event does" : "\(invalid.count) of \(total) events do"
        return CommandFailure(
            "\(which) not match schema '\(schema.qualifiedName)' version \(schema.version)"
                + " bound to hub '\(hub)': \(shown)\(more); nothing was published")
    }

    /// Where the dead-letter records of one publish landed: the dead-letter hub's name as it
    /// was created (`q.deadletter` for hub `Q`), and each record's place.
    struct DeadLettersLanded {
        var hub: String
        var landed: [EventMetadata]
    }

    /// Appends the dead-letter records to the dead-letter hub, in as few batches as fit its
    /// maximum size; returns where each landed, in the order of `deadLetters`.
    ///
    /// The dead-letter hub is checked first: it may have been deleted, or deleted and made
    /// again smaller, since `hub set` bound it. Either refuses the publish with one line about
    /// the dead-letter hub, never one about a partition the publisher did not name.
    func appendDeadLetters(durability: Durability, context: ShellContext) throws
        -> DeadLettersLanded?
    {
        guard let origin, !deadLetters.isEmpty else { return nil }
        let hub: HubProperties
        do {
            hub = try context.log.hub(named: SchemaBinding.deadLetterHub(of: origin.name))
        } catch HubError.hubNotFound {
            throw SchemaEnforcement.unusable(origin, "it no longer exists", existing: nil)
        }
        do {
            if let problem = DeadLetter.misfit(hub, for: origin) {
                throw SchemaEnforcement.unusable(origin, "it \(problem)", existing: hub.name)
            }
            let routed = try context.router.route(
                deadLetters.map(\.event), hub: hub, partitions: deadLetters.map(\.partition))
            var landed: [EventMetadata] = []
            for batch in try Publish.batches(routed, hub: hub, maxCount: nil) {
                landed += try context.log.append(
                    hub: hub.name, batch: batch, durability: durability)
            }
            return DeadLettersLanded(hub: hub.name, landed: landed)
        } catch HubError.hubNotFound(let missing) where Names.same(missing, hub.name) {
            throw SchemaEnforcement.unusable(origin, "it no longer exists", existing: nil)
        } catch HubError.partitionNotFound(let name, _, let count)
            where Names.same(name, hub.name)
        {
            throw SchemaEnforcement.unusable(
                origin, "it has \(count) partition\(count == 1 ? "" : "s") now, not"
                    + " \(origin.partitionCount)", existing: hub.name)
        }
    }

    /// The refusal of a publish whose invalid events cannot go to the dead-letter hub.
    /// `existing` is the dead-letter hub's name as created, nil when it no longer exists.
    static func unusable(_ origin: HubProperties, _ problem: String, existing: String?)
        -> CommandFailure
    {
        let name = existing ?? SchemaBinding.deadLetterHub(of: origin.name)
        let rebind = origin.schema.map {
            "hub set \(origin.name) --schema \($0.qualifiedName) --on-invalid deadletter"
        } ?? "hub set \(origin.name)"
        return CommandFailure(
            "invalid events of hub '\(origin.name)' cannot go to dead-letter hub '\(name)': "
                + "\(problem); the publish stopped before appending these events ("
                + (existing == nil ? "" : "delete '\(name)', then ") + "run '\(rebind)' to make"
                + " one that fits)")
    }

    /// Tells a person how many events of a publish to `hub` went to its dead-letter hub
    /// `deadLetterHub`, if any.
    static func noteDeadLetters(
        _ count: Int, hub: String, deadLetterHub: String?, context: ShellContext
    ) {
        guard count > 0, let deadLetterHub else { return }
        context.output.note(
            "\(count) invalid event\(count == 1 ? "" : "s") went to dead-letter hub"
                + " '\(deadLetterHub)' (see 'deadletter list \(hub)')")
    }
}
