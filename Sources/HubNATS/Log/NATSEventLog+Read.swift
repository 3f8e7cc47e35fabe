import Foundation
import HubCore

extension NATSEventLog {
    /// Reads this many events or fewer one `js_GetMsg` at a time; more go through a consumer.
    static let singleGetLimit = 3
    /// At most this many bytes per fetch, so the subscription's pending limit is never hit.
    static let fetchMaxBytes = 16 * 1_048_576

    /// Up to `maxCount` events of one partition from `position` on.
    ///
    /// Positions before the first retained event start at it; `latest` and positions after
    /// the last event return nothing; a sequence number past the next one throws
    /// `HubError.sequenceNumberAhead`. A read that starts where the previous read of this
    /// process ended reuses its consumer, so a tail costs one fetch per call.
    public func read(hub: String, partition: Int, from position: EventPosition, maxCount: Int)
        throws -> [ReceivedEvent]
    {
        try performRetrying("read partition \(partition) of hub '\(hub)'") {
            let record = try cachedHub(hub)
            try record.properties.check(partition: partition)
            let state = try partitionState(record, partition).state
            let resolver = NATSPositionResolver(log: self, record: record, state: state)
            let start = try resolver.start(of: position)
            guard maxCount > 0, start < state.nextSequenceNumber else { return [] }
            let count = Int(min(Int64(maxCount), state.nextSequenceNumber - start))
            return try readRange(record, partition, from: start, count: count)
        }
    }

    /// The state of every partition of the hub, one stream at a time (not one snapshot: a
    /// partition read later may include events appended after an earlier one was read).
    public func partitionStates(hub: String) throws -> [PartitionState] {
        try performRetrying("read the partitions of hub '\(hub)'") {
            let record = try cachedHub(hub)
            let count = record.properties.partitionCount
            // One request or two per partition, all out at once: a tail's poll then waits
            // about one round trip, not one per partition.
            let results = ConcurrentResults<PartitionState>(count: count)
            DispatchQueue.concurrentPerform(iterations: count) { partition in
                results.set(partition, Result { try partitionState(record, partition).state })
            }
            return try results.values()
        }
    }

    /// The enqueued time of the message at stream `sequence`, or nil when it is gone.
    func enqueuedTime(_ stream: String, sequence: UInt64) throws -> Int64? {
        guard let message = try jetStream.message(stream, sequence: sequence) else { return nil }
        let fallback = (message.streamPosition()?.nanos ?? 0) / 1_000_000
        return message.header(EventHeaders.time).flatMap { Int64($0) } ?? fallback
    }

    /// `count` events from sequence number `start`, all of which were stored when asked.
    private func readRange(_ record: HubRecord, _ partition: Int, from start: Int64, count: Int)
        throws -> [ReceivedEvent]
    {
        let stream = self.stream(record, partition)
        let first = UInt64(start + 1)
        let reader = readers.take(stream, at: first)
        if reader == nil && count <= NATSEventLog.singleGetLimit {
            return try (0..<UInt64(count)).compactMap { offset in
                try storedMessage(stream, sequence: first + offset)
                    .map { try event(from: $0, partition: partition) }
            }
        }
        let subject = self.subject(record, partition)
        var current = try reader ?? PullReader(
            jetStream, stream: stream, subject: subject, from: first)
        var events: [ReceivedEvent] = []
        events.reserveCapacity(count)
        let maxBytes = max(NATSEventLog.fetchMaxBytes, 2 * maxPayload)
        var restarts = 0
        do {
            fetching: while events.count < count {
                var messages = try current.fetch(count: count - events.count, maxBytes: maxBytes)
                if messages.isEmpty {
                    // The stream holds them, but a consumer learns of a message a moment after
                    // it is acknowledged: wait that moment rather than come back empty.
                    messages = try current.fetch(
                        count: count - events.count, maxBytes: maxBytes,
                        waitMillis: NATSEventLog.catchUpWaitMillis)
                }
                if messages.isEmpty { break }
                for message in messages {
                    let expected = first + UInt64(events.count)
                    // A consumer moved to a new stream leader may start over from where it was
                    // created: what it sends again is dropped, and a fresh consumer picks up
                    // where this read is.
                    if let sequence = message.streamPosition()?.sequence, sequence < expected {
                        current.close()
                        restarts += 1
                        guard restarts <= NATSEventLog.maxReaderRestarts else { break fetching }
                        current = try PullReader(
                            jetStream, stream: stream, subject: subject, from: expected)
                        continue fetching
                    }
                    events.append(try event(from: message, partition: partition))
                }
            }
        } catch {
            current.close()
            throw error
        }
        if events.isEmpty || restarts > NATSEventLog.maxReaderRestarts {
            // A consumer that yields none of what the stream holds may be one a failover left
            // behind, whose fetches go unanswered: kept, it would answer every later read of a
            // tail with nothing. The next read starts a fresh one where this read is.
            current.close()
        } else {
            readers.put(current)
        }
        return events
    }

    /// The message at `sequence`, which the stream's state said it holds: nil only when a
    /// purge removed it since. A stream that answers "not found" for a message it still
    /// counts (a new leader catching up) is asked again for up to a second.
    private func storedMessage(_ stream: String, sequence: UInt64) throws -> IncomingMessage? {
        for attempt in 0..<10 {
            if let message = try jetStream.message(stream, sequence: sequence) { return message }
            guard let state = try jetStream.streamState(stream),
                  sequence >= state.firstSequence, sequence <= state.lastSequence
            else { return nil }
            usleep(UInt32(20_000 * (attempt + 1)))
        }
        throw NATSError.timeout(
            "message \(sequence) of stream \(stream) is counted but cannot be read")
    }

    /// How long a read waits for messages the stream holds but its consumer has not seen.
    static let catchUpWaitMillis: Int64 = 200

    /// How often one read replaces a consumer that went back in the stream.
    static let maxReaderRestarts = 3

    /// A stored message as an event of `partition`.
    func event(from message: IncomingMessage, partition: Int) throws -> ReceivedEvent {
        let position = message.streamPosition() ?? (0, 0)
        let (data, time) = try EventHeaders.decode(
            message, fallbackTime: position.nanos / 1_000_000)
        let number = Int64(position.sequence) - 1
        return ReceivedEvent(
            metadata: EventMetadata(
                partition: partition, sequenceNumber: number, offset: number,
                enqueuedTime: time),
            data: data)
    }
}

/// Results filled in by concurrent workers, one slot each. Thread-safe.
final class ConcurrentResults<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<Value, Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<Value, Error>) {
        lock.withLock { slots[index] = result }
    }

    /// Every value in slot order; throws the first slot's error, if any.
    func values() throws -> [Value] {
        try lock.withLock { slots }.map { try $0!.get() }
    }
}
