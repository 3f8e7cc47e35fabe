import HubCore

/// Writes validated batches of events inside one write transaction: a lone append's batch, or
/// every batch of a group commit.
///
/// What it learns it keeps for the rest of the transaction: each hub record is read once, each
/// partition's state is read once and stored once when the writer finishes, and one cursor
/// writes every event. So the batches of a group cost little more than one batch of the same
/// events.
///
/// Numbers are given in batch order: each partition's events get its next sequence numbers
/// and offsets in the order they come in the batch. The events are then written partition by
/// partition: consecutive keys of one partition usually land on the page the cursor is
/// already on, which LMDB finds without searching the tree from its root again.
struct BatchWriter {
    private let tables: Tables
    private var appender: EventAppender
    private var hubs: [String: HubRecord] = [:]
    /// Partition states as the batches so far left them, by hub id and partition.
    private var states: [StateKey: PartitionState] = [:]
    /// The partitions whose states changed, with their hubs, in the order they first did.
    private var touched: [(StateKey, HubRecord)] = []

    private struct StateKey: Hashable {
        let hubId: UInt32
        let partition: Int
    }

    /// Runs `body` with a writer over `tables`, then stores the partition states it changed.
    static func writing<T>(in tables: Tables, _ body: (inout BatchWriter) throws -> T) throws
        -> T
    {
        try tables.events.withAppender { appender in
            var writer = BatchWriter(tables: tables, appender: appender)
            let value = try body(&writer)
            try writer.storeStates()
            appender = writer.appender
            return value
        }
    }

    private init(tables: Tables, appender: EventAppender) {
        self.tables = tables
        self.appender = appender
    }

    /// The hub called `name`; throws `HubError.hubNotFound` when there is none.
    mutating func hub(named name: String) throws -> HubRecord {
        if let record = hubs[name] { return record }
        let record = try tables.hubs.require(name)
        hubs[name] = record
        return record
    }

    /// Writes a validated batch to `record`'s partitions and returns where each event landed,
    /// in batch order.
    mutating func write(_ batch: [RoutedEvent], to record: HubRecord, now: Int64) throws
        -> [EventMetadata]
    {
        var plan = Plan(count: batch.count)
        // The batch's partitions, each in a slot of its own while the batch is planned.
        var slotOfPartition = [Int](repeating: -1, count: record.properties.partitionCount)
        var planned: [PartitionState] = []
        try batch.withUnsafeBufferPointer { events in
            for index in events.indices {
                let partition = events[index].partition
                var slot = slotOfPartition[partition]
                if slot < 0 {
                    var state = try state(StateKey(hubId: record.id, partition: partition), record)
                    state.lastEnqueuedTime = max(now, state.lastEnqueuedTime ?? now)
                    slot = planned.count
                    slotOfPartition[partition] = slot
                    planned.append(state)
                }
                let size = EventCodec.storedSize(of: events[index].data)
                plan.add(
                    EventMetadata(
                        partition: partition, sequenceNumber: planned[slot].nextSequenceNumber,
                        offset: planned[slot].nextOffset,
                        enqueuedTime: planned[slot].lastEnqueuedTime ?? now),
                    size: size)
                planned[slot].nextSequenceNumber += 1
                planned[slot].nextOffset += Int64(size)
                planned[slot].bytes += Int64(size)
            }
            for state in planned {
                states[StateKey(hubId: record.id, partition: state.partition)] = state
            }

            // One key per partition run, its sequence number updated for each event.
            var previous: EventKey?
            for index in plan.writingOrder() {
                let event = plan.landed[index]
                var key = previous.flatMap { $0.partition == UInt16(event.partition) ? $0 : nil }
                    ?? EventKey(
                        hubId: record.id, partition: event.partition,
                        sequenceNumber: event.sequenceNumber)
                key.set(sequenceNumber: event.sequenceNumber)
                try appender.append(
                    events[index].data, key: key, size: plan.sizes[index],
                    offset: event.offset, enqueuedTime: event.enqueuedTime)
                previous = key
            }
        }
        return plan.landed
    }

    /// The state of a partition as the transaction has it so far.
    private mutating func state(_ key: StateKey, _ record: HubRecord) throws -> PartitionState {
        if let state = states[key] { return state }
        let state = try tables.partitions.state(record, key.partition)
        touched.append((key, record))
        return state
    }

    private func storeStates() throws {
        for (key, record) in touched {
            if let state = states[key] { try tables.partitions.store(record, state) }
        }
    }

    /// Where each event of one batch lands, worked out before anything is written.
    private struct Plan {
        /// Per event, in batch order.
        var landed: [EventMetadata] = []
        var sizes: [Int] = []

        init(count: Int) {
            landed.reserveCapacity(count)
            sizes.reserveCapacity(count)
        }

        mutating func add(_ event: EventMetadata, size: Int) {
            landed.append(event)
            sizes.append(size)
        }

        /// The events' indices grouped by partition (a counting sort), in batch order within
        /// each partition.
        func writingOrder() -> [Int] {
            guard let first = landed.first,
                  landed.contains(where: { $0.partition != first.partition })
            else { return Array(landed.indices) }
            let highest = landed.reduce(0) { max($0, $1.partition) }
            var starts = [Int](repeating: 0, count: highest + 2)
            for event in landed { starts[event.partition + 1] += 1 }
            for partition in 0...highest { starts[partition + 1] += starts[partition] }
            var order = [Int](repeating: 0, count: landed.count)
            for (index, event) in landed.enumerated() {
                order[starts[event.partition]] = index
                starts[event.partition] += 1
            }
            return order
        }
    }
}
