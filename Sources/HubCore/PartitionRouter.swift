import Foundation

/// Chooses the partition of each event of a publish: the explicit partition, else the
/// partition key's hash, else round-robin.
///
/// Round-robin starts at a random partition and continues from where the previous publish of
/// this process left off, per hub.
/// Thread-safe: a router may be shared by publishers on several threads.
public final class PartitionRouter: @unchecked Sendable {
    private var nextRoundRobin: [String: Int] = [:]
    private let lock = NSLock()

    public init() {}

    /// Routes `events` for `hub`. `partition` applies to every event that names none itself.
    public func route(
        _ events: [EventData], hub: HubProperties, partition: Int? = nil,
        partitions perEvent: [Int?]? = nil
    ) throws -> [RoutedEvent] {
        var routed: [RoutedEvent] = []
        routed.reserveCapacity(events.count)
        for (index, event) in events.enumerated() {
            let explicit = perEvent?[index] ?? partition
            if let explicit {
                if event.partitionKey != nil { throw HubError.keyAndPartition }
                try hub.check(partition: explicit)
                routed.append(RoutedEvent(partition: explicit, data: event))
            } else if let key = event.partitionKey {
                let target = PartitionKey.partition(for: key, partitionCount: hub.partitionCount)
                routed.append(RoutedEvent(partition: target, data: event))
            } else {
                routed.append(RoutedEvent(partition: takeRoundRobin(hub), data: event))
            }
        }
        return routed
    }

    private func takeRoundRobin(_ hub: HubProperties) -> Int {
        lock.lock()
        defer { lock.unlock() }
        // Each process starts at a random partition so that one-shot publishes spread out.
        let start = nextRoundRobin[hub.name] ?? Int.random(in: 0..<hub.partitionCount)
        let next = start % hub.partitionCount
        nextRoundRobin[hub.name] = next + 1
        return next
    }
}
