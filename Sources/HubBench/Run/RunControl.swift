/// How a benchmark reports progress and learns that it should stop: the caller's side.
///
/// Both closures run on the thread that called the benchmark, a few times a second while its
/// workers run: never on a worker thread.
public struct RunControl {
    /// True once the run should stop early, such as after Ctrl-C; the result then covers the
    /// events done so far.
    public var shouldStop: () -> Bool
    /// Told how far the run is.
    public var progress: (Progress) -> Void

    public init(
        shouldStop: @escaping () -> Bool = { false },
        progress: @escaping (Progress) -> Void = { _ in }
    ) {
        self.shouldStop = shouldStop
        self.progress = progress
    }

    /// A run that never stops early and reports nothing: for tests.
    public static var silent: RunControl { RunControl() }

    /// How far a run is.
    public struct Progress: Sendable, Equatable {
        /// What is running: `publish`, `baseline`, `fill`, `read`, `e2e`.
        public var phase: String
        public var done: Int
        public var total: Int
        public var elapsedNanos: UInt64

        public init(phase: String, done: Int, total: Int, elapsedNanos: UInt64) {
            self.phase = phase
            self.done = done
            self.total = total
            self.elapsedNanos = elapsedNanos
        }
    }
}
