/// The one way hubsh reads a length of time, for retentions and for waits alike: numbers with
/// units, one after another, such as `500ms`, `90s`, `1.5m`, `36h`, `1d12h`, `1m30s` or `1w`.
///
///     DurationText.millis("1d12h")                  // .success(129_600_000)
///     DurationText.millis("2.5", bareUnit: 1000)    // .success(2_500): waits take seconds
///     DurationText.millis("1e9s")                   // .failure(.notADuration)
///
/// Units are `ms`, `s`, `m` (minutes), `h`, `d` and `w`, in either case. Each number is ASCII
/// digits with at most one `.` that has digits after it (`.5` is half); hex, exponents, signs,
/// spaces, `inf` and `nan` are not durations. Parts of a millisecond are dropped. A number
/// without a unit is allowed only alone, and only when the caller gives it a unit
/// (`bareUnit`).
public enum DurationText {
    public enum Problem: Error, Sendable, Equatable {
        /// Not numbers with units.
        case notADuration
        /// Well formed, but more milliseconds than an `Int64` holds.
        case overflow
    }

    /// The milliseconds `text` stands for, or why it stands for none.
    public static func millis(_ text: String, bareUnit: Int64? = nil) -> Result<Int64, Problem> {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return .failure(.notADuration) }
        var total: Int64 = 0
        var index = 0
        while index < bytes.count {
            let numberStart = index
            while index < bytes.count, isDigit(bytes[index]) || bytes[index] == dot { index += 1 }
            let unitStart = index
            while index < bytes.count, isLetter(bytes[index]) { index += 1 }
            let number = bytes[numberStart..<unitStart]
            let unitText = String(decoding: bytes[unitStart..<index], as: UTF8.self).lowercased()
            let unit: Int64
            if unitText.isEmpty {
                // A bare number stands alone: `90` may mean seconds, `1m30` means nothing.
                guard let bareUnit, numberStart == 0, index == bytes.count else {
                    return .failure(.notADuration)
                }
                unit = bareUnit
            } else {
                guard let known = units[unitText] else { return .failure(.notADuration) }
                unit = known
            }
            switch part(number, unit: unit) {
            case .success(let millis):
                let (sum, overflow) = total.addingReportingOverflow(millis)
                if overflow { return .failure(.overflow) }
                total = sum
            case .failure(let problem):
                return .failure(problem)
            }
        }
        return .success(total)
    }

    /// `number` (digits, perhaps with one fraction) times `unit` milliseconds.
    private static func part(_ number: ArraySlice<UInt8>, unit: Int64) -> Result<Int64, Problem> {
        let pieces = number.split(separator: dot, omittingEmptySubsequences: false)
        // `.5` reads as `0.5`, as `sleep .5` does in other shells; `5.` and `.` are typos.
        guard pieces.count <= 2, !pieces[pieces.count - 1].isEmpty,
              pieces.count == 2 || !pieces[0].isEmpty
        else { return .failure(.notADuration) }
        var whole: Int64 = 0
        for digit in pieces[0] {
            let (times, overflow) = whole.multipliedReportingOverflow(by: 10)
            let (sum, sumOverflow) = times.addingReportingOverflow(Int64(digit - zero))
            if overflow || sumOverflow { return .failure(.overflow) }
            whole = sum
        }
        let (product, overflow) = whole.multipliedReportingOverflow(by: unit)
        if overflow { return .failure(.overflow) }
        var millis = product
        if pieces.count == 2 {
            // Only as many fraction digits as still add whole milliseconds matter.
            var scale = unit
            for digit in pieces[1] {
                scale /= 10
                if scale == 0 { break }
                millis += Int64(digit - zero) * scale
            }
        }
        return .success(millis)
    }

    private static let units: [String: Int64] = [
        "ms": 1, "s": 1000, "m": 60_000, "h": 3_600_000, "d": 86_400_000, "w": 604_800_000,
    ]
    private static let dot = UInt8(ascii: ".")
    private static let zero = UInt8(ascii: "0")

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= zero && byte <= UInt8(ascii: "9")
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }
}
