/// The `format` values hubsh checks when formats are asserted. Other names stay annotations.
public enum StringFormat: String, Sendable, CaseIterable {
    case dateTime = "date-time"
    case date
    case time
    case duration
    case email
    case hostname
    case ipv4
    case ipv6
    case uri
    case uriReference = "uri-reference"
    case uuid
    case jsonPointer = "json-pointer"
    case regex

    /// True when `text` is of this format.
    public func isValid(_ text: String) -> Bool {
        switch self {
        case .dateTime: return DateTimeFormat.isDateTime(text)
        case .date: return DateTimeFormat.isDate(text)
        case .time: return DateTimeFormat.isTime(text)
        case .duration: return DurationFormat.isDuration(text)
        case .email: return EmailFormat.isEmail(text)
        case .hostname: return HostnameFormat.isHostname(text)
        case .ipv4: return IPAddressFormat.isIPv4(text)
        case .ipv6: return IPAddressFormat.isIPv6(text)
        case .uri: return URIFormat.isURI(text)
        case .uriReference: return URIFormat.isURIReference(text)
        case .uuid: return Self.isUUID(text)
        case .jsonPointer: return JSONPointer(parsing: text) != nil
        case .regex: return (try? ECMARegex(text)) != nil
        }
    }

    /// `8-4-4-4-12` hexadecimal digits (RFC 4122), any case.
    static func isUUID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else if SchemaURI.hexValue(byte) == nil {
                return false
            }
        }
        return true
    }
}

/// Reads ASCII text byte by byte, for the format checkers.
struct FormatScanner {
    let bytes: [UInt8]
    var position = 0

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    var atEnd: Bool { position >= bytes.count }

    func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func take(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        position += 1
        return true
    }

    /// Exactly `count` decimal digits as a number.
    mutating func digits(_ count: Int) -> Int? {
        guard position + count <= bytes.count else { return nil }
        var value = 0
        for _ in 0..<count {
            let byte = bytes[position]
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
            position += 1
        }
        return value
    }

    /// One or more decimal digits; their count.
    mutating func someDigits() -> Int {
        let start = position
        while let byte = peek(), (48...57).contains(byte) { position += 1 }
        return position - start
    }
}
