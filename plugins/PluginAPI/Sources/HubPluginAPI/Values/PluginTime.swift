/// ISO 8601 text for a time in milliseconds since the epoch, in UTC: `2026-01-05T09:30:00.250Z`,
/// the form hubsh prints enqueued times in. For generators and formats.
public enum PluginTime {
    public static func iso8601(_ millis: Int64) -> String {
        let days = floorDivide(millis, 86_400_000)
        let dayMillis = millis - days * 86_400_000
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        let hour = dayMillis / 3_600_000
        let minute = dayMillis / 60_000 % 60
        let second = dayMillis / 1000 % 60
        let milli = dayMillis % 1000
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2))"
            + ":\(pad(second, 2)).\(pad(milli, 3))Z"
    }

    /// The calendar date `days` after 1970-01-01 in the proleptic Gregorian calendar, counted in
    /// 400-year eras of 146097 days that start on 1 March.
    static func civilDate(daysSinceEpoch days: Int64) -> (Int64, Int64, Int64) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : (value - divisor + 1) / divisor
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
