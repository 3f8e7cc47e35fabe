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
