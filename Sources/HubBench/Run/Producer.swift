import HubCore

/// One producer of a publish or end-to-end run: appends its share of the events in batches,
/// timing each append call, on the worker thread it was started on.
struct Producer {
    let log: EventLog
    let hub: HubProperties
    let workload: PublishWorkload
    let index: Int
    /// The run's partition keys, shared by its producers.
    let keys: PartitionKeyTable
    /// Events per second for this producer alone; nil publishes as fast as it can.
    let rate: Double?
    /// Whether each body carries its publish time (see `StampedBody`).
    let stamped: Bool

    /// Publishes the producer's share, or less once `workers` is told to stop, and returns the
    /// latency of every event it published.
    func run(_ workers: Workers) throws -> LatencyHistogram {
        var factory = EventFactory(
            bodySize: workload.bodySize, keys: keys, roundRobin: workload.roundRobin,
            partitionCount: hub.partitionCount, producer: index)
        var histogram = LatencyHistogram()
        var batch: [RoutedEvent] = []
        batch.reserveCapacity(workload.batchSize)
        let share = workload.share(of: index)
        let start = workers.startNanos
        var sent = 0
        // Producers of a paced run take turns: producer i starts i batches' worth of the whole
        // run's rate after the first, instead of all of them sending at once.
        let offset = rate.map { perProducer in
            Double(index * workload.batchSize) / (perProducer * Double(workload.producers))
        }
        while sent < share && !workers.shouldStop {
            let count = min(workload.batchSize, share - sent)
            if let rate, let offset {
                // Due times come from the start, so a late batch does not delay the next ones.
                let due = start + UInt64((Double(sent) / rate + offset) * 1e9)
                guard Producer.sleep(until: due, workers) else { break }
            }
            let started = MonotonicClock.nanos()
            let body = stamped
                ? StampedBody.make(size: workload.bodySize, stampedAt: started) : nil
            factory.fill(&batch, count: count, body: body)
            _ = try log.append(hub: hub.name, batch: batch, durability: workload.durability)
            histogram.record(MonotonicClock.nanos() - started, times: UInt64(count))
            sent += count
            workers.add(count)
        }
        return histogram
    }

    /// Sleeps until `deadline` in slices of at most 50 ms, so that a stop request is seen
    /// soon even at a slow rate; false when `workers` was told to stop.
    private static func sleep(until deadline: UInt64, _ workers: Workers) -> Bool {
        while !workers.shouldStop {
            let now = MonotonicClock.nanos()
            if now >= deadline { return true }
            MonotonicClock.sleep(until: min(deadline, now + 50_000_000))
        }
        return false
    }
}
