/// Identifiers as the company's systems write them.
extension SampleContext {
    /// Crockford's base 32: digits and capitals without I, L, O and U, which people misread.
    static let codeAlphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    static let tokenAlphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz")
    static let hexDigits = Array("0123456789abcdef")

    /// `ORD-7F3K9Q2M4T`: a prefix, a hyphen and `length` characters of Crockford's base 32.
    mutating func code(_ prefix: String, length: Int) -> String {
        prefix + "-" + characters(length, from: SampleContext.codeAlphabet)
    }

    /// `ses-k3q9x0b2m7ad1c5z`: a prefix and lowercase letters and digits, as web trackers
    /// write session and visitor ids.
    mutating func token(_ prefix: String, length: Int) -> String {
        prefix + "-" + characters(length, from: SampleContext.tokenAlphabet)
    }

    /// A random (version 4) UUID in lowercase: `0f8fad5b-d9cb-469f-a165-70867728950e`.
    mutating func uuid() -> String {
        var digits = characters(32, from: SampleContext.hexDigits)
        let version = digits.index(digits.startIndex, offsetBy: 12)
        digits.replaceSubrange(version...version, with: "4")
        let variant = digits.index(digits.startIndex, offsetBy: 16)
        digits.replaceSubrange(variant...variant, with: String(random.pick(Array("89ab"))))
        let groups = [8, 4, 4, 4, 12]
        var parts: [Substring] = []
        var rest = Substring(digits)
        for length in groups {
            parts.append(rest.prefix(length))
            rest = rest.dropFirst(length)
        }
        return parts.joined(separator: "-")
    }

    mutating func characters(_ count: Int, from alphabet: [Character]) -> String {
        var text = ""
        for _ in 0..<count { text.append(random.pick(alphabet)) }
        return text
    }
}

/// `value` in decimal with zeros in front up to `width` digits: `zeroPadded(42, width: 5)` is
/// `00042`.
func zeroPadded(_ value: Int, width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

extension SampleContext {
    /// `AGT-0412`: a support agent or fraud analyst.
    mutating func agentId() -> String {
        "AGT-" + zeroPadded(1 + random.below(400), width: 4)
    }
}

/// FNV-1a of `text`: a hash that, unlike `Hasher`, is the same in every process and release.
func stableHash(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
        hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
    return hash
}
