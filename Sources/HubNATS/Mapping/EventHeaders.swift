import HubCore

/// How an event travels as a NATS message: the body is the event's body, byte for byte;
/// everything else is in headers.
///
/// - `Hubsh-Time`: the enqueued time in milliseconds, set by the publishing hubsh;
/// - `Hubsh-Key`, `Hubsh-Content-Type`: the text, percent-encoded (`%` alone is the empty
///   text), so that any character, control characters included, survives the header line;
/// - `Hubsh-Properties`: `name=Tvalue&...` with each name and value percent-encoded and `T`
///   the type: `s` string, `i` integer, `d` double (Swift's shortest exact text), `b` bool.
enum EventHeaders {
    static let time = "Hubsh-Time"
    static let key = "Hubsh-Key"
    static let contentType = "Hubsh-Content-Type"
    static let properties = "Hubsh-Properties"
    static let messageId = "Nats-Msg-Id"
    static let expectedLastSequence = "Nats-Expected-Last-Sequence"
    static let expectedLastMessageId = "Nats-Expected-Last-Msg-Id"

    /// The headers that carry `event` and its enqueued time.
    static func encode(_ event: EventData, time: Int64) -> [(String, String)] {
        var headers: [(String, String)] = [(EventHeaders.time, String(time))]
        if let key = event.partitionKey { headers.append((EventHeaders.key, escape(key))) }
        if let type = event.contentType {
            headers.append((EventHeaders.contentType, escape(type)))
        }
        if !event.properties.isEmpty {
            let text = event.properties.map { name, value in
                escape(name) + "=" + tagged(value)
            }.joined(separator: "&")
            headers.append((EventHeaders.properties, text))
        }
        return headers
    }

    /// The bytes `headers` take in the message (`NATS/1.0`, one line each, a blank line).
    static func size(of headers: [(String, String)]) -> Int {
        headers.reduce(12) { $0 + $1.0.utf8.count + $1.1.utf8.count + 4 }
    }

    /// Reads an event back from a stored message.
    static func decode(_ message: IncomingMessage, fallbackTime: Int64) throws
        -> (data: EventData, time: Int64)
    {
        var data = EventData(body: Array(message.body))
        data.partitionKey = try message.header(key).map(unescape)
        data.contentType = try message.header(contentType).map(unescape)
        if let text = message.header(properties) {
            data.properties = try decodeProperties(text)
        }
        let time = message.header(EventHeaders.time).flatMap { Int64($0) } ?? fallbackTime
        return (data, time)
    }

    static func decodeProperties(_ text: String) throws -> [(String, PropertyValue)] {
        guard !text.isEmpty else { return [] }
        return try text.split(separator: "&", omittingEmptySubsequences: false).map { pair in
            guard let equals = pair.firstIndex(of: "=") else { throw damaged(text) }
            let name = try unescape(String(pair[..<equals]))
            let tagged = pair[pair.index(after: equals)...]
            guard let tag = tagged.first else { throw damaged(text) }
            let raw = try unescape(String(tagged.dropFirst()))
            switch tag {
            case "s": return (name, .string(raw))
            case "i":
                guard let value = Int64(raw) else { throw damaged(text) }
                return (name, .int(value))
            case "d":
                guard let value = Double(raw) else { throw damaged(text) }
                return (name, .double(value))
            case "b": return (name, .bool(raw == "true"))
            default: throw damaged(text)
            }
        }
    }

    private static func tagged(_ value: PropertyValue) -> String {
        switch value {
        case .string(let text): return "s" + escape(text)
        case .int(let number): return "i" + String(number)
        case .double(let number): return "d" + escape(String(number))
        case .bool(let flag): return "b" + (flag ? "true" : "false")
        }
    }

    // MARK: - Percent encoding

    /// `text` with every byte outside a safe ASCII set written as `%XX`; `%` for "".
    static func escape(_ text: String) -> String {
        if text.isEmpty { return "%" }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in text.utf8 {
            if isSafe(byte) {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func unescape(_ text: String) throws -> String {
        if text == "%" { return "" }
        var out: [UInt8] = []
        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            guard byte == UInt8(ascii: "%") else {
                out.append(byte)
                continue
            }
            guard let high = bytes.next().flatMap(hexValue), let low = bytes.next()
                .flatMap(hexValue)
            else { throw damaged(text) }
            out.append(high << 4 | low)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-._~/:+,;@!*()".utf8.contains(byte)
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }

    private static func damaged(_ text: String) -> HubError {
        .storage("an event header on the NATS cluster is not in hubsh's format: '\(text)'")
    }
}
