import HubCore

/// Times and dates in the events, always UTC.
extension SampleContext {
    static let millisPerDay: Int64 = 86_400_000

    /// The event's own time in ISO 8601: `2026-11-02T08:00:01.250Z`.
    var timestamp: JSONValue {
        .string(Timestamp.format(now))
    }

    /// The time `millis` after the event's own, in ISO 8601.
    func timestamp(after millis: Int64) -> JSONValue {
        .string(Timestamp.format(now + millis))
    }

    /// The calendar date `days` after the event's own: `2026-11-16`.
    func date(after days: Int) -> JSONValue {
        .string(String(Timestamp.format(now + Int64(days) * SampleContext.millisPerDay).prefix(10)))
    }

    /// The event's date as eight digits, for identifiers such as route numbers: `20261102`.
    var compactDate: String {
        String(Timestamp.format(now).prefix(10).filter { $0 != "-" })
    }

    /// The event's year, for identifiers such as invoice numbers.
    var year: String {
        String(Timestamp.format(now).prefix(4))
    }
}
