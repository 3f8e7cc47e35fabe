/// Numbers for people: thousands separated, durations in the unit that reads best.
enum Figures {
    /// `1,234,567`
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return value < 0 ? "-" + text : text
    }

    /// `85,210` for a rate: whole numbers, grouped; `0.6` below 10, where rounding misleads.
    static func rate(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        if value < 10 && value.rounded() != value { return decimal(value, places: 1) }
        return grouped(Int(value.rounded()))
    }

    /// `12.5`, `0.91`: `places` decimals.
    static func decimal(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        let whole = scaled / Int(scale)
        guard places > 0 else { return String(whole) }
        let fraction = String(abs(scaled) % Int(scale))
        let padded = String(repeating: "0", count: places - fraction.count) + fraction
        let sign = scaled < 0 && whole == 0 ? "-" : ""
        return sign + String(whole) + "." + padded
    }

    /// `1,000,000.0`: `decimal`, with the whole part grouped as `grouped` does, for people
    /// (JSON numbers take `decimal`).
    static func groupedDecimal(_ value: Double, places: Int) -> String {
        let text = decimal(value, places: places)
        guard value.isFinite else { return text }
        let negative = text.hasPrefix("-")
        let unsigned = negative ? text.dropFirst() : Substring(text)
        let point = unsigned.firstIndex(of: ".") ?? unsigned.endIndex
        guard let whole = Int(unsigned[..<point]) else { return text }
        return (negative ? "-" : "") + grouped(whole) + unsigned[point...]
    }

    /// `1 event`, `2,000 events`: a grouped count and its noun, singular for one.
    static func count(_ value: Int, _ singular: String, plural: String? = nil) -> String {
        grouped(value) + " " + (value == 1 ? singular : plural ?? singular + "s")
    }

    /// `850 ns`, `12.3 µs`, `1.25 ms`, `2.10 s`: three significant digits.
    static func duration(nanos: UInt64) -> String {
        let value = Double(nanos)
        if value < 1_000 { return "\(nanos) ns" }
        let (scaled, unit) = value < 1e6 ? (value / 1e3, "µs")
            : value < 1e9 ? (value / 1e6, "ms") : (value / 1e9, "s")
        let places = scaled < 10 ? 2 : scaled < 100 ? 1 : 0
        return decimal(scaled, places: places) + " " + unit
    }
}
