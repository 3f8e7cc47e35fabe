import HubCore

extension LMDBEventLog {
    /// Up to `maxCount` events of one partition from `position` on, read in one short
    /// transaction.
    ///
    /// Positions before the first retained event start at it; `latest` and positions after the
    /// last event return nothing; a sequence number past the next one throws
    /// `HubError.sequenceNumberAhead`. Offsets and times are found by binary search.
    public func read(hub: String, partition: Int, from position: EventPosition, maxCount: Int)
        throws -> [ReceivedEvent]
    {
        let events: [ReceivedEvent] = try perform("read partition \(partition) of hub '\(hub)'") {
            try reading { tables in
                let record = try tables.hubs.require(hub)
                try record.properties.check(partition: partition)
                let state = try tables.partitions.state(record, partition)
                let resolver = PositionResolver(events: tables.events, hub: record, state: state)
                let start = try resolver.start(of: position)
                guard maxCount > 0, start < state.nextSequenceNumber else { return [] }
                let count = Int(min(Int64(maxCount), state.nextSequenceNumber - start))
                return try tables.events.read(record, partition, from: start, maxCount: count)
            }
        }
        environment.noteMapped(bytes: events.reduce(0) { $0 + $1.data.body.count })
        return events
    }

    /// Lends up to `maxCount` events of one partition from `position` on to `visit`, straight
    /// from the memory map, in one short read transaction.
    ///
    /// Positions work as in `read`. An error `visit` throws reaches the caller unchanged.
    public func scan(
        hub: String, partition: Int, from position: EventPosition, maxCount: Int,
        _ visit: (BorrowedEvent) throws -> Bool
    ) throws -> Int {
        var visitorError: Error?
        var bytes = 0
        let visited = try perform("read partition \(partition) of hub '\(hub)'") {
            try reading { tables in
                let record = try tables.hubs.require(hub)
                try record.properties.check(partition: partition)
                let state = try tables.partitions.state(record, partition)
                let resolver = PositionResolver(events: tables.events, hub: record, state: state)
                let start = try resolver.start(of: position)
                guard maxCount > 0, start < state.nextSequenceNumber else { return 0 }
                let count = Int(min(Int64(maxCount), state.nextSequenceNumber - start))
                return try tables.events.scan(record, partition, from: start, maxCount: count) {
                    bytes += $0.body.count
                    do {
                        return try visit($0)
                    } catch {
                        visitorError = error
                        return false
                    }
                }
            }
        }
        environment.noteMapped(bytes: bytes)
        if let visitorError { throw visitorError }
        return visited
    }

    /// The state of every partition of the hub, from one snapshot.
    public func partitionStates(hub: String) throws -> [PartitionState] {
        try perform("read the partitions of hub '\(hub)'") {
            try reading { tables in try tables.partitions.states(try tables.hubs.require(hub)) }
        }
    }
}
