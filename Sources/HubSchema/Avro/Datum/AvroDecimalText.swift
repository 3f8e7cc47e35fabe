/// Exact decimal arithmetic on number text, for whole numbers (`int`, `long`) and the `decimal`
/// logical type; no value passes through Double, so `9007199254740993` stays exact.
struct AvroDecimalText {
    var negative: Bool
    /// Decimal digits, most significant first, without leading zeros (empty for zero).
    var digits: [UInt8]
    /// The value is `digits × 10^exponent`.
    var exponent: Int

    /// Reads `-12.5`, `3e2`, `0.125E-1` and the like (JSON number syntax, leading zeros allowed);
    /// nil for anything else.
    init?(_ text: String) {
        var bytes = Substring(text).utf8[...]
        negative = bytes.first == UInt8(ascii: "-")
        if negative || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        var all: [UInt8] = []
        var fractionCount = 0
        var seenPoint = false
        var seenDigit = false
        while let byte = bytes.first, byte != UInt8(ascii: "e"), byte != UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if byte == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
                continue
            }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            seenDigit = true
            all.append(byte - UInt8(ascii: "0"))
            if seenPoint { fractionCount += 1 }
        }
        guard seenDigit else { return nil }
        var power = 0
        if !bytes.isEmpty {
            guard let value = Int(String(decoding: bytes.dropFirst(), as: UTF8.self)),
                abs(value) < 100_000
            else { return nil }
            power = value
        }
        let firstNonZero = all.firstIndex { $0 != 0 } ?? all.count
        digits = Array(all[firstNonZero...])
        exponent = power - fractionCount
        if digits.isEmpty { negative = false }
    }

    /// The digits of the value scaled by 10^`scale`, or nil when that drops non-zero digits.
    func unscaled(scale: Int) -> [UInt8]? {
        let shift = exponent + scale
        if shift >= 0 { return digits.isEmpty ? [] : digits + Array(repeating: 0, count: shift) }
        let cut = -shift
        guard cut <= digits.count || digits.isEmpty else { return nil }
        if digits.isEmpty { return [] }
        guard digits.suffix(cut).allSatisfy({ $0 == 0 }) else { return nil }
        return Array(digits.dropLast(cut))
    }

    /// The value as an Int64 when it is a whole number in range.
    var wholeNumber: Int64? {
        guard let whole = unscaled(scale: 0), whole.count <= 19 else { return nil }
        var magnitude: UInt64 = 0
        for digit in whole {
            let (times, overflowTimes) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflowSum) = times.addingReportingOverflow(UInt64(digit))
            guard !overflowTimes, !overflowSum else { return nil }
            magnitude = sum
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    var isWhole: Bool { unscaled(scale: 0) != nil }

    // MARK: - Two's complement

    /// Big-endian two's complement of `±digits`, in the fewest bytes (at least one).
    static func twosComplement(negative: Bool, digits: [UInt8]) -> [UInt8] {
        var magnitude: [UInt8] = []
        for digit in digits {
            var carry = UInt16(digit)
            for index in magnitude.indices.reversed() {
                let value = UInt16(magnitude[index]) * 10 + carry
                magnitude[index] = UInt8(value & 0xFF)
                carry = value >> 8
            }
            while carry > 0 {
                magnitude.insert(UInt8(carry & 0xFF), at: 0)
                carry >>= 8
            }
        }
        if magnitude.isEmpty { magnitude = [0] }
        if !negative {
            if magnitude[0] & 0x80 != 0 { magnitude.insert(0, at: 0) }
            return magnitude
        }
        var result = magnitude.map { ~$0 }
        var index = result.count - 1
        while true {
            let (sum, overflow) = result[index].addingReportingOverflow(1)
            result[index] = sum
            if !overflow || index == 0 { break }
            index -= 1
        }
        if result[0] & 0x80 == 0 { result.insert(0xFF, at: 0) }
        while result.count > 1, result[0] == 0xFF, result[1] & 0x80 != 0 { result.removeFirst() }
        return result
    }

    /// Decimal text of the big-endian two's complement `bytes` with `scale` digits after the
    /// point, such as `-12.50`.
    static func text(twosComplement bytes: [UInt8], scale: Int) -> String {
        guard let first = bytes.first else { return "0" }
        let negative = first & 0x80 != 0
        var magnitude = negative ? bytes.map { ~$0 } : bytes
        if negative {
            var index = magnitude.count - 1
            while true {
                let (sum, overflow) = magnitude[index].addingReportingOverflow(1)
                magnitude[index] = sum
                if !overflow || index == 0 { break }
                index -= 1
            }
        }
        var digits: [UInt8] = []
        while magnitude.contains(where: { $0 != 0 }) {
            var remainder: UInt16 = 0
            for index in magnitude.indices {
                let value = remainder << 8 | UInt16(magnitude[index])
                magnitude[index] = UInt8(value / 10)
                remainder = value % 10
            }
            digits.append(UInt8(remainder))
        }
        if negative && digits.isEmpty { digits = [0] }
        if digits.count <= scale {
            digits += Array(repeating: 0, count: scale - digits.count + 1)
        }
        var text = negative ? "-" : ""
        for (position, digit) in digits.reversed().enumerated() {
            if position == digits.count - scale { text += "." }
            text.append(Character(Unicode.Scalar(digit + UInt8(ascii: "0"))))
        }
        return text
    }
}
