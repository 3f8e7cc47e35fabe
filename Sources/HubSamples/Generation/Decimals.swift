import HubCore

/// Decimal numbers written with a fixed number of places, the way amounts and readings are
/// published: `129.95`, `-4.50`, `51.92250`. JSON keeps the literal, trailing zeros included.
enum Decimals {
    /// `value` rounded to `places` decimals.
    static func json(_ value: Double, places: Int) -> JSONValue {
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        return json(scaled: Int64((value * Double(scale)).rounded()), places: places)
    }

    /// An amount of money from its minor units: 12950 cents is `129.50`.
    static func money(cents: Int64) -> JSONValue {
        json(scaled: cents, places: 2)
    }

    /// `scaled` divided by 10^places, written exactly.
    static func json(scaled: Int64, places: Int) -> JSONValue {
        let sign = scaled < 0 ? "-" : ""
        let magnitude = scaled.magnitude
        guard places > 0 else { return .number(sign + String(magnitude)) }
        var scale: UInt64 = 1
        for _ in 0..<places { scale *= 10 }
        let fraction = String(magnitude % scale)
        let padding = String(repeating: "0", count: places - fraction.count)
        return .number(sign + String(magnitude / scale) + "." + padding + fraction)
    }
}
