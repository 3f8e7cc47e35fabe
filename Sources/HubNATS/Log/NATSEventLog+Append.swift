import Foundation
import HubCore

extension NATSEventLog {
    /// How many times a batch's chains are rebuilt after another publisher got in between.
    static let maxConflicts = 200

    /// Appends `batch`: all of it, or throws `HubError.partiallyAppended` naming the events
    /// that landed when the cluster stored only part of it (see the type's caveats).
    ///
    /// Everything is checked before the first message is sent: the hub exists, each partition
    /// exists, each event fits the hub's maximum event size and the server's `max_payload`,
    /// and the whole batch fits the maximum event size. The events of each partition are
    /// sent as one `PartitionChain`; the chains of different partitions go out together.
    /// `durability` changes nothing: an acknowledgement means stored by a majority of the
    /// stream's replicas.
    public func append(hub: String, batch: [RoutedEvent], durability: Durability) throws
        -> [EventMetadata]
    {
        try perform("publish to hub '\(hub)'") {
            // Reads before the first send are retried through a leader election: nothing has
            // been sent yet, so trying again can do no harm.
            let record = try retryingTransient { try cachedHub(hub) }
            try validate(batch, for: record.properties)
            guard !batch.isEmpty else { return [] }
            var chains = makeChains(record, batch)
            try turns.withTurns(chains.map(\.stream)) {
                try publish(&chains, batch, record)
            }

            var landed = [EventMetadata?](repeating: nil, count: batch.count)
            var count = 0
            var failure: Error?
            for chain in chains {
                for (position, sequence) in chain.landed.enumerated() {
                    let number = Int64(sequence) - 1
                    landed[chain.indices[position]] = EventMetadata(
                        partition: chain.partition, sequenceNumber: number, offset: number,
                        enqueuedTime: chain.landedTimes[position])
                    count += 1
                }
                if let last = chain.landed.last, let time = chain.landedTimes.last {
                    tips.advance(chain.stream, to: Tip(sequence: last, time: time))
                }
                if failure == nil { failure = chain.failure }
            }
            if count > 0 { appendSignal.noteLocalAppend(messages: UInt64(count)) }
            guard let failure else { return landed.map { $0! } }
            guard count > 0 else { throw failure }
            let reason = (failure as? NATSError).map {
                ErrorMapping.hubError(for: $0, address: address, action: "publish").description
            } ?? String(describing: failure)
            throw HubError.partiallyAppended(
                landed: landed.compactMap { $0 }, total: batch.count, reason: reason)
        }
    }

    /// One chain per partition of the batch, in the order partitions first appear.
    private func makeChains(_ record: HubRecord, _ batch: [RoutedEvent]) -> [PartitionChain] {
        var indicesByPartition: [Int: [Int]] = [:]
        var order: [Int] = []
        for (index, event) in batch.enumerated() {
            if indicesByPartition[event.partition] == nil { order.append(event.partition) }
            indicesByPartition[event.partition, default: []].append(index)
        }
        let batchId = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        return order.map { partition in
            PartitionChain(
                partition: partition, stream: stream(record, partition),
                subject: subject(record, partition), indices: indicesByPartition[partition]!,
                batchId: batchId)
        }
    }

    /// Sends the chains until each has landed or failed for good.
    private func publish(
        _ chains: inout [PartitionChain], _ batch: [RoutedEvent], _ record: HubRecord
    ) throws {
        for index in chains.indices {
            try retryingTransient { try anchor(&chains[index], record) }
        }
        let pipeline = PublishPipeline(connection: connection)
        var resends = 0
        var resendDeadline: Int64?
        var conflicts = 0
        while chains.contains(where: { !$0.isFinished }) {
            let active = chains.indices.filter { !chains[$0].isFinished }
            var messages: [OutgoingMessage] = []
            var spans: [(chain: Int, range: Range<Int>)] = []
            for index in active {
                let chainMessages = chains[index].messages(batch)
                spans.append((index, messages.count..<messages.count + chainMessages.count))
                messages += chainMessages
            }
            let acks = try pipeline.publish(
                messages, timeoutMillis: options.ackTimeoutMillis)

            var lost: NATSError?
            for span in spans {
                let index = span.chain
                switch chains[index].take(Array(acks[span.range])) {
                case .done:
                    break
                case .conflict:
                    conflicts += 1
                    if conflicts > NATSEventLog.maxConflicts {
                        let partition = chains[index].partition
                        chains[index].failure = HubError.storage(
                            "other publishers kept appending to partition \(partition) in"
                                + " between")
                    } else {
                        tips.forget(chains[index].stream)
                        // Past the first send a failure ends this chain alone, so that what
                        // landed before is still reported.
                        do {
                            try retryingTransient { try anchor(&chains[index], record) }
                        } catch {
                            chains[index].failure = error
                        }
                    }
                case .unknown(let error):
                    lost = error
                    if case .noResponders = error, streamIsGone(chains[index].stream) {
                        chains[index].failure = streamMissing(
                            record, partition: chains[index].partition)
                    }
                case .refused(let error):
                    chains[index].failure = error
                }
            }
            guard let lost else { continue }
            resends += 1
            let now = MonotonicClock.millis()
            let deadline = resendDeadline ?? now + options.resendWindowMillis
            resendDeadline = deadline
            if now >= deadline || options.isInterrupted() {
                for index in chains.indices where !chains[index].isFinished {
                    chains[index].failure = lost
                }
            } else {
                // Leave a leader election time to finish: 0.1 s, 0.2 s, ... 1.6 s, 3.2 s.
                usleep(UInt32(100_000 << min(resends - 1, 5)))
            }
        }
    }

    /// True when the cluster says `stream` does not exist; false when it exists or cannot
    /// say right now.
    private func streamIsGone(_ stream: String) -> Bool {
        do {
            return try jetStream.streamState(stream) == nil
        } catch {
            return false
        }
    }

    /// Sets where the chain's remainder must land and its enqueued time, from the stream's
    /// last message (as this process knows it, else as the cluster says).
    private func anchor(_ chain: inout PartitionChain, _ record: HubRecord) throws {
        let tip = try knownTip(chain.stream, record, chain.partition)
        chain.anchor = .sequence(tip.sequence)
        chain.time = max(options.clock(), tip.time, chain.landedTimes.last ?? 0)
    }

    /// The last message of `stream`: from the cache, else read from the cluster.
    func knownTip(_ stream: String, _ record: HubRecord, _ partition: Int) throws -> Tip {
        if let tip = tips.find(stream) { return tip }
        let (state, raw) = try partitionState(record, partition)
        let tip = Tip(
            sequence: raw.lastSequence,
            time: state.lastEnqueuedTime ?? 0)
        tips.advance(stream, to: tip)
        return tip
    }

    /// Throws the first rule `batch` breaks, before anything is sent.
    func validate(_ batch: [RoutedEvent], for hub: HubProperties) throws {
        var total = 0
        let payloadLimit = maxPayload
        for (index, event) in batch.enumerated() {
            try hub.check(partition: event.partition)
            let size = event.data.size
            guard size <= hub.maxEventSize else {
                throw HubError.eventTooLarge(
                    index: index, size: size, max: hub.maxEventSize, hub: hub.name)
            }
            total += size
            let headers = EventHeaders.encode(event.data, time: 0)
            let messageSize = event.data.body.count + EventHeaders.size(of: headers) + 256
            guard messageSize <= payloadLimit else {
                throw HubError.storage(
                    "event \(index + 1) takes \(messageSize) bytes as a NATS message with its"
                        + " headers, over the server's max_payload of \(payloadLimit) bytes;"
                        + " nothing was published")
            }
        }
        guard total <= hub.maxEventSize else {
            throw HubError.batchTooLarge(size: total, max: hub.maxEventSize, hub: hub.name)
        }
    }
}
