/// What a stream's generator draws on while it makes events: random numbers, the clock, and what
/// it carries from one event to the next.
///
/// One context belongs to one `SampleGenerator`, and only that generator mutates it.
struct SampleContext: Sendable {
    var random: SampleRandom
    /// When the event being made occurs, in milliseconds since the Unix epoch.
    var now: Int64
    /// Entities in the middle of their lifecycle, such as orders not yet fulfilled; oldest first.
    var openEntities: [OpenEntity] = []
    /// Numbers kept per entity between events: stock on hand, a sensor's last reading, a van's
    /// position, a campaign's running totals. Keys read like `WH-RNO1-TMP-007.value`.
    var levels: [String: Double] = [:]

    init(seed: UInt64, now: Int64) {
        self.random = SampleRandom(seed: seed)
        self.now = now
    }

    /// The level stored under `key`, made by `initial` the first time it is asked for.
    mutating func level(_ key: String, initial: (inout SampleRandom) -> Double) -> Double {
        if let value = levels[key] { return value }
        let value = initial(&random)
        levels[key] = value
        return value
    }
}
