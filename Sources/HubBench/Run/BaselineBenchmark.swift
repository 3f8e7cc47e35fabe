import HubCore

/// `bench baseline`: the engine's raw append loop with the same write pattern as a publish
/// run, timed the same way, on the calling thread's behalf by one worker.
public enum BaselineBenchmark {
    /// The raw append pattern of `workload`: its body size, batch size and durability.
    public static func pattern(of workload: PublishWorkload) -> RawAppendPattern {
        RawAppendPattern(
            recordSize: workload.bodySize, batchSize: workload.batchSize,
            durability: workload.durability, expectedRecords: workload.events)
    }

    /// Appends `workload.events` records of `workload.bodySize` bytes in batches of
    /// `workload.batchSize` through `engine`'s raw appender, then removes them.
    ///
    /// Producers and keys do not apply: the raw loop is one writer with no routing.
    public static func run(
        engine: EngineBenchmarks, workload: PublishWorkload, control: RunControl
    ) throws -> BenchResult {
        let appender = try engine.makeRawAppender(pattern(of: workload))
        defer { appender.close() }
        return try run(appender: appender, workload: workload, control: control)
    }

    /// One round on `appender`, which was made for `pattern(of: workload)` and is emptied
    /// first, so that rounds of a comparison can share it. `phase` is what progress calls
    /// it: `baseline, round 2 of 3`.
    public static func run(
        appender rawAppender: RawAppender, workload: PublishWorkload, control: RunControl,
        phase: String = "baseline"
    ) throws -> BenchResult {
        try rawAppender.reset()
        let appender = SendableAppender(rawAppender)
        ResidentMemory.resetPeak()
        let workers = Workers()
        let failure = FirstError()
        let histograms = HistogramCollector()

        let elapsed = workers.run(count: 1, name: "bench-baseline") { _ in
            var histogram = LatencyHistogram()
            var left = workload.events
            do {
                while left > 0 && !workers.shouldStop {
                    let count = min(workload.batchSize, left)
                    let started = MonotonicClock.nanos()
                    try appender.value.appendBatch(count: count)
                    histogram.record(MonotonicClock.nanos() - started, times: UInt64(count))
                    left -= count
                    workers.add(count)
                }
            } catch {
                failure.record(error)
            }
            histograms.add(histogram)
        } tick: {
            Ticker.tick(workers, control, phase: phase, total: workload.events)
        }
        try failure.rethrow()

        let events = workers.done.load(ordering: .relaxed)
        var result = BenchResult(
            benchmark: "baseline", events: events, bytes: events * workload.bodySize,
            elapsedNanos: elapsed, latency: histograms.merged,
            latencyMeaning: "per record: the transaction that carried it",
            commits: UInt64((events + workload.batchSize - 1) / workload.batchSize))
        result.interrupted = events < workload.events
        return result
    }
}

/// Hands a raw appender to the one worker thread that uses it while the caller waits.
private final class SendableAppender: @unchecked Sendable {
    let value: RawAppender

    init(_ value: RawAppender) { self.value = value }
}
