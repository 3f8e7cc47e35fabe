/// `uri` and `uri-reference`: RFC 3986 syntax, ASCII only (non-ASCII text is an IRI).
///
/// `uri` requires a scheme; `uri-reference` also takes relative references such as
/// `../a?b#c`. Percent escapes must be complete, and IP literals must be valid IPv6.
enum URIFormat {
    static func isURI(_ text: String) -> Bool {
        var scanner = FormatScanner(text)
        return readScheme(&scanner) && readRest(&scanner, relative: false)
    }

    static func isURIReference(_ text: String) -> Bool {
        var scanner = FormatScanner(text)
        if readScheme(&scanner) { return readRest(&scanner, relative: false) }
        scanner.position = 0
        return readRest(&scanner, relative: true)
    }

    private static let unreserved = Set("-._~".utf8)
    private static let subDelimiters = Set("!$&'()*+,;=".utf8)

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        HostnameFormat.isLetterOrDigit(byte) || unreserved.contains(byte)
    }

    /// `scheme ":"`; false (position unspecified) when there is none.
    private static func readScheme(_ scanner: inout FormatScanner) -> Bool {
        guard let first = scanner.peek(), (65...90).contains(first) || (97...122).contains(first)
        else { return false }
        while let byte = scanner.peek(),
              HostnameFormat.isLetterOrDigit(byte) || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        {
            scanner.position += 1
        }
        return scanner.take(UInt8(ascii: ":"))
    }

    /// Everything after the scheme: hierarchical part, query and fragment.
    private static func readRest(_ scanner: inout FormatScanner, relative: Bool) -> Bool {
        let bytes = scanner.bytes
        let start = scanner.position
        let end = bytes[start...].firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }
            ?? bytes.count
        var path = Array(bytes[start..<end])
        if path.starts(with: Array("//".utf8)) {
            let authorityEnd = path[2...].firstIndex(of: UInt8(ascii: "/")) ?? path.count
            guard isAuthority(Array(path[2..<authorityEnd])) else { return false }
            path = Array(path[authorityEnd...])
        } else if relative, let colon = path.firstIndex(of: UInt8(ascii: ":")),
                  !path[..<colon].contains(UInt8(ascii: "/")) {
            // A relative path's first segment cannot hold ':' (it would read as a scheme).
            return false
        }
        guard path.allSatisfy({ isPathCharacter($0) || $0 == UInt8(ascii: "/") }),
              hasValidEscapes(path)
        else { return false }
        let tail = Array(bytes[end...])
        var seenFragment = false
        for byte in tail {
            if byte == UInt8(ascii: "#") {
                if seenFragment { return false }
                seenFragment = true
                continue
            }
            guard isPathCharacter(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?")
            else { return false }
        }
        return hasValidEscapes(tail)
    }

    private static func isPathCharacter(_ byte: UInt8) -> Bool {
        isUnreserved(byte) || subDelimiters.contains(byte) || byte == UInt8(ascii: ":")
            || byte == UInt8(ascii: "@") || byte == UInt8(ascii: "%")
    }

    private static func hasValidEscapes(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%") {
                guard index + 2 < bytes.count,
                      SchemaURI.hexValue(bytes[index + 1]) != nil,
                      SchemaURI.hexValue(bytes[index + 2]) != nil
                else { return false }
                index += 3
            } else {
                index += 1
            }
        }
        return true
    }

    /// `[userinfo "@"] host [":" port]`.
    private static func isAuthority(_ bytes: [UInt8]) -> Bool {
        var rest = bytes[...]
        if let at = rest.lastIndex(of: UInt8(ascii: "@")) {
            let userinfo = rest[..<at]
            guard userinfo.allSatisfy({
                isUnreserved($0) || subDelimiters.contains($0) || $0 == UInt8(ascii: ":")
                    || $0 == UInt8(ascii: "%")
            }), hasValidEscapes(Array(userinfo)) else { return false }
            rest = rest[(at + 1)...]
        }
        if rest.first == UInt8(ascii: "[") {
            guard let close = rest.firstIndex(of: UInt8(ascii: "]")) else { return false }
            let literal = String(decoding: rest[(rest.startIndex + 1)..<close], as: UTF8.self)
            guard IPAddressFormat.isIPv6(literal) || literal.hasPrefix("v") else { return false }
            rest = rest[(close + 1)...]
        } else {
            let hostEnd = rest.firstIndex(of: UInt8(ascii: ":")) ?? rest.endIndex
            let host = rest[..<hostEnd]
            guard host.allSatisfy({
                isUnreserved($0) || subDelimiters.contains($0) || $0 == UInt8(ascii: "%")
            }), hasValidEscapes(Array(host)) else { return false }
            rest = rest[hostEnd...]
        }
        if rest.isEmpty { return true }
        guard rest.first == UInt8(ascii: ":") else { return false }
        return rest.dropFirst().allSatisfy { (48...57).contains($0) }
    }
}
