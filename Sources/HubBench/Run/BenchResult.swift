import HubCore

/// What one benchmark run measured.
public struct BenchResult: Sendable {
    /// `publish`, `baseline`, `read` or `e2e`.
    public var benchmark: String
    /// Events completed: published, appended, read or delivered.
    public var events: Int
    /// Bytes of event bodies (or raw records) those events carried.
    public var bytes: Int
    /// Wall-clock nanoseconds of the measured part, from the first operation to the last.
    public var elapsedNanos: UInt64
    public var latency: LatencyHistogram
    /// What one latency value is, for reports: "per event: its append call".
    public var latencyMeaning: String
    /// Write transactions that committed the events, when the engine counts them.
    public var commits: UInt64?
    /// Where the time of those commits went, when the engine shares commits among producers.
    public var cycles: CommitCycles?
    /// The process's context switches during the run (every thread's, the benchmark's own
    /// included).
    public var contextSwitches: Int?
    /// The most resident memory the process held during the run, in bytes (the peak is
    /// started over when a run begins, where the kernel allows it).
    public var peakResidentBytes: Int?
    /// Events the run expected but did not get (e2e: published yet never delivered).
    public var missing: Int = 0
    /// True when the run was stopped before it finished.
    public var interrupted: Bool = false

    public init(
        benchmark: String, events: Int, bytes: Int, elapsedNanos: UInt64,
        latency: LatencyHistogram, latencyMeaning: String, commits: UInt64? = nil,
        peakResidentBytes: Int? = ResidentMemory.peakBytes()
    ) {
        self.benchmark = benchmark
        self.events = events
        self.bytes = bytes
        self.elapsedNanos = elapsedNanos
        self.latency = latency
        self.latencyMeaning = latencyMeaning
        self.commits = commits
        self.peakResidentBytes = peakResidentBytes
    }

    /// The result of a `benchmark` that a stop ended before it began: no events, no time,
    /// and `interrupted`.
    public static func nothing(_ benchmark: String) -> BenchResult {
        var result = BenchResult(
            benchmark: benchmark, events: 0, bytes: 0, elapsedNanos: 0,
            latency: LatencyHistogram(), latencyMeaning: "none: stopped before it began",
            peakResidentBytes: nil)
        result.interrupted = true
        return result
    }

    public var seconds: Double { Double(elapsedNanos) / 1e9 }

    public var eventsPerSecond: Double {
        elapsedNanos == 0 ? 0 : Double(events) / seconds
    }

    /// Megabytes (10^6 bytes) of bodies per second.
    public var megabytesPerSecond: Double {
        elapsedNanos == 0 ? 0 : Double(bytes) / 1e6 / seconds
    }

    /// Context switches per event, when they were counted.
    public var contextSwitchesPerEvent: Double? {
        guard let contextSwitches, events > 0 else { return nil }
        return Double(contextSwitches) / Double(events)
    }

    /// Events per commit, when commits were counted.
    public var eventsPerCommit: Double? {
        guard let commits, commits > 0 else { return nil }
        return Double(events) / Double(commits)
    }
}
