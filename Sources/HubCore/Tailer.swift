/// Follows partitions of a hub: each `poll` returns the events published since the last one.
///
/// It polls the log rather than holding anything open, so it works across processes and costs
/// the engine nothing between polls: one snapshot of partition states, then a read of only the
/// partitions that grew. Not thread-safe: one tailer belongs to one consumer thread.
public final class Tailer {
    public let log: EventLog
    public let hub: String
    /// The next sequence number to deliver, per partition, once known.
    public private(set) var cursors: [Int: Int64] = [:]
    /// Partitions still waiting for their start position to resolve to a sequence number.
    private var pending: [Int: EventPosition]
    /// The followed hub's creation time: a different one means it was deleted and created again.
    private let createdAt: Int64
    private var lastIdentityCheck: Int64
    /// How often, in milliseconds, to check that the hub is still the one being followed.
    static let identityCheckMillis: Int64 = 500

    /// Follows `starts.keys`, each from its own position.
    public init(log: EventLog, hub: String, starts: [Int: EventPosition]) throws {
        self.log = log
        self.hub = hub
        self.pending = starts
        self.createdAt = try log.hub(named: hub).createdAt
        self.lastIdentityCheck = Timestamp.now()

        // `latest` means after the events that exist now, so it is fixed at once.
        let states = try log.partitionStates(hub: hub)
        for state in states where starts[state.partition] == .latest {
            cursors[state.partition] = state.nextSequenceNumber
            pending[state.partition] = nil
        }
    }

    /// Events that arrived since the last poll, at most `maxPerPartition` from each partition,
    /// ordered by enqueued time across partitions.
    public func poll(maxPerPartition: Int = 1000) throws -> [ReceivedEvent] {
        try checkIdentity()
        let states: [PartitionState]
        do {
            states = try log.partitionStates(hub: hub)
        } catch HubError.hubNotFound {
            throw HubError.hubReplaced(hub)
        }
        var events: [ReceivedEvent] = []
        for state in states {
            let partition = state.partition
            if let position = pending[partition] {
                let found = try log.read(
                    hub: hub, partition: partition, from: position, maxCount: maxPerPartition)
                if let last = found.last {
                    cursors[partition] = last.sequenceNumber + 1
                    pending[partition] = nil
                } else if Tailer.resolvesWhenEmpty(position) {
                    cursors[partition] = state.nextSequenceNumber
                    pending[partition] = nil
                }
                events += found
            } else if let cursor = cursors[partition], state.nextSequenceNumber > cursor {
                let found = try log.read(
                    hub: hub, partition: partition,
                    from: .sequenceNumber(max(cursor, state.firstSequenceNumber), inclusive: true),
                    maxCount: maxPerPartition)
                if let last = found.last { cursors[partition] = last.sequenceNumber + 1 }
                events += found
            }
        }
        if events.count > 1 {
            events.sort {
                ($0.enqueuedTime, $0.partition, $0.sequenceNumber)
                    < ($1.enqueuedTime, $1.partition, $1.sequenceNumber)
            }
        }
        return events
    }

    /// Throws `hubReplaced` when the hub was deleted and created again since the tailer began;
    /// checked at most every `identityCheckMillis`.
    private func checkIdentity() throws {
        let now = Timestamp.now()
        guard now - lastIdentityCheck >= Tailer.identityCheckMillis else { return }
        lastIdentityCheck = now
        do {
            guard try log.hub(named: hub).createdAt == createdAt else {
                throw HubError.hubReplaced(hub)
            }
        } catch HubError.hubNotFound {
            throw HubError.hubReplaced(hub)
        }
    }

    /// A position that found nothing means "from the next event" once the partition state was
    /// read before the read: events appended later have sequence numbers at or after it. A time in
    /// the future stays pending so that only events at or after it are delivered.
    static func resolvesWhenEmpty(_ position: EventPosition) -> Bool {
        if case .enqueuedTime = position { return false }
        return true
    }
}
