import Foundation
import HubCore

/// The `--json` shapes that scripts rely on. Partition ids are strings, as in Event Hubs.
enum EventJSON {
    /// A published event: `{"partition","sequenceNumber","offset","enqueuedTime"}`.
    static func published(_ metadata: EventMetadata) -> JSONValue {
        .object([
            ("partition", .string(String(metadata.partition))),
            ("sequenceNumber", .int(metadata.sequenceNumber)),
            ("offset", .int(metadata.offset)),
            ("enqueuedTime", .string(Timestamp.format(metadata.enqueuedTime))),
        ])
    }

    /// A read event: the published fields plus key, properties, content type and the body, as
    /// `body` when it is UTF-8 text and as `bodyBase64` when it is not.
    static func received(_ event: ReceivedEvent, hub: String? = nil) -> JSONValue {
        guard case .object(var members) = published(event.metadata) else { return .null }
        if let hub { members.insert(("hub", .string(hub)), at: 0) }
        members.append(("partitionKey", event.data.partitionKey.map { .string($0) } ?? .null))
        members.append(("properties", .object(event.data.properties.map { ($0.0, $0.1.json) })))
        members.append(("contentType", event.data.contentType.map { .string($0) } ?? .null))
        if let text = BodyText.utf8(event.data.body) {
            members.append(("body", .string(text)))
        } else {
            members.append(("bodyBase64", .string(Base64.encode(event.data.body))))
        }
        return .object(members)
    }

    /// A checkpoint or lag row.
    static func progress(_ progress: ConsumerProgress) -> JSONValue {
        let checkpoint = progress.checkpoint
        var members: [(String, JSONValue)] = [
            ("hub", .string(progress.hub)),
            ("group", .string(progress.group)),
            ("partition", .string(String(progress.partition))),
            ("sequenceNumber", checkpoint.map { .int($0.sequenceNumber) } ?? .null),
            ("offset", checkpoint.map { .int($0.offset) } ?? .null),
            ("updatedAt", checkpoint.map { .string(Timestamp.format($0.updatedAt)) } ?? .null),
            ("lastSequenceNumber", .int(progress.state.lastSequenceNumber)),
            ("lag", .int(progress.lag)),
        ]
        if let owner = checkpoint?.owner { members.append(("owner", .string(owner))) }
        return .object(members)
    }
}

/// Bodies as text when they are text.
enum BodyText {
    /// The body as a String when it is valid UTF-8 without NUL bytes; nil otherwise.
    static func utf8(_ body: [UInt8]) -> String? {
        if body.contains(0) { return nil }
        return String(validating: body, as: UTF8.self)
    }

    /// The body as text to print for a person, when it is printable UTF-8: valid UTF-8 whose
    /// only control characters are tabs and line breaks (`\n`, or `\r\n`). Every other body,
    /// text with an escape or NUL byte included, is shown by `binary` instead: one rule for
    /// `read`, `tail`, `consume` and `deadletter list`, so the same bytes always look the same.
    static func printable(_ body: [UInt8]) -> String? {
        for (index, byte) in body.enumerated() where byte < 0x20 || byte == 0x7F {
            switch byte {
            case 0x09, 0x0A: continue
            case 0x0D where index + 1 < body.count && body[index + 1] == 0x0A: continue
            default: return nil
            }
        }
        guard let text = String(validating: body, as: UTF8.self) else { return nil }
        // C1 controls (U+0080-U+009F) are valid UTF-8 but act as controls on some terminals.
        guard !text.unicodeScalars.contains(where: { (0x80..<0xA0).contains($0.value) }) else {
            return nil
        }
        return text
    }

    /// `<3 bytes binary> 02 78 00`: a body that is not printable UTF-8, for a person.
    static func binary(_ body: [UInt8]) -> String {
        "<\(body.count) byte\(body.count == 1 ? "" : "s") binary> \(hex(body))"
    }

    /// `00 ff 0a`: for showing binary bodies to a person.
    static func hex(_ body: [UInt8], limit: Int = 64) -> String {
        let shown = body.prefix(limit).map { byte -> String in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }
        return shown.joined(separator: " ") + (body.count > limit ? " …" : "")
    }

    /// Bytes from hex text such as `00ff0a` or `00 FF 0A`; nil when it is not hex.
    static func bytes(hex text: String) -> [UInt8]? {
        let digits = text.unicodeScalars.filter { $0 != " " && $0 != "\t" }
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var high: UInt8? = nil
        for scalar in digits {
            guard let value = UInt8(String(scalar), radix: 16) else { return nil }
            if let first = high {
                bytes.append(first << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        return bytes
    }
}

/// Base64 through Foundation, in the standard alphabet with padding.
enum Base64 {
    static func encode(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }

    static func decode(_ text: String) -> [UInt8]? {
        Data(base64Encoded: text, options: .ignoreUnknownCharacters).map { [UInt8]($0) }
    }
}
