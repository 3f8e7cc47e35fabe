import HubCore

extension LMDBEventLog {
    /// Appends `batch` in one write transaction: every event lands, or none does.
    ///
    /// Everything is checked before the first event is written: the hub exists, each partition
    /// exists, each event fits the hub's maximum event size and so does the whole batch. Each
    /// partition's events get the next sequence numbers, in batch order, and an enqueued time
    /// that never goes back: the clock's time, or the partition's last enqueued time when the
    /// clock is behind it.
    ///
    /// Group commit. Appends that threads of this process make at the same time share one
    /// write transaction and one flush to disk (see `GroupCommit`); each batch is still checked
    /// on its own and lands whole or not at all, and each caller gets its own metadata or its
    /// own error. A shared commit is durable when any of its appends asked for `.durable`.
    ///
    /// After the commit, the hub's expired events are purged in a transaction of their own, at
    /// most once per `Options.autoPurgeInterval` per hub in this process; a failing purge never
    /// fails the publish, which has already landed. See `Environment.write` for what
    /// `durability` promises.
    public func append(hub: String, batch: [RoutedEvent], durability: Durability) throws
        -> [EventMetadata]
    {
        let now = options.clock()
        let landed = try perform("publish to hub '\(hub)'") {
            if isReadOnly { throw HubError.readOnly(path: directory) }
            let pending = GroupCommit.Pending(
                hub: hub, batch: batch, durability: durability, now: now)
            return try environment.appendQueue.append(pending, commit: commitGroup).get()
        }
        environment.noteMapped(bytes: batch.reduce(0) { $0 + $1.data.body.count })
        purgeIfDue(hub: hub, now: now, durability: durability)
        return landed
    }

    /// Commits a group of appends, one outcome per append in the group's order.
    ///
    /// A group of one commits as a lone append always did. A larger group is written in one
    /// transaction in which each batch is checked before it is written, so a batch that breaks
    /// a rule fails alone and writes nothing. When the shared transaction fails as a whole (the
    /// disk is full, a record is damaged), each append is tried again in a transaction of its
    /// own, so that only the appends at fault fail.
    private func commitGroup(_ group: [GroupCommit.Pending]) -> [Result<[EventMetadata], Error>] {
        guard group.count > 1 else { return group.map(commitAlone) }
        let durability: Durability =
            group.contains { $0.durability == .durable } ? .durable : .noSync
        do {
            let outcomes = try writing(durability) { tables in
                try BatchWriter.writing(in: tables) { writer in
                    try group.map { try Self.writeIfValid($0, with: &writer) }
                }
            }
            environment.appendSignal.signal()
            return outcomes
        } catch {
            return group.map(commitAlone)
        }
    }

    /// Commits one append in a write transaction of its own.
    private func commitAlone(_ pending: GroupCommit.Pending) -> Result<[EventMetadata], Error> {
        let outcome = Result {
            try writing(pending.durability) { tables in
                try BatchWriter.writing(in: tables) { writer in
                    try Self.writeIfValid(pending, with: &writer).get()
                }
            }
        }
        if case .success = outcome { environment.appendSignal.signal() }
        return outcome
    }

    /// Writes `pending` when its hub exists and its batch keeps every rule; returns the rule it
    /// breaks as a failure without writing anything. Storage errors are thrown: they spoil the
    /// whole transaction.
    private static func writeIfValid(
        _ pending: GroupCommit.Pending, with writer: inout BatchWriter
    ) throws -> Result<[EventMetadata], Error> {
        let record: HubRecord
        let sizes: [Int]
        do {
            record = try writer.hub(named: pending.hub)
            sizes = try validate(pending.batch, for: record.properties)
        } catch let error as HubError {
            return .failure(error)
        }
        return .success(
            try writer.write(pending.batch, sizes: sizes, to: record, now: pending.now))
    }

    /// Throws the first rule `batch` breaks; returns each event's stored size
    /// (`EventCodec.storedSize`), which the writer needs next.
    ///
    /// An event's stored size is never less than the size that counts against the maximum (it
    /// adds a header and length prefixes), and computing it costs no copy of the event, while
    /// `EventData.size`, in another module, copies each event it is asked about. So the exact
    /// sizes are computed only when the stored sizes come near the maximum.
    @discardableResult
    static func validate(_ batch: [RoutedEvent], for hub: HubProperties) throws -> [Int] {
        let partitionCount = hub.partitionCount
        var storedTotal = 0
        let sizes = try [Int](unsafeUninitializedCapacity: batch.count) { sizes, count in
            for index in batch.indices {
                let partition = batch[index].partition
                if partition < 0 || partition >= partitionCount {
                    try hub.check(partition: partition)
                }
                let size = EventCodec.storedSize(of: batch[index].data)
                sizes.initializeElement(at: index, to: size)
                count = index + 1
                storedTotal += size
            }
        }
        guard storedTotal > hub.maxEventSize else { return sizes }
        var total = 0
        for index in batch.indices {
            let size = batch[index].data.size
            guard size <= hub.maxEventSize else {
                throw HubError.eventTooLarge(
                    index: index, size: size, max: hub.maxEventSize, hub: hub.name)
            }
            total += size
        }
        guard total <= hub.maxEventSize else {
            throw HubError.batchTooLarge(size: total, max: hub.maxEventSize, hub: hub.name)
        }
        return sizes
    }
}
