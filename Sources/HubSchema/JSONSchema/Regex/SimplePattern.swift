/// A fast matcher for the regular expressions most schemas use: a sequence of single-character
/// atoms (literals, classes, `.`, `\d`, `\w`, `\s`) each with an optional quantifier, with
/// optional `^` and `$` anchors, as in `^ORD-[0-9A-HJKMNP-TV-Z]{10}$`.
///
/// It answers whether the pattern matches somewhere in the text with ECMA-262 semantics, by a
/// search over every way to split the text among the atoms (greedy or lazy makes no
/// difference to whether a match exists). Positions that failed are remembered, so the search
/// is linear in text length times pattern length. Anything beyond this subset (groups,
/// alternation, back references, lookaround, `\b`, `\p{...}`) parses to nil and runs on ICU.
struct SimplePattern: Sendable {
    /// One atom: a test on a code point, repeated `minimum...maximum` times.
    struct Atom: Sendable {
        var ranges: [ClosedRange<UInt32>]
        var negated: Bool
        var minimum: Int
        var maximum: Int
        /// Which ASCII code points the atom accepts, as two 64-bit masks (filled by `seal`).
        var asciiLow: UInt64 = 0
        var asciiHigh: UInt64 = 0

        init(ranges: [ClosedRange<UInt32>], negated: Bool, minimum: Int, maximum: Int) {
            self.ranges = ranges
            self.negated = negated
            self.minimum = minimum
            self.maximum = maximum
        }

        /// Precomputes the ASCII masks once the ranges are final.
        mutating func seal() {
            for scalar in UInt32(0)..<128 where acceptsSlowly(scalar) {
                if scalar < 64 {
                    asciiLow |= 1 << UInt64(scalar)
                } else {
                    asciiHigh |= 1 << UInt64(scalar - 64)
                }
            }
        }

        @inline(__always)
        func accepts(_ scalar: UInt32) -> Bool {
            if scalar < 64 { return asciiLow & (1 << UInt64(scalar)) != 0 }
            if scalar < 128 { return asciiHigh & (1 << UInt64(scalar - 64)) != 0 }
            return acceptsSlowly(scalar)
        }

        private func acceptsSlowly(_ scalar: UInt32) -> Bool {
            var found = false
            for range in ranges where range.contains(scalar) {
                found = true
                break
            }
            return found != negated
        }
    }

    private(set) var atoms: [Atom] = []
    private(set) var anchoredAtStart = false
    private(set) var anchoredAtEnd = false
    /// True when every atom has a fixed count, so no search is needed.
    private(set) var isFixed = true

    static let digits: [ClosedRange<UInt32>] = [48...57]
    static let word: [ClosedRange<UInt32>] = [48...57, 65...90, 95...95, 97...122]
    static let whitespace: [ClosedRange<UInt32>] = [
        9...13, 32...32, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A, 0x2028...0x2029,
        0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF,
    ]
    static let lineTerminators: [ClosedRange<UInt32>] = [10...10, 13...13, 0x2028...0x2029]

    /// The matcher for `pattern`, or nil when it uses anything outside the subset.
    init?(_ pattern: String) {
        let scalars = Array(pattern.unicodeScalars)
        var index = 0
        if scalars.first == "^" {
            anchoredAtStart = true
            index = 1
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "$" && index == scalars.count - 1 {
                anchoredAtEnd = true
                break
            }
            guard var atom = Self.atom(scalars, &index) else { return nil }
            guard Self.quantifier(scalars, &index, &atom) else { return nil }
            if atom.minimum != atom.maximum { isFixed = false }
            atom.seal()
            atoms.append(atom)
        }
    }

    private static func atom(_ scalars: [Unicode.Scalar], _ index: inout Int) -> Atom? {
        let scalar = scalars[index]
        index += 1
        switch scalar {
        case ".":
            return Atom(ranges: lineTerminators, negated: true, minimum: 1, maximum: 1)
        case "[":
            return characterClass(scalars, &index)
        case "\\":
            guard index < scalars.count, let (ranges, negated) = escape(scalars[index]) else {
                return nil
            }
            index += 1
            return Atom(ranges: ranges, negated: negated, minimum: 1, maximum: 1)
        case "^", "$", "(", ")", "|", "*", "+", "?", "{", "}", "]":
            return nil
        default:
            return Atom(ranges: [scalar.value...scalar.value], negated: false, minimum: 1,
                        maximum: 1)
        }
    }

    /// `\d`, `\w`, `\s`, their negations, control escapes and escaped syntax characters.
    private static func escape(_ scalar: Unicode.Scalar) -> ([ClosedRange<UInt32>], Bool)? {
        switch scalar {
        case "d": return (digits, false)
        case "D": return (digits, true)
        case "w": return (word, false)
        case "W": return (word, true)
        case "s": return (whitespace, false)
        case "S": return (whitespace, true)
        case "t": return ([9...9], false)
        case "n": return ([10...10], false)
        case "v": return ([11...11], false)
        case "f": return ([12...12], false)
        case "r": return ([13...13], false)
        default:
            guard "^$\\.*+?()[]{}|/-".unicodeScalars.contains(scalar) else { return nil }
            return ([scalar.value...scalar.value], false)
        }
    }

    private static func characterClass(_ scalars: [Unicode.Scalar], _ index: inout Int) -> Atom? {
        var atom = Atom(ranges: [], negated: false, minimum: 1, maximum: 1)
        if index < scalars.count, scalars[index] == "^" {
            atom.negated = true
            index += 1
        }
        var first = true
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "]" {
                index += 1
                return first ? nil : atom
            }
            let memberStart = index
            guard let low = classMember(scalars, &index) else { return nil }
            first = false
            let isClassEscape = scalars[memberStart] == "\\"
                && "dws".unicodeScalars.contains(scalars[memberStart + 1])
            // A range `a-z`; a `-` before `]` or after a class escape (`[\d-x]`) is a literal.
            if !isClassEscape, index + 1 < scalars.count, scalars[index] == "-",
               scalars[index + 1] != "]" {
                index += 1
                guard low.count == 1, let high = classMember(scalars, &index), high.count == 1,
                      low[0].lowerBound <= high[0].lowerBound
                else { return nil }
                atom.ranges.append(low[0].lowerBound...high[0].lowerBound)
            } else {
                atom.ranges.append(contentsOf: low)
            }
        }
        return nil
    }

    /// One literal or escape inside a class; nil for anything the subset does not handle
    /// (negated escapes such as `\D`, which need set subtraction).
    private static func classMember(_ scalars: [Unicode.Scalar], _ index: inout Int)
        -> [ClosedRange<UInt32>]?
    {
        let scalar = scalars[index]
        index += 1
        if scalar == "[" { return nil }
        guard scalar == "\\" else { return [scalar.value...scalar.value] }
        guard index < scalars.count else { return nil }
        let escaped = scalars[index]
        index += 1
        if escaped == "b" { return [8...8] }
        guard let (ranges, negated) = escape(escaped), !negated else { return nil }
        return ranges
    }

    /// Reads `*`, `+`, `?`, `{n}`, `{n,}` or `{n,m}` (and a lazy `?`) after an atom.
    private static func quantifier(_ scalars: [Unicode.Scalar], _ index: inout Int,
                                   _ atom: inout Atom) -> Bool {
        guard index < scalars.count else { return true }
        switch scalars[index] {
        case "*": (atom.minimum, atom.maximum) = (0, Int.max)
        case "+": (atom.minimum, atom.maximum) = (1, Int.max)
        case "?": (atom.minimum, atom.maximum) = (0, 1)
        case "{":
            var cursor = index + 1
            guard let low = number(scalars, &cursor) else { return false }
            var high = low
            if cursor < scalars.count, scalars[cursor] == "," {
                cursor += 1
                high = number(scalars, &cursor) ?? Int.max
            }
            guard cursor < scalars.count, scalars[cursor] == "}", low <= high else {
                return false
            }
            (atom.minimum, atom.maximum) = (low, high)
            index = cursor
        default:
            return true
        }
        index += 1
        if index < scalars.count, scalars[index] == "?" { index += 1 }
        if index < scalars.count, "*+?{".unicodeScalars.contains(scalars[index]) { return false }
        return true
    }

    private static func number(_ scalars: [Unicode.Scalar], _ index: inout Int) -> Int? {
        var value = 0
        let start = index
        while index < scalars.count, scalars[index].isASCIIDigit, value < 1_000_000 {
            value = value * 10 + Int(scalars[index].value - 48)
            index += 1
        }
        return index > start ? value : nil
    }

    // MARK: - Matching

    /// True when the pattern matches some part of `text`.
    func matches(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            var scalars: [UInt32] = []
            scalars.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                scalars.append(Self.decode(bytes, &index))
            }
            return matches(scalars)
        }
    }

    private func matches(_ text: [UInt32]) -> Bool {
        let lastStart = anchoredAtStart ? 0 : text.count
        if isFixed {
            for start in 0...lastStart where matchFixed(text, from: start) { return true }
            return false
        }
        var failed = Set<Int>()
        for start in 0...lastStart where search(text, atom: 0, position: start, &failed) {
            return true
        }
        return false
    }

    private func matchFixed(_ text: [UInt32], from start: Int) -> Bool {
        var position = start
        for atom in atoms {
            guard position + atom.minimum <= text.count else { return false }
            for _ in 0..<atom.minimum {
                guard atom.accepts(text[position]) else { return false }
                position += 1
            }
        }
        return !anchoredAtEnd || position == text.count
    }

    /// Whether atoms from `atom` on can match the text from `position`; failures are
    /// remembered by (atom, position).
    private func search(_ text: [UInt32], atom: Int, position: Int,
                        _ failed: inout Set<Int>) -> Bool {
        if atom == atoms.count { return !anchoredAtEnd || position == text.count }
        let key = atom * (text.count + 1) + position
        if failed.contains(key) { return false }
        let current = atoms[atom]
        var end = position
        while end < text.count, end - position < current.maximum, current.accepts(text[end]) {
            end += 1
        }
        if end - position >= current.minimum {
            for stop in stride(from: end, through: position + current.minimum, by: -1)
            where search(text, atom: atom + 1, position: stop, &failed) {
                return true
            }
        }
        failed.insert(key)
        return false
    }

    /// The code point at `index` in valid UTF-8, advancing past it.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int)
        -> UInt32
    {
        let lead = UInt32(bytes[index])
        index += 1
        if lead < 0x80 { return lead }
        let extra = lead >= 0xF0 ? 3 : (lead >= 0xE0 ? 2 : 1)
        var value = lead & (0x3F >> UInt32(extra))
        for _ in 0..<extra where index < bytes.count {
            value = value << 6 | (UInt32(bytes[index]) & 0x3F)
            index += 1
        }
        return value
    }
}
