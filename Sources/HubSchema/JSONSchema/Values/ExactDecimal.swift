/// A JSON number held exactly as `significand × 10^exponent`, read from its literal text.
///
/// JSON numbers are decimal, and schema keywords such as `multipleOf: 0.01` or
/// `maximum: 9007199254740993` only mean what they say when nothing is rounded through `Double`.
/// The value is normalised on reading: no leading or trailing zeros in the significand, so
/// `1.0`, `1` and `10e-1` are the same value and `1.0` is an integer.
///
///     ExactDecimal("19.99")!.isMultiple(of: ExactDecimal("0.01")!)  // true
struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The significant digits, without leading or trailing zeros.
    enum Significand: Sendable, Hashable {
        /// At most 19 digits, as an integer.
        case small(UInt64)
        /// More digits than a `UInt64` holds, one decimal digit (0-9) an element.
        case large([UInt8])
    }

    /// Exponents are clamped to this size, far past anything a comparison can tell apart.
    static let exponentLimit = 1_000_000_000_000_000

    var isNegative: Bool
    var significand: Significand
    var exponent: Int
    /// The number of significant digits; 0 for zero.
    var digitCount: Int

    static let zero = ExactDecimal(isNegative: false, significand: .small(0), exponent: 0,
                                   digitCount: 0)

    private init(isNegative: Bool, significand: Significand, exponent: Int, digitCount: Int) {
        self.isNegative = isNegative
        self.significand = significand
        self.exponent = exponent
        self.digitCount = digitCount
    }

    init(_ value: Int) {
        self = ExactDecimal(String(value))!
    }

    /// Reads a JSON number literal such as `-12.50e3`; nil when the text is not one.
    init?(_ literal: String) {
        var reader = LiteralReader()
        var utf8 = literal.utf8.makeIterator()
        guard let value = reader.read(&utf8) else { return nil }
        self = value
    }

    var isZero: Bool { digitCount == 0 }

    /// True for whole numbers, including `1.0` and `1e300`.
    var isInteger: Bool { isZero || exponent >= 0 }

    /// The value as an `Int` when it is a whole number that fits.
    var intValue: Int? {
        guard isInteger, digitCount + exponent <= 18 else { return nil }
        guard case .small(let value) = significand else { return nil }
        var result = Int(value)
        for _ in 0..<max(exponent, 0) { result *= 10 }
        return isNegative ? -result : result
    }

    /// The digits most significant first.
    var digits: [UInt8] {
        switch significand {
        case .large(let digits): return digits
        case .small(let value): return ExactDecimal.decimalDigits(of: value)
        }
    }

    /// The decimal digits of `value`, most significant first; empty for zero.
    static func decimalDigits(of value: UInt64) -> [UInt8] {
        var out: [UInt8] = []
        var rest = value
        while rest > 0 {
            out.append(UInt8(rest % 10))
            rest /= 10
        }
        return out.reversed()
    }

    /// A text equal for equal values and different otherwise: `-125e-2` for `-1.250`.
    var canonicalText: String {
        if isZero { return "0" }
        var text = isNegative ? "-" : ""
        switch significand {
        case .small(let value): text += String(value)
        case .large(let digits): text += String(decoding: digits.map { $0 + 48 }, as: UTF8.self)
        }
        if exponent != 0 { text += "e" + String(exponent) }
        return text
    }

    var description: String { canonicalText }

    /// The same value with the opposite sign.
    var negated: ExactDecimal {
        var copy = self
        if !isZero { copy.isNegative.toggle() }
        return copy
    }

    // MARK: - Comparing

    static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        compare(lhs, rhs) < 0
    }

    /// -1, 0 or 1 as `lhs` is less than, equal to or greater than `rhs`.
    static func compare(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> Int {
        let lhsSign = lhs.isZero ? 0 : (lhs.isNegative ? -1 : 1)
        let rhsSign = rhs.isZero ? 0 : (rhs.isNegative ? -1 : 1)
        if lhsSign != rhsSign { return lhsSign < rhsSign ? -1 : 1 }
        if lhsSign == 0 { return 0 }
        let magnitude = compareMagnitude(lhs, rhs)
        return lhsSign > 0 ? magnitude : -magnitude
    }

    /// Compares absolute values: first the position of the leading digit, then the digits.
    static func compareMagnitude(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> Int {
        let lhsLead = lhs.digitCount + lhs.exponent
        let rhsLead = rhs.digitCount + rhs.exponent
        if lhsLead != rhsLead { return lhsLead < rhsLead ? -1 : 1 }
        if case .small(var left) = lhs.significand, case .small(var right) = rhs.significand {
            // Same leading position: scale the shorter one to the longer one's length.
            if lhs.digitCount < rhs.digitCount {
                left *= powerOfTen(rhs.digitCount - lhs.digitCount)
            } else if rhs.digitCount < lhs.digitCount {
                right *= powerOfTen(lhs.digitCount - rhs.digitCount)
            }
            return left == right ? 0 : (left < right ? -1 : 1)
        }
        let left = lhs.digits
        let right = rhs.digits
        for index in 0..<max(left.count, right.count) {
            let a = index < left.count ? left[index] : 0
            let b = index < right.count ? right[index] : 0
            if a != b { return a < b ? -1 : 1 }
        }
        return 0
    }

    static func powerOfTen(_ power: Int) -> UInt64 {
        var result: UInt64 = 1
        for _ in 0..<power { result *= 10 }
        return result
    }

    // MARK: - Divisibility

    /// True when `self / divisor` is a whole number; `divisor` must be greater than zero.
    ///
    /// With `self = a × 10^e` and `divisor = b × 10^f` (a, b without trailing zeros), the
    /// quotient is whole only if `e >= f` and `b` divides `a × 10^(e - f)`. Powers of ten past
    /// the count of twos and fives in `b` change nothing, so the shift is capped by `b`'s
    /// length.
    func isMultiple(of divisor: ExactDecimal) -> Bool {
        if isZero { return true }
        guard !divisor.isZero else { return false }
        let shift = exponent - divisor.exponent
        guard shift >= 0 else { return false }
        let effectiveShift = min(shift, 4 * divisor.digitCount)

        if case .small(let modulus) = divisor.significand, modulus <= 1_000_000_000_000_000_000 {
            var remainder: UInt64
            switch significand {
            case .small(let value): remainder = value % modulus
            case .large(let digits):
                remainder = 0
                for digit in digits { remainder = (remainder * 10 + UInt64(digit)) % modulus }
            }
            for _ in 0..<effectiveShift { remainder = (remainder * 10) % modulus }
            return remainder == 0
        }
        var dividend = digits
        dividend.append(contentsOf: repeatElement(0, count: effectiveShift))
        return DecimalDigits.remainder(dividend, divisor.digits).isEmpty
    }
}

/// Reads a JSON number literal byte by byte into an `ExactDecimal`.
private struct LiteralReader {
    var small: UInt64 = 0
    var large: [UInt8]?
    var digitCount = 0
    var pendingZeros = 0
    var fractionDigits = 0

    mutating func push(_ digit: UInt8) {
        if digitCount == 0 && digit == 0 { return }
        if digit == 0 {
            pendingZeros += 1
            return
        }
        let needed = digitCount + pendingZeros + 1
        if large == nil && needed <= 19 {
            small = small * ExactDecimal.powerOfTen(pendingZeros + 1) + UInt64(digit)
        } else {
            if large == nil {
                large = ExactDecimal.decimalDigits(of: small)
            }
            large!.append(contentsOf: repeatElement(0, count: pendingZeros))
            large!.append(digit)
        }
        digitCount = needed
        pendingZeros = 0
    }

    mutating func read(_ bytes: inout String.UTF8View.Iterator) -> ExactDecimal? {
        var next = bytes.next()
        var negative = false
        if next == UInt8(ascii: "-") {
            negative = true
            next = bytes.next()
        }
        var integerDigits = 0
        while let byte = next, (48...57).contains(byte) {
            push(byte - 48)
            integerDigits += 1
            next = bytes.next()
        }
        guard integerDigits > 0 else { return nil }
        if next == UInt8(ascii: ".") {
            next = bytes.next()
            var seen = 0
            while let byte = next, (48...57).contains(byte) {
                push(byte - 48)
                fractionDigits += 1
                seen += 1
                next = bytes.next()
            }
            guard seen > 0 else { return nil }
        }
        var literalExponent = 0
        if next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
            next = bytes.next()
            var exponentNegative = false
            if next == UInt8(ascii: "+") || next == UInt8(ascii: "-") {
                exponentNegative = next == UInt8(ascii: "-")
                next = bytes.next()
            }
            var seen = 0
            while let byte = next, (48...57).contains(byte) {
                if literalExponent < ExactDecimal.exponentLimit {
                    literalExponent = literalExponent * 10 + Int(byte - 48)
                }
                seen += 1
                next = bytes.next()
            }
            guard seen > 0 else { return nil }
            if exponentNegative { literalExponent = -literalExponent }
        }
        guard next == nil else { return nil }
        if digitCount == 0 { return .zero }
        let exponent = literalExponent - fractionDigits + pendingZeros
        let significand: ExactDecimal.Significand = large.map { .large($0) } ?? .small(small)
        return ExactDecimal(negative: negative, significand: significand, exponent: exponent,
                            digitCount: digitCount)
    }
}

extension ExactDecimal {
    fileprivate init(negative: Bool, significand: Significand, exponent: Int, digitCount: Int) {
        self.init(isNegative: negative, significand: significand, exponent: exponent,
                  digitCount: digitCount)
    }
}

/// Schoolbook arithmetic on decimal digit arrays, for divisors too long for a `UInt64`.
enum DecimalDigits {
    /// `dividend mod divisor`, digits most significant first; empty means zero.
    static func remainder(_ dividend: [UInt8], _ divisor: [UInt8]) -> [UInt8] {
        var remainder: [UInt8] = []
        for digit in dividend {
            if !(remainder.isEmpty && digit == 0) { remainder.append(digit) }
            while compare(remainder, divisor) >= 0 {
                remainder = subtract(remainder, divisor)
            }
        }
        return remainder
    }

    static func compare(_ lhs: [UInt8], _ rhs: [UInt8]) -> Int {
        if lhs.count != rhs.count { return lhs.count < rhs.count ? -1 : 1 }
        for (a, b) in zip(lhs, rhs) where a != b { return a < b ? -1 : 1 }
        return 0
    }

    /// `lhs - rhs` for `lhs >= rhs`, without leading zeros.
    static func subtract(_ lhs: [UInt8], _ rhs: [UInt8]) -> [UInt8] {
        var result = lhs
        var borrow = 0
        var index = result.count - 1
        var rhsIndex = rhs.count - 1
        while index >= 0 {
            var value = Int(result[index]) - borrow - (rhsIndex >= 0 ? Int(rhs[rhsIndex]) : 0)
            borrow = value < 0 ? 1 : 0
            if value < 0 { value += 10 }
            result[index] = UInt8(value)
            index -= 1
            rhsIndex -= 1
        }
        let firstNonZero = result.firstIndex { $0 != 0 } ?? result.count
        return Array(result[firstNonZero...])
    }
}
