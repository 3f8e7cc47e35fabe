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
/// A batch is written partition by partition, in one pass: each partition's events get its
/// next sequence numbers and offsets in the order they come in the batch, and each is encoded
/// straight into the space its append reserved.
struct BatchWriter {
    private let tables: Tables
    private var hubs: [String: HubRecord] = [:]
    /// Each touched partition's appender and where the transaction has left it.
    private var partitions: [PartitionId: PartitionWriter] = [:]

    /// One partition being written: its appender and the numbers its next event gets.
    private struct PartitionWriter {
        var appender: EventAppender
        var nextSequenceNumber: Int64
        var nextOffset: Int64
        var lastEnqueuedTime: Int64?
    }

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

    /// Writes a validated batch, whose events' stored sizes are `sizes`, to `record`'s
    /// partitions and returns where each event landed, in batch order.
    mutating func write(
        _ batch: [RoutedEvent], sizes: [Int], to record: HubRecord, now: Int64
    ) throws -> [EventMetadata] {
        let order = BatchWriter.partitionOrder(batch, record.properties.partitionCount)
        // Events are encoded from where they lie in the batch (see `EventCodec.encode`).
        return try batch.withUnsafeBufferPointer { batch in
            // Every slot is written below; a throw leaves the array, of plain numbers, unused.
            try [EventMetadata](unsafeUninitializedCapacity: batch.count) { landed, count in
                try write(batch, in: order, sizes: sizes, to: record, now: now, landed: landed)
                count = batch.count
            }
        }
    }

    /// Writes `batch` partition by partition, in `order`, and puts where each event landed at
    /// its index in `landed`.
    private mutating func write(
        _ batch: UnsafeBufferPointer<RoutedEvent>, in order: [Int], sizes: [Int],
        to record: HubRecord, now: Int64, landed: UnsafeMutableBufferPointer<EventMetadata>
    ) throws {
        var start = 0
        while start < order.count {
            let partition = batch[order[start]].partition
            let id = PartitionId(hubId: record.id, partition: partition)
            var writer = try partitionWriter(id, record)
            let enqueuedTime = max(now, writer.lastEnqueuedTime ?? now)
            var end = start
            while end < order.count, batch[order[end]].partition == partition {
                let index = order[end]
                let size = sizes[index]
                let buffer = try writer.appender.reserve(
                    sequenceNumber: writer.nextSequenceNumber, size: size)
                EventCodec.encode(
                    (batch.baseAddress! + index).pointer(to: \.data)!,
                    offset: writer.nextOffset, enqueuedTime: enqueuedTime, into: buffer)
                landed.initializeElement(
                    at: index,
                    to: EventMetadata(
                        partition: partition, sequenceNumber: writer.nextSequenceNumber,
                        offset: writer.nextOffset, enqueuedTime: enqueuedTime))
                writer.nextSequenceNumber += 1
                writer.nextOffset += Int64(size)
                end += 1
            }
            writer.lastEnqueuedTime = enqueuedTime
            partitions[id] = writer
            start = end
        }
    }

    /// The writer of a partition as the transaction has left it; the first time, from the
    /// newest event its new appender finds, or from its `partitions` record when it has none.
    private mutating func partitionWriter(_ id: PartitionId, _ record: HubRecord) throws
        -> PartitionWriter
    {
        if let writer = partitions[id] { return writer }
        let appender = try tables.events.appender(record, id.partition)
        if let newest = appender.newest {
            return PartitionWriter(
                appender: appender, nextSequenceNumber: newest.nextSequenceNumber,
                nextOffset: newest.nextOffset, lastEnqueuedTime: newest.lastEnqueuedTime)
        }
        let state = try tables.partitions.storedState(record, id.partition)
        return PartitionWriter(
            appender: appender, nextSequenceNumber: state.nextSequenceNumber,
            nextOffset: state.nextOffset, lastEnqueuedTime: state.lastEnqueuedTime)
    }

    /// The batch's indices grouped by partition (a counting sort), in batch order within each
    /// partition; the identity when the whole batch goes to one partition.
    private static func partitionOrder(_ batch: [RoutedEvent], _ partitionCount: Int) -> [Int] {
        guard let first = batch.first,
              batch.contains(where: { $0.partition != first.partition })
        else { return Array(batch.indices) }
        var starts = [Int](repeating: 0, count: partitionCount + 1)
        for index in batch.indices { starts[batch[index].partition + 1] += 1 }
        for partition in 0..<partitionCount { starts[partition + 1] += starts[partition] }
        // Every slot is written: the starts place each index once.
        return [Int](unsafeUninitializedCapacity: batch.count) { order, count in
            for index in batch.indices {
                let partition = batch[index].partition
                order.initializeElement(at: starts[partition], to: index)
                starts[partition] += 1
            }
            count = batch.count
        }
    }
}
