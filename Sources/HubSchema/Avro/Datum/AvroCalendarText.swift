/// ISO 8601 text for the date and time logical types, in the proleptic Gregorian calendar and
/// without Foundation, so any representable value converts exactly.
enum AvroCalendarText {
    // MARK: - Days

    /// Days since 1970-01-01 of a civil date.
    static func days(year: Int, month: Int, day: Int) -> Int {
        // Count from 0000-03-01 so that the leap day ends each 4-year cycle.
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let monthFromMarch = (month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day count since 1970-01-01.
    static func date(days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func dateText(days: Int) -> String {
        let civil = date(days: days)
        return pad(civil.year, 4) + "-" + pad(civil.month, 2) + "-" + pad(civil.day, 2)
    }

    /// Days since 1970-01-01 of `YYYY-MM-DD` (years 0000 to 9999).
    static func days(dateText text: Substring) -> Int? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = digits(parts[0]), let month = digits(parts[1]), let day = digits(parts[2]),
            (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        return days(year: year, month: month, day: day)
    }

    // MARK: - Time of day

    /// `HH:MM:SS` with `fractionDigits` digits after the point, from units of 10^-fractionDigits s.
    static func timeText(_ value: Int64, fractionDigits: Int) -> String {
        let perSecond = power10(fractionDigits)
        let seconds = value / perSecond
        let fraction = value % perSecond
        var text =
            pad(Int(seconds / 3600), 2) + ":" + pad(Int(seconds / 60 % 60), 2) + ":"
            + pad(Int(seconds % 60), 2)
        if fractionDigits > 0 { text += "." + pad(Int(fraction), fractionDigits) }
        return text
    }

    /// Units of 10^-fractionDigits s since midnight of `HH:MM:SS[.fraction]`; nil when malformed
    /// or when the fraction is finer than the unit.
    static func time(_ text: Substring, fractionDigits: Int) -> Int64? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2,
            let hours = digits(parts[0]), let minutes = digits(parts[1]),
            hours < 24, minutes < 60
        else { return nil }
        let secondParts = parts[2].split(separator: ".", omittingEmptySubsequences: false)
        guard secondParts.count <= 2, secondParts[0].count == 2,
            let seconds = digits(secondParts[0]), seconds < 60
        else { return nil }
        var fraction: Int64 = 0
        if secondParts.count == 2 {
            let given = secondParts[1]
            guard !given.isEmpty, let value = digits(given) else { return nil }
            if given.count > fractionDigits {
                guard given.suffix(given.count - fractionDigits).allSatisfy({ $0 == "0" }),
                    let kept = digits(given.prefix(fractionDigits))
                else { return nil }
                fraction = Int64(kept)
            } else {
                fraction = Int64(value) * power10(fractionDigits - given.count)
            }
        }
        let whole = Int64(hours * 3600 + minutes * 60 + seconds)
        return whole * power10(fractionDigits) + fraction
    }

    // MARK: - Timestamps

    /// `YYYY-MM-DDTHH:MM:SS.fffZ` (or without `Z` when `local`), from units of
    /// 10^-fractionDigits s since the epoch; nil outside years 0000 to 9999.
    static func timestampText(_ value: Int64, fractionDigits: Int, local: Bool) -> String? {
        let perDay = 86_400 * power10(fractionDigits)
        var days = value / perDay
        var rest = value % perDay
        if rest < 0 {
            days -= 1
            rest += perDay
        }
        let civil = date(days: Int(days))
        guard (0...9999).contains(civil.year) else { return nil }
        return dateText(days: Int(days)) + "T" + timeText(rest, fractionDigits: fractionDigits)
            + (local ? "" : "Z")
    }

    /// Units of 10^-fractionDigits s since the epoch of an RFC 3339 timestamp: a `Z` or
    /// `±HH:MM` offset is required unless `local`, and forbidden when `local`.
    static func timestamp(_ text: String, fractionDigits: Int, local: Bool) -> Int64? {
        guard let separator = text.firstIndex(where: { $0 == "T" || $0 == "t" || $0 == " " }),
            let days = days(dateText: text[..<separator])
        else { return nil }
        var clock = text[text.index(after: separator)...]
        var offsetSeconds = 0
        if local {
            guard !clock.contains(where: { $0 == "Z" || $0 == "z" || $0 == "+" }),
                clock.filter({ $0 == "-" }).isEmpty
            else { return nil }
        } else if clock.hasSuffix("Z") || clock.hasSuffix("z") {
            clock = clock.dropLast()
        } else {
            guard clock.count > 6 else { return nil }
            let offset = clock.suffix(6)
            let sign = offset.first
            let parts = offset.dropFirst().split(separator: ":")
            guard sign == "+" || sign == "-", parts.count == 2,
                let hours = digits(parts[0]), let minutes = digits(parts[1]),
                hours < 24, minutes < 60
            else { return nil }
            offsetSeconds = (hours * 3600 + minutes * 60) * (sign == "-" ? -1 : 1)
            clock = clock.dropLast(6)
        }
        guard let time = time(clock, fractionDigits: fractionDigits) else { return nil }
        let unit = power10(fractionDigits)
        let (dayUnits, overflow) = Int64(days).multipliedReportingOverflow(by: 86_400 * unit)
        guard !overflow else { return nil }
        let (local, overflowTime) = dayUnits.addingReportingOverflow(time)
        let (utc, overflowOffset) = local.subtractingReportingOverflow(Int64(offsetSeconds) * unit)
        return overflowTime || overflowOffset ? nil : utc
    }

    // MARK: - Helpers

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func digits(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        return Int(text)
    }

    static func power10(_ exponent: Int) -> Int64 {
        var value: Int64 = 1
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
