import HubCore

/// What a `publish` sends, handed out a chunk at a time.
///
/// `publish --count 10000000 BODY` makes its copies chunk by chunk, so it never holds ten
/// million events; events read from files, made by generators or passed through hooks are all
/// in memory anyway (every one is checked before anything is published) and come as one chunk.
struct PublishInput {
    /// How many events there are in all.
    let total: Int
    /// The line of the input file each event came from, for `publish --file`: empty lines are
    /// skipped, so the n-th event need not be on line n.
    let lines: [Int]?
    /// The next events, at most the limit it is given (a listed input hands out everything at
    /// once), with the partition each one names when the input says so.
    private let produce: (Int) -> ([EventData], [Int?]?)
    /// The one event a repeated input copies; nil for a listed input.
    private let repeatedEvent: EventData?
    /// How many events the chunks so far held: the position in the input of the next chunk's
    /// first event.
    private(set) var handedOut = 0

    /// Events from files, samples or generators, with the partitions envelopes named and the
    /// lines of a file they came from.
    static func listed(_ events: [EventData], partitions: [Int?]?, lines: [Int]? = nil)
        -> PublishInput
    {
        PublishInput(total: events.count, lines: lines, repeatedEvent: nil) { _ in
            (events, partitions)
        }
    }

    /// One event, `count` times.
    static func repeated(_ event: EventData, count: Int) -> PublishInput {
        PublishInput(total: count, lines: nil, repeatedEvent: event) { limit in
            (Array(repeating: event, count: limit), nil)
        }
    }

    private init(
        total: Int, lines: [Int]?, repeatedEvent: EventData?,
        produce: @escaping (Int) -> ([EventData], [Int?]?)
    ) {
        self.total = total
        self.lines = lines
        self.repeatedEvent = repeatedEvent
        self.produce = produce
    }

    /// The same input as one chunk, for hooks, which see every event before any is published.
    func listedWhole() -> PublishInput {
        guard let repeatedEvent else { return self }
        return .listed(Array(repeating: repeatedEvent, count: total), partitions: nil)
    }

    /// The next chunk of at most `limit` events; empty once every event was handed out.
    mutating func next(_ limit: Int) -> ([EventData], [Int?]?) {
        let wanted = min(limit, total - handedOut)
        guard wanted > 0 else { return ([], nil) }
        let (events, partitions) = produce(wanted)
        handedOut += events.count
        return (events, partitions)
    }
}

/// What a publish reports once done: how many events, in how many batches, and where they
/// landed, kept small however many events there were.
struct PublishSummary {
    /// Events listed one by one in the report; more are summed up per partition.
    static let listedLimit = 20

    private(set) var count = 0
    private(set) var batches = 0
    /// The first `listedLimit` events, for the table of a small publish.
    private(set) var first: [EventMetadata] = []
    /// Per partition: the events, and the first and last sequence numbers.
    private(set) var byPartition: [Int: (count: Int, first: Int64, last: Int64)] = [:]

    var isEmpty: Bool { count == 0 }

    mutating func add(batch landed: [EventMetadata]) {
        batches += 1
        count += landed.count
        for event in landed {
            if first.count < PublishSummary.listedLimit { first.append(event) }
            let entry = byPartition[event.partition]
            byPartition[event.partition] = (
                (entry?.count ?? 0) + 1, entry?.first ?? event.sequenceNumber,
                event.sequenceNumber
            )
        }
    }
}
