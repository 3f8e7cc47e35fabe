/// What `bench e2e` measured: delivery as the consumer saw it, and the rate the producers
/// reached, which tells whether the latency was measured at the rate asked for.
public struct EndToEndResult: Sendable {
    /// Delivered events, their bytes and their latencies from publish call to delivery.
    public var delivery: BenchResult
    /// Events per second the run asked for, all producers together.
    public var askedRate: Double
    /// What the producers published; nil when it is not known, such as when the other process
    /// of a two-process run was stopped before it reported.
    public var publishing: Publishing?

    /// Below this share of the asked rate, the producers did not keep up: 95%.
    public static let keptUpShare = 0.95

    public init(delivery: BenchResult, askedRate: Double, publishing: Publishing?) {
        self.delivery = delivery
        self.askedRate = askedRate
        self.publishing = publishing
    }

    /// The producers' side of a run, as they counted it.
    public struct Publishing: Sendable, Equatable {
        /// Events published.
        public var events: Int
        /// `events` over the time from the start of the run to the end of the last append
        /// call: the rate reached.
        public var eventsPerSecond: Double

        public init(events: Int, eventsPerSecond: Double) {
            self.events = events
            self.eventsPerSecond = eventsPerSecond
        }

        /// `events` published in `elapsedNanos`.
        init(events: Int, elapsedNanos: UInt64) {
            let seconds = Double(elapsedNanos) / 1e9
            self.init(events: events, eventsPerSecond: seconds > 0 ? Double(events) / seconds : 0)
        }
    }

    /// Whether the producers published at about the asked rate (at least `keptUpShare` of
    /// it); nil when the rate they reached is not known.
    ///
    /// When they did not, latency was measured at the lower rate they reached: a fast publish
    /// call that could not go faster still looks quick to deliver.
    public var keptUp: Bool? {
        publishing.map { $0.eventsPerSecond >= askedRate * EndToEndResult.keptUpShare }
    }
}
