/// A benchmark of any repeated operation: threads call it as fast as they can, each call
/// timed, with the same workers, histograms, progress and result as the other benchmarks.
///
/// The shape for benchmarks that are not about the log, such as the schema validation rate
/// (`bench validate`, once the schema module exists): the operation validates one event, and
/// the command renders the result like any other.
public enum OperationBenchmark {
    /// Calls `operation` `count` times in all, shared out over `threads` threads, with the
    /// index of the call. Each call counts as `eventsPerCall` events of `bytesPerEvent`
    /// bytes; its latency is the duration of the call.
    public static func run(
        name: String, count: Int, threads: Int = 1, eventsPerCall: Int = 1,
        bytesPerEvent: Int = 0, control: RunControl,
        _ operation: @escaping @Sendable (Int) throws -> Void
    ) throws -> BenchResult {
        ResidentMemory.resetPeak()
        let workers = Workers()
        let failure = FirstError()
        let histograms = HistogramCollector()
        let elapsed = workers.run(count: threads, name: "bench-\(name)") { thread in
            var histogram = LatencyHistogram()
            var index = thread
            do {
                while index < count && !workers.shouldStop {
                    let started = MonotonicClock.nanos()
                    try operation(index)
                    histogram.record(MonotonicClock.nanos() - started, times: UInt64(eventsPerCall))
                    workers.add(eventsPerCall)
                    index += threads
                }
            } catch {
                failure.record(error)
                workers.stop.store(true, ordering: .relaxed)
            }
            histograms.add(histogram)
        } tick: {
            Ticker.tick(workers, control, phase: name, total: count * eventsPerCall)
        }
        try failure.rethrow()

        let events = workers.done.load(ordering: .relaxed)
        var result = BenchResult(
            benchmark: name, events: events, bytes: events * bytesPerEvent, elapsedNanos: elapsed,
            latency: histograms.merged, latencyMeaning: "per event: the call that handled it")
        result.interrupted = events < count * eventsPerCall
        return result
    }
}
