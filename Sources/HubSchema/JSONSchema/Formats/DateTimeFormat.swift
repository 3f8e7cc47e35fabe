/// RFC 3339 `date-time`, `full-date` and `full-time`, as JSON Schema's formats of those names.
///
/// `T` and `Z` may be lower case; the time must carry an offset; second 60 is a leap second
/// and is accepted only at 23:59:60 in UTC.
enum DateTimeFormat {
    static func isDateTime(_ text: String) -> Bool {
        var scanner = FormatScanner(text)
        guard readDate(&scanner) else { return false }
        guard scanner.take(UInt8(ascii: "T")) || scanner.take(UInt8(ascii: "t")) else {
            return false
        }
        return readTime(&scanner) && scanner.atEnd
    }

    static func isDate(_ text: String) -> Bool {
        var scanner = FormatScanner(text)
        return readDate(&scanner) && scanner.atEnd
    }

    static func isTime(_ text: String) -> Bool {
        var scanner = FormatScanner(text)
        return readTime(&scanner) && scanner.atEnd
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func readDate(_ scanner: inout FormatScanner) -> Bool {
        guard let year = scanner.digits(4), scanner.take(UInt8(ascii: "-")),
              let month = scanner.digits(2), scanner.take(UInt8(ascii: "-")),
              let day = scanner.digits(2)
        else { return false }
        return (1...12).contains(month) && (1...daysIn(month: month, year: year)).contains(day)
    }

    private static func readTime(_ scanner: inout FormatScanner) -> Bool {
        guard let hour = scanner.digits(2), scanner.take(UInt8(ascii: ":")),
              let minute = scanner.digits(2), scanner.take(UInt8(ascii: ":")),
              let second = scanner.digits(2),
              hour <= 23, minute <= 59, second <= 60
        else { return false }
        if scanner.take(UInt8(ascii: ".")) {
            guard scanner.someDigits() > 0 else { return false }
        }
        var offsetMinutes = 0
        if scanner.take(UInt8(ascii: "Z")) || scanner.take(UInt8(ascii: "z")) {
            offsetMinutes = 0
        } else {
            let sign: Int
            if scanner.take(UInt8(ascii: "+")) {
                sign = 1
            } else if scanner.take(UInt8(ascii: "-")) {
                sign = -1
            } else {
                return false
            }
            guard let offsetHour = scanner.digits(2), scanner.take(UInt8(ascii: ":")),
                  let offsetMinute = scanner.digits(2), offsetHour <= 23, offsetMinute <= 59
            else { return false }
            offsetMinutes = sign * (offsetHour * 60 + offsetMinute)
        }
        if second == 60 {
            // A leap second happens at 23:59:60 UTC only.
            let utc = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
            return utc == 23 * 60 + 59
        }
        return true
    }
}

/// ISO 8601 durations in the grammar of RFC 3339 appendix A: `P3Y6M4DT12H30M5S`, `PT36H`,
/// `P2W`. Units come in order without gaps (`P1Y2D` skips the months and is refused), at least
/// one must follow `P` and `T`, and there are no fractions.
enum DurationFormat {
    static func isDuration(_ text: String) -> Bool {
        var scanner = FormatScanner(text)
        guard scanner.take(UInt8(ascii: "P")), let dateUnits = readUnits(&scanner) else {
            return false
        }
        if dateUnits == Array("W".utf8) { return scanner.atEnd }
        guard isRun(dateUnits, of: "YMD") else { return false }
        if scanner.atEnd { return !dateUnits.isEmpty }
        guard scanner.take(UInt8(ascii: "T")), let timeUnits = readUnits(&scanner),
              !timeUnits.isEmpty, isRun(timeUnits, of: "HMS")
        else { return false }
        return scanner.atEnd
    }

    /// The unit letters of `<digits><letter>` pairs up to a `T` or the end; nil when digits
    /// are not followed by a letter.
    private static func readUnits(_ scanner: inout FormatScanner) -> [UInt8]? {
        var units: [UInt8] = []
        while scanner.someDigits() > 0 {
            guard let unit = scanner.peek(), (65...90).contains(unit), unit != UInt8(ascii: "T")
            else { return nil }
            scanner.position += 1
            units.append(unit)
        }
        return units
    }

    /// True when `units` are consecutive letters of `order`, in that order.
    private static func isRun(_ units: [UInt8], of order: String) -> Bool {
        let letters = Array(order.utf8)
        var previous: Int?
        for unit in units {
            guard let position = letters.firstIndex(of: unit) else { return false }
            if let previous, position != previous + 1 { return false }
            previous = position
        }
        return true
    }
}
