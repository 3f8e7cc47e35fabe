import HubCore

/// What `bench publish` does: how many events, how big, in which batches, by how many
/// producers, to which partitions, and how durably.
public struct PublishWorkload: Sendable, Equatable {
    public var events: Int
    /// Bytes of each event's body.
    public var bodySize: Int
    /// Events per append call.
    public var batchSize: Int
    /// Threads appending at the same time; the events are shared out evenly.
    public var producers: Int
    /// Distinct partition keys, hashed to partitions as Event Hubs does; 0 routes round-robin.
    public var keys: Int
    /// What round-robin moves on by, without keys.
    public var roundRobin: RoundRobin
    public var durability: Durability

    /// What round-robin routing sends to the next partition.
    public enum RoundRobin: String, Sendable, Equatable, CaseIterable {
        /// Each batch goes whole to one partition, and the next batch to the next partition:
        /// what an Event Hubs producer's batch does, and Kafka's sticky partitioner.
        case batch
        /// Each event goes to the next partition, as hubsh's `publish` spreads a batch.
        case event
    }

    public init(
        events: Int, bodySize: Int = 100, batchSize: Int = 100, producers: Int = 1,
        keys: Int = 0, roundRobin: RoundRobin = .batch, durability: Durability = .durable
    ) {
        self.events = events
        self.bodySize = bodySize
        self.batchSize = batchSize
        self.producers = producers
        self.keys = keys
        self.roundRobin = roundRobin
        self.durability = durability
    }

    /// The events producer `index` publishes: an even share, the first ones taking one more
    /// when the events do not divide evenly.
    public func share(of index: Int) -> Int {
        events / producers + (index < events % producers ? 1 : 0)
    }

    /// The bytes of one event (body and key), which no smaller batch makes smaller.
    public var largestEventBytes: Int {
        bodySize + EventFactory.keyBytes(keys)
    }

    /// The largest batch in bytes, for sizing a throwaway hub's maximum event size.
    public var largestBatchBytes: Int {
        min(batchSize, events) * (bodySize + EventFactory.keyBytes(keys))
    }
}

/// Builds the events a producer publishes, allocating nothing per event: every body shares
/// one buffer, and keys come from a list made once. A batch that would come out the same as
/// the one before (same size, same routing) is kept as it is, so that a producer's own
/// bookkeeping weighs as little as the raw baseline's reused record.
struct EventFactory {
    let body: [UInt8]
    let keys: PartitionKeyTable
    let partitionCount: Int
    let roundRobin: PublishWorkload.RoundRobin
    /// Where this producer's round-robin goes next.
    private var nextPartition: Int
    private var nextKey: Int
    /// Where the batch now in the caller's buffer started, and how long it is; nil after a
    /// batch with its own body.
    private var lastBatch: (partition: Int, key: Int, count: Int)?

    /// A factory whose keys come from `keys`, a table every producer of a run shares.
    init(
        bodySize: Int, keys: PartitionKeyTable, roundRobin: PublishWorkload.RoundRobin = .batch,
        partitionCount: Int, producer: Int
    ) {
        body = (0..<bodySize).map { UInt8(truncatingIfNeeded: 97 + $0 % 26) }
        self.keys = keys
        self.partitionCount = partitionCount
        self.roundRobin = roundRobin
        nextPartition = producer % partitionCount
        nextKey = producer % max(1, keys.count)
    }

    init(
        bodySize: Int, keys: Int, roundRobin: PublishWorkload.RoundRobin = .batch,
        partitionCount: Int, producer: Int
    ) {
        let table = PartitionKeyTable(count: keys, partitionCount: partitionCount)
        self.init(
            bodySize: bodySize, keys: table, roundRobin: roundRobin,
            partitionCount: partitionCount, producer: producer)
    }

    /// The longest key's bytes, for sizing; 0 without keys.
    static func keyBytes(_ keys: Int) -> Int {
        keys == 0 ? 0 : PartitionKeyTable.name(keys - 1).utf8.count
    }

    /// Refills `batch` with `count` events routed the way `publish` routes them: by the key's
    /// hash when there are keys, else round-robin, by batch or by event.
    mutating func fill(_ batch: inout [RoutedEvent], count: Int, body: [UInt8]? = nil) {
        let start = (nextPartition, nextKey, count)
        if body == nil, let last = lastBatch, last.count == count, batch.count == count {
            if last == start {
                advance(by: count)
                return
            }
            if keys.isEmpty && roundRobin == .batch {
                // The same events for another partition: only their routing changes.
                for index in batch.indices { batch[index].partition = nextPartition }
                lastBatch = start
                advance(by: count)
                return
            }
        }
        lastBatch = body == nil ? start : nil
        batch.removeAll(keepingCapacity: true)
        let bytes = body ?? self.body
        for _ in 0..<count {
            if keys.isEmpty {
                batch.append(RoutedEvent(partition: nextPartition, data: EventData(body: bytes)))
                if roundRobin == .event { nextPartition = (nextPartition + 1) % partitionCount }
            } else {
                let event = EventData(body: bytes, partitionKey: keys.names[nextKey])
                batch.append(RoutedEvent(partition: keys.partitions[nextKey], data: event))
                nextKey = (nextKey + 1) % keys.count
            }
        }
        if keys.isEmpty && roundRobin == .batch {
            nextPartition = (nextPartition + 1) % partitionCount
        }
    }

    /// Moves the routing on as if `count` events had been built.
    private mutating func advance(by count: Int) {
        if keys.isEmpty {
            let moved = roundRobin == .event ? count : 1
            nextPartition = (nextPartition + moved) % partitionCount
        } else {
            nextKey = (nextKey + count) % keys.count
        }
    }
}

/// The partition keys of a run, `key-0` to `key-N`, each with the partition its hash routes it
/// to as `publish` routes it. Made once, before the clock starts, and shared by every producer.
final class PartitionKeyTable: Sendable {
    let names: [String]
    let partitions: [Int]

    init(count: Int, partitionCount: Int) {
        names = (0..<count).map(PartitionKeyTable.name)
        partitions = names.map { PartitionKey.partition(for: $0, partitionCount: partitionCount) }
    }

    var count: Int { names.count }
    var isEmpty: Bool { names.isEmpty }

    static func name(_ index: Int) -> String { "key-\(index)" }
}
