import HubCore

/// Writes one validated batch of events and the states of the partitions it touched, inside
/// a write transaction.
///
/// Numbers are given in batch order: each partition's events get its next sequence numbers
/// and offsets in the order they come in the batch. The events are then written partition by
/// partition: consecutive keys of one partition usually land on the page the cursor is
/// already on, which LMDB finds without searching the tree from its root again, whereas a
/// batch spread round-robin over partitions would send every put through a full search.
enum BatchWrite {
    static func write(
        _ batch: [RoutedEvent], to record: HubRecord, now: Int64, in tables: Tables
    ) throws -> [EventMetadata] {
        var plan = try Plan(batch, record: record, now: now, tables: tables)
        let order = plan.writingOrder()
        try tables.events.withAppender { appender in
            // Borrowing the events through the buffer spares a retain and release per event.
            try batch.withUnsafeBufferPointer { events in
                for index in order {
                    let event = plan.landed[index]
                    let slot = plan.slots[index]
                    plan.keys[slot].set(sequenceNumber: event.sequenceNumber)
                    try appender.append(
                        events[index].data, key: plan.keys[slot], size: plan.sizes[index],
                        offset: event.offset, enqueuedTime: event.enqueuedTime)
                }
            }
        }
        for state in plan.states { try tables.partitions.store(record, state) }
        return plan.landed
    }

    /// Where each event of a batch goes, worked out before anything is written.
    private struct Plan {
        /// Per event, in batch order.
        var landed: [EventMetadata] = []
        var sizes: [Int] = []
        var slots: [Int] = []
        /// Per touched partition (a slot), in order of first appearance: its state after the
        /// batch, and a key reused for each of its events.
        var states: [PartitionState] = []
        var keys: [EventKey] = []

        init(_ batch: [RoutedEvent], record: HubRecord, now: Int64, tables: Tables) throws {
            landed.reserveCapacity(batch.count)
            sizes.reserveCapacity(batch.count)
            slots.reserveCapacity(batch.count)
            try batch.withUnsafeBufferPointer { try plan($0, record, now, tables) }
        }

        private mutating func plan(
            _ batch: UnsafeBufferPointer<RoutedEvent>, _ record: HubRecord, _ now: Int64,
            _ tables: Tables
        ) throws {
            var slotOfPartition = [Int](repeating: -1, count: record.properties.partitionCount)
            for index in batch.indices {
                let partition = batch[index].partition
                var slot = slotOfPartition[partition]
                if slot < 0 {
                    var state = try tables.partitions.state(record, partition)
                    state.lastEnqueuedTime = max(now, state.lastEnqueuedTime ?? now)
                    slot = states.count
                    slotOfPartition[partition] = slot
                    states.append(state)
                    keys.append(
                        EventKey(
                            hubId: record.id, partition: partition,
                            sequenceNumber: state.nextSequenceNumber))
                }
                let size = EventCodec.storedSize(of: batch[index].data)
                landed.append(
                    EventMetadata(
                        partition: partition,
                        sequenceNumber: states[slot].nextSequenceNumber,
                        offset: states[slot].nextOffset,
                        enqueuedTime: states[slot].lastEnqueuedTime ?? now))
                sizes.append(size)
                slots.append(slot)
                states[slot].nextSequenceNumber += 1
                states[slot].nextOffset += Int64(size)
                states[slot].bytes += Int64(size)
            }
        }

        /// The events' indices grouped by partition, in batch order within each partition.
        func writingOrder() -> [Int] {
            guard states.count > 1 else { return Array(landed.indices) }
            var starts = [Int](repeating: 0, count: states.count + 1)
            for slot in slots { starts[slot + 1] += 1 }
            for slot in states.indices { starts[slot + 1] += starts[slot] }
            var order = [Int](repeating: 0, count: slots.count)
            for (index, slot) in slots.enumerated() {
                order[starts[slot]] = index
                starts[slot] += 1
            }
            return order
        }

    }
}
