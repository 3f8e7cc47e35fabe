import HubCore

/// `bench read`: how fast stored events can be decoded in this process, through
/// `EventLog.scan`.
public enum ReadBenchmark {
    /// Events one scan call (one read transaction) asks for.
    public static let eventsPerCall = 1000

    /// Reads every retained event of `hub`, partition by partition from the earliest, up to
    /// `maxEvents` in all. Each latency value is one scan call of up to `eventsPerCall` events.
    ///
    /// Every event is decoded: its key and header parsed, its partition key, content type and
    /// body located, its properties decoded when it has any. Throws `HubError.storage` when the
    /// sequence numbers it reads are not contiguous.
    public static func run(
        log: EventLog, hub: HubProperties, maxEvents: Int? = nil, control: RunControl
    ) throws -> BenchResult {
        let states = try log.partitionStates(hub: hub.name)
        let available = states.reduce(0) { $0 + Int($1.eventCount) }
        let total = min(available, maxEvents ?? available)
        ResidentMemory.resetPeak()
        let workers = Workers()
        let failure = FirstError()
        let histograms = HistogramCollector()
        let bodyBytes = Counter()

        let elapsed = workers.run(count: 1, name: "bench-reader") { _ in
            var histogram = LatencyHistogram()
            var left = total
            var bytes = 0
            do {
                for state in states where left > 0 && !workers.shouldStop {
                    var next = state.firstSequenceNumber
                    while left > 0 && next < state.nextSequenceNumber && !workers.shouldStop {
                        let started = MonotonicClock.nanos()
                        let visited = try log.scan(
                            hub: hub.name, partition: state.partition,
                            from: .sequenceNumber(next, inclusive: true),
                            maxCount: min(eventsPerCall, left)
                        ) { event in
                            guard event.sequenceNumber == next else {
                                throw HubError.storage(
                                    "bench read: partition \(state.partition) jumps from"
                                        + " sequence number \(next) to \(event.sequenceNumber)")
                            }
                            next += 1
                            bytes += event.body.count
                            return true
                        }
                        histogram.record(MonotonicClock.nanos() - started)
                        guard visited > 0 else { break }
                        left -= visited
                        workers.add(visited)
                    }
                }
            } catch {
                failure.record(error)
            }
            bodyBytes.set(bytes)
            histograms.add(histogram)
        } tick: {
            Ticker.tick(workers, control, phase: "read", total: total)
        }
        try failure.rethrow()

        let events = workers.done.load(ordering: .relaxed)
        var result = BenchResult(
            benchmark: "read", events: events, bytes: bodyBytes.value, elapsedNanos: elapsed,
            latency: histograms.merged,
            latencyMeaning: "per scan call of up to \(eventsPerCall) events")
        result.interrupted = events < total
        return result
    }
}
