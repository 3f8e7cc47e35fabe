/// Durations for waits and timeouts, as people write them: `500ms`, `5s`, `1.5m`, `2h`, `1d`,
/// or a plain number of seconds (`0.5`).
///
///     Duration.parse("1.5m")   // .success(90_000) milliseconds
///     Duration.parse("0x10")   // .failure(.notADuration)
///     Duration.parse("8d")     // .failure(.tooLong)
///
/// The grammar is strict on purpose: ASCII digits, at most one `.` with digits on both sides,
/// then an optional unit. Hex, exponents, signs, `inf` and `nan` are not durations. Parts of a
/// millisecond are dropped. Nothing longer than `Duration.maximum` is accepted, so no amount of
/// digits can overflow.
public enum Duration {
    /// The longest duration accepted: 7 days, in milliseconds.
    public static let maximum: Int64 = 7 * 86_400_000

    /// How `maximum` is written in messages.
    public static let maximumText = "7d"

    /// Why text is not an acceptable duration.
    public enum Problem: Error, Sendable, Equatable {
        /// Not of the form NUMBER or NUMBER+UNIT.
        case notADuration
        /// Well formed, but longer than `Duration.maximum`.
        case tooLong
    }

    /// The milliseconds `text` stands for, or why it stands for none.
    public static func parse(_ text: String) -> Result<Int64, Problem> {
        let bytes = Array(text.utf8)
        let numberEnd = bytes.firstIndex { !isDigit($0) && $0 != UInt8(ascii: ".") } ?? bytes.count
        guard let unit = unitMillis(bytes[numberEnd...]) else { return .failure(.notADuration) }

        let number = bytes[..<numberEnd]
        let parts = number.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty }) else {
            return .failure(.notADuration)
        }

        // The whole part alone decides "too long" before any multiplication could overflow.
        var whole: Int64 = 0
        for digit in parts[0] {
            whole = whole * 10 + Int64(digit - UInt8(ascii: "0"))
            if whole > maximum / unit { return .failure(.tooLong) }
        }
        var millis = whole * unit

        // Only as many fraction digits as can still add whole milliseconds matter.
        if parts.count == 2 {
            var scale = unit
            for digit in parts[1] {
                scale /= 10
                if scale == 0 { break }
                millis += Int64(digit - UInt8(ascii: "0")) * scale
            }
        }
        return millis > maximum ? .failure(.tooLong) : .success(millis)
    }

    /// The message for text given as `name` (a command or a flag) that `parse` refused.
    public static func message(_ problem: Problem, name: String, text: String) -> String {
        switch problem {
        case .notADuration:
            return "\(name) needs a duration such as 500ms, 5s, 2m or 1h (durations go up to"
                + " \(maximumText)), not '\(text)'"
        case .tooLong:
            return "\(name) '\(text)' is too long; durations go up to \(maximumText)"
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// Milliseconds per unit; no unit means seconds.
    private static func unitMillis(_ unit: ArraySlice<UInt8>) -> Int64? {
        switch String(decoding: unit, as: UTF8.self) {
        case "ms": return 1
        case "", "s": return 1000
        case "m": return 60_000
        case "h": return 3_600_000
        case "d": return 86_400_000
        default: return nil
        }
    }
}
