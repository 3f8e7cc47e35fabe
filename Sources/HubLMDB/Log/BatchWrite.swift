import HubCore

/// Writes validated batches of events inside one write transaction: a lone append's batch, or
/// every batch of a group commit.
///
/// What it learns it keeps for the rest of the transaction: each hub record is read once, and
/// each partition gets one appender, whose cursor finds the partition's newest event once and
/// then appends every event of the transaction to the partition's database. No partition
/// state is stored: the events themselves tell it (see `Databases`). So the batches of a group
/// cost little more than one batch of the same events.
///
/// Numbers are given in batch order: each partition's events get its next sequence numbers
/// and offsets in the order they come in the batch. The events are then written partition by
/// partition, each run through its partition's appender.
struct BatchWriter {
    private let tables: Tables
    private var hubs: [String: HubRecord] = [:]
    /// Partition states as the batches so far left them.
    private var states: [PartitionId: PartitionState] = [:]
    /// Each touched partition's appender; their cursors end with the transaction.
    private var appenders: [PartitionId: EventAppender] = [:]

    /// Runs `body` with a writer over `tables`.
    static func writing<T>(in tables: Tables, _ body: (inout BatchWriter) throws -> T) throws
        -> T
    {
        var writer = BatchWriter(tables: tables)
        return try body(&writer)
    }

    private init(tables: Tables) {
        self.tables = tables
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
                    var state = try state(PartitionId(hubId: record.id, partition: partition), record)
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
                states[PartitionId(hubId: record.id, partition: state.partition)] = state
            }

            // One appender per partition run.
            var run = -1
            var appender: EventAppender?
            for index in plan.writingOrder() {
                let event = plan.landed[index]
                if event.partition != run {
                    if let appender {
                        appenders[PartitionId(hubId: record.id, partition: run)] = appender
                    }
                    run = event.partition
                    appender = appenders[PartitionId(hubId: record.id, partition: run)]
                }
                try appender!.append(
                    events[index].data, sequenceNumber: event.sequenceNumber,
                    size: plan.sizes[index], offset: event.offset,
                    enqueuedTime: event.enqueuedTime)
            }
            if let appender {
                appenders[PartitionId(hubId: record.id, partition: run)] = appender
            }
        }
        return plan.landed
    }

    /// The state of a partition as the transaction has it so far; the first time, from the
    /// newest event its new appender finds, or from its `partitions` record when it has none.
    /// Only the next sequence number, next offset and last enqueued time matter here.
    private mutating func state(_ id: PartitionId, _ record: HubRecord) throws
        -> PartitionState
    {
        if let state = states[id] { return state }
        let appender = try tables.events.appender(record, id.partition)
        appenders[id] = appender
        guard let newest = appender.newest else {
            return try tables.partitions.storedState(record, id.partition)
        }
        return PartitionState(
            partition: id.partition, firstSequenceNumber: newest.nextSequenceNumber,
            nextSequenceNumber: newest.nextSequenceNumber, nextOffset: newest.nextOffset,
            bytes: 0, lastEnqueuedTime: newest.lastEnqueuedTime)
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
