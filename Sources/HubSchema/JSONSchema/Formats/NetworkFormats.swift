/// `ipv4` and `ipv6`: RFC 2673 dotted quads and RFC 4291 section 2.2 text forms.
enum IPAddressFormat {
    /// Four decimal parts 0-255 without leading zeros: `192.168.0.1`.
    static func isIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        return parts.allSatisfy { part in
            guard (1...3).contains(part.utf8.count),
                  part.utf8.allSatisfy({ (48...57).contains($0) }),
                  part == "0" || !part.hasPrefix("0"),
                  let value = Int(part)
            else { return false }
            return value <= 255
        }
    }

    /// Eight groups of 1-4 hex digits, one `::` standing for one or more zero groups, and an
    /// optional dotted quad as the last two groups: `::ffff:192.0.2.1`. No zone index.
    static func isIPv6(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 < 0x80 }) else { return false }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        var groupCount = 0
        for (index, half) in halves.enumerated() {
            if half.isEmpty { continue }
            let groups = half.split(separator: ":", omittingEmptySubsequences: false)
            for (position, group) in groups.enumerated() {
                let isLast = index == halves.count - 1 && position == groups.count - 1
                if isLast && group.contains(".") {
                    guard isIPv4(String(group)) else { return false }
                    groupCount += 2
                    continue
                }
                guard (1...4).contains(group.utf8.count),
                      group.utf8.allSatisfy({ SchemaURI.hexValue($0) != nil })
                else { return false }
                groupCount += 1
            }
        }
        return halves.count == 2 ? groupCount <= 7 : groupCount == 8
    }
}

/// `hostname`: RFC 1123 host names. Labels of 1-63 letters, digits and hyphens, not starting
/// or ending with a hyphen, at most 253 characters in all. `--` in the third and fourth place
/// is reserved for IDNA A-labels (`xn--`); their Punycode is not decoded.
enum HostnameFormat {
    static func isHostname(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 253 else { return false }
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            let bytes = Array(label.utf8)
            guard (1...63).contains(bytes.count),
                  bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-"),
                  bytes.allSatisfy({ isLetterOrDigit($0) || $0 == UInt8(ascii: "-") })
            else { return false }
            if bytes.count >= 4, bytes[2] == UInt8(ascii: "-"), bytes[3] == UInt8(ascii: "-") {
                return label.lowercased().hasPrefix("xn--") && bytes.count > 4
            }
            return true
        }
    }

    static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
    }
}

/// `email`: an RFC 5321 mailbox. The local part is a dot-atom or a quoted string of at most 64
/// octets; the domain is a host name or an address literal (`[192.0.2.1]`, `[IPv6:::1]`).
enum EmailFormat {
    static let atomSymbols = Set("!#$%&'*+-/=?^_`{|}~".utf8)

    static func isEmail(_ text: String) -> Bool {
        guard let at = text.lastIndex(of: "@") else { return false }
        let local = text[..<at]
        let domain = String(text[text.index(after: at)...])
        guard !local.isEmpty, local.utf8.count <= 64, isLocalPart(Array(local.utf8)) else {
            return false
        }
        if domain.hasPrefix("[") && domain.hasSuffix("]") {
            let literal = String(domain.dropFirst().dropLast())
            if literal.hasPrefix("IPv6:") {
                return IPAddressFormat.isIPv6(String(literal.dropFirst(5)))
            }
            return IPAddressFormat.isIPv4(literal)
        }
        return HostnameFormat.isHostname(domain)
    }

    private static func isLocalPart(_ bytes: [UInt8]) -> Bool {
        if bytes.first == UInt8(ascii: "\"") {
            guard bytes.count >= 2, bytes.last == UInt8(ascii: "\"") else { return false }
            var index = 1
            while index < bytes.count - 1 {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\") {
                    guard index + 1 < bytes.count - 1, (32...126).contains(bytes[index + 1]) else {
                        return false
                    }
                    index += 2
                    continue
                }
                guard (32...126).contains(byte), byte != UInt8(ascii: "\"") else { return false }
                index += 1
            }
            return true
        }
        let atoms = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return atoms.allSatisfy { atom in
            !atom.isEmpty && atom.allSatisfy {
                HostnameFormat.isLetterOrDigit($0) || atomSymbols.contains($0)
            }
        }
    }
}
