/// Retention periods as people write them: `30m`, `36h`, `7d`, or combinations like `1d12h`.
public enum Retention {
    /// Milliseconds for text such as `30m`, `36h`, `7d` or `1d12h`; nil if it is not one.
    public static func parse(_ text: String) -> Int64? {
        var total: Int64 = 0
        var number: Int64? = nil
        var sawUnit = false
        for character in text.lowercased() {
            if let digit = character.wholeNumberValue, character.isASCII {
                let (times, overflow1) = (number ?? 0).multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times.addingReportingOverflow(Int64(digit))
                guard !overflow1, !overflow2 else { return nil }
                number = sum
                continue
            }
            let unit: Int64
            switch character {
            case "s": unit = 1000
            case "m": unit = 60_000
            case "h": unit = 3_600_000
            case "d": unit = 86_400_000
            case "w": unit = 7 * 86_400_000
            default: return nil
            }
            guard let value = number else { return nil }
            let (product, overflow) = value.multipliedReportingOverflow(by: unit)
            let (sum, sumOverflow) = total.addingReportingOverflow(product)
            guard !overflow, !sumOverflow else { return nil }
            total = sum
            number = nil
            sawUnit = true
        }
        guard number == nil, sawUnit else { return nil }
        return total
    }

    /// The shortest exact text for a retention: `7d`, `36h`, `90m`, `1d12h`.
    public static func format(_ millis: Int64) -> String {
        var rest = millis
        var text = ""
        for (unit, suffix) in [(86_400_000 as Int64, "d"), (3_600_000, "h"), (60_000, "m"),
                               (1000, "s")] where rest >= unit {
            text += "\(rest / unit)\(suffix)"
            rest %= unit
        }
        if rest > 0 || text.isEmpty { text += "\(rest)ms" }
        return text
    }
}

/// Byte sizes as people write them: `1048576`, `256KiB`, `1MiB`, `512KB`, `1M`.
public enum ByteSize {
    public static func parse(_ text: String) -> Int? {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard let value = Int(digits) else { return nil }
        let unit = text.dropFirst(digits.count).lowercased()
        let multiplier: Int
        switch unit {
        case "", "b": multiplier = 1
        case "k", "kb", "kib": multiplier = 1024
        case "m", "mb", "mib": multiplier = 1_048_576
        default: return nil
        }
        let (product, overflow) = value.multipliedReportingOverflow(by: multiplier)
        return overflow ? nil : product
    }

    /// `1.0 MiB`, `512 B`: for people, not scripts.
    public static func format(_ bytes: Int64) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        let units = ["KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes) / 1024
        var index = 0
        while value >= 1024 && index < units.count - 1 {
            value /= 1024
            index += 1
        }
        let rounded = (value * 10).rounded() / 10
        return "\(rounded) \(units[index])"
    }
}
