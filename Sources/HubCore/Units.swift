/// Retention periods as people write them: `30m`, `36h`, `1.5d`, `7d`, or combinations like
/// `1d12h` (see `DurationText`; a retention always names its unit).
public enum Retention {
    /// Milliseconds for text such as `30m`, `36h`, `7d` or `1d12h`; nil if it is not one.
    public static func parse(_ text: String) -> Int64? {
        try? DurationText.millis(text).get()
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
