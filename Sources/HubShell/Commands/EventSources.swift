import Foundation
import HubCore

/// Turns what `publish` is given (a body, a file of lines, envelopes, hex) into events.
///
/// Every line is checked before anything is published: a bad line is reported with its number and
/// nothing from the file is appended.
struct EventSources {
    /// Defaults from the command line, applied to every event that does not set its own.
    var partitionKey: String?
    var properties: [(String, PropertyValue)] = []
    var contentType: String?

    func event(body: [UInt8]) -> EventData {
        EventData(
            body: body, partitionKey: partitionKey, properties: properties,
            contentType: contentType)
    }

    /// `event` from a sample or a generator, with what the command line gives winning over what
    /// the event sets: the key (none when a partition is given), content type and properties.
    func overriding(_ event: EventData, partitionGiven: Bool) -> EventData {
        var event = event
        if let partitionKey { event.partitionKey = partitionKey }
        if partitionGiven { event.partitionKey = nil }
        if let contentType { event.contentType = contentType }
        for (key, value) in properties {
            event.properties.removeAll { $0.0 == key }
            event.properties.append((key, value))
        }
        return event
    }

    /// The lines of `bytes`: split on LF, a trailing CR dropped, empty lines skipped.
    /// Returns each line with its 1-based line number.
    static func lines(_ bytes: [UInt8]) -> [(number: Int, bytes: ArraySlice<UInt8>)] {
        var lines: [(Int, ArraySlice<UInt8>)] = []
        var start = 0
        var number = 1
        for index in 0...bytes.count {
            guard index == bytes.count || bytes[index] == 0x0A else { continue }
            var end = index
            if end > start && bytes[end - 1] == 0x0D { end -= 1 }
            if end > start { lines.append((number, bytes[start..<end])) }
            start = index + 1
            number += 1
        }
        return lines
    }

    /// Reads a whole file (`-` is standard input) with a one-line error when it cannot.
    ///
    /// Pipes, FIFOs and `/dev/fd/N` work. Ctrl-C during the read stops the command (the
    /// interactive shell stays up; a script stops with 130).
    static func read(file path: String, context: ShellContext) throws -> [UInt8] {
        // Standard input or a FIFO may wait for a person: what came before is shown first.
        context.output.standardOutput.flush()
        do {
            if path == "-" {
                return try FileReading.readAll(descriptor: 0, shownAs: "standard input")
            }
            return try FileReading.readAll(path: context.resolve(path: path), shownAs: path)
        } catch let error where error.reason == .interrupted {
            throw error
        } catch {
            throw CommandFailure(error.message(calling: "event file"))
        }
    }

    /// One event per line: the line's bytes, or hex decoded when `hex`. Each event is checked
    /// against `hub`'s maximum event size here, so an error names its line.
    func plainEvents(_ bytes: [UInt8], hex: Bool, file: String, hub: HubProperties) throws
        -> (events: [EventData], lines: [Int])
    {
        let lines = EventSources.lines(bytes)
        let events = try lines.map { number, line in
            var body = Array(line)
            if hex {
                guard let decoded = BodyText.bytes(hex: String(decoding: line, as: UTF8.self))
                else {
                    throw CommandFailure(
                        "\(file):\(number): not hex; write bytes as pairs of hex digits like"
                            + " 00ff0a")
                }
                body = decoded
            }
            let made = event(body: body)
            try EventSources.checkSize(made, hub: hub, file: file, line: number)
            return made
        }
        return (events, lines.map(\.number))
    }

    static func checkSize(_ event: EventData, hub: HubProperties, file: String, line: Int) throws {
        guard event.size <= hub.maxEventSize else {
            throw CommandFailure(
                "\(file):\(line): the event is \(event.size) bytes, over the maximum event size"
                    + " of hub '\(hub.name)' (\(hub.maxEventSize) bytes); nothing was published")
        }
    }

    /// One event per line from envelope objects:
    /// `{"body":…,"key":…,"partition":…,"properties":{…},"contentType":…}`.
    /// Returns the events, the partition each one names, if any, and the line of each.
    func envelopeEvents(_ bytes: [UInt8], file: String, hub: HubProperties) throws
        -> (events: [EventData], partitions: [Int?], lines: [Int])
    {
        var events: [EventData] = []
        var partitions: [Int?] = []
        var lines: [Int] = []
        for (number, line) in EventSources.lines(bytes) {
            do {
                var (event, partition) = try envelope(try JSONValue.parse(bytes: Array(line)))
                // A line of `read --json` has both; they agree when the key chose the partition.
                if let key = event.partitionKey, let given = partition {
                    let hashed = PartitionKey.partition(
                        for: key, partitionCount: hub.partitionCount)
                    guard hashed == given else {
                        throw EnvelopeError(
                            message: "key '\(key)' goes to partition \(hashed) of hub"
                                + " '\(hub.name)', not \(given); give either key or partition")
                    }
                    partition = nil
                }
                if let partition, partition >= hub.partitionCount {
                    throw EnvelopeError(
                        message: "partition \(partition) does not exist; hub '\(hub.name)' has"
                            + " partitions 0-\(hub.partitionCount - 1)")
                }
                try EventSources.checkSize(event, hub: hub, file: file, line: number)
                events.append(event)
                partitions.append(partition)
                lines.append(number)
            } catch let error as JSONParseError {
                throw CommandFailure(
                    "\(file):\(number): not a JSON object (\(error.message), column"
                        + " \(error.column)); each line must be one envelope object")
            } catch let error as EnvelopeError {
                throw CommandFailure("\(file):\(number): \(error.message)")
            }
        }
        return (events, partitions, lines)
    }

    struct EnvelopeError: Error {
        var message: String
    }

    static let envelopeFields = ["body", "bodyBase64", "key", "partitionKey", "partition",
                                 "properties", "contentType"]
    /// Fields that `read --json` prints and the log assigns: accepted and ignored, so that a
    /// dump made with `read --json` can be published again.
    static let assignedFields: Set = ["hub", "sequenceNumber", "offset", "enqueuedTime"]

    func envelope(_ value: JSONValue) throws -> (EventData, Int?) {
        guard case .object(let members) = value else {
            throw EnvelopeError(message: "an envelope must be a JSON object")
        }
        var event = self.event(body: [])
        var partition: Int? = nil
        var sawBody = false
        var seen = Set<String>()
        for (name, field) in members {
            guard seen.insert(name).inserted else {
                throw EnvelopeError(message: "field '\(name)' is given twice")
            }
            if EventSources.assignedFields.contains(name) { continue }
            if (name == "body" && seen.contains("bodyBase64"))
                || (name == "bodyBase64" && seen.contains("body"))
            {
                throw EnvelopeError(message: "give either body or bodyBase64, not both")
            }
            if (name == "key" && seen.contains("partitionKey"))
                || (name == "partitionKey" && seen.contains("key"))
            {
                throw EnvelopeError(message: "give either key or partitionKey, not both")
            }
            switch (name, field) {
            case ("body", .string(let text)):
                event.body = Array(text.utf8)
                sawBody = true
            case ("body", .object), ("body", .array), ("body", .number), ("body", .bool):
                event.body = Array(field.text.utf8)
                sawBody = true
            case ("bodyBase64", .string(let text)):
                guard let bytes = Base64.decode(text) else {
                    throw EnvelopeError(message: "bodyBase64 is not valid base64")
                }
                event.body = bytes
                sawBody = true
            case ("key", .string(let key)), ("partitionKey", .string(let key)):
                event.partitionKey = key
            case ("key", .null), ("partitionKey", .null), ("contentType", .null),
                 ("partition", .null):
                continue
            case ("partition", .string(let text)):
                guard let id = Int(text), id >= 0 else {
                    throw EnvelopeError(message: "partition must be a partition id like \"0\"")
                }
                partition = id
            case ("partition", .number(let text)):
                guard let id = Int(text), id >= 0 else {
                    throw EnvelopeError(message: "partition must be a partition id like \"0\"")
                }
                partition = id
            case ("properties", .object(let properties)):
                event.properties = []
                var keys = Set<String>()
                for (key, value) in properties {
                    // As with --property: neither value would be a clear winner.
                    guard keys.insert(key).inserted else {
                        throw EnvelopeError(
                            message: "property '\(key)' is given twice; give each property once")
                    }
                    event.properties.append((key, try EventSources.property(key, value)))
                }
            case ("contentType", .string(let type)):
                event.contentType = type
            default:
                if EventSources.envelopeFields.contains(name) {
                    throw EnvelopeError(message: "field '\(name)' has the wrong type")
                }
                throw EnvelopeError(
                    message: "unknown field '\(name)'; an envelope has "
                        + EventSources.envelopeFields.joined(separator: ", "))
            }
        }
        guard sawBody else {
            throw EnvelopeError(message: "the envelope has no 'body' (or 'bodyBase64')")
        }
        return (event, partition)
    }

    static func property(_ key: String, _ value: JSONValue) throws -> PropertyValue {
        switch value {
        case .string(let text): return .string(text)
        case .bool(let flag): return .bool(flag)
        case .number(let literal):
            if let int = Int64(literal) { return .int(int) }
            if let double = Double(literal), double.isFinite { return .double(double) }
            throw EnvelopeError(message: "property '\(key)' is a number out of range")
        default:
            throw EnvelopeError(
                message: "property '\(key)' must be a string, number or boolean")
        }
    }

    /// `k=v` from `--property`, with the value's type inferred.
    static func property(_ token: Token) throws -> (String, PropertyValue) {
        guard let equals = token.text.firstIndex(of: "="), equals != token.text.startIndex else {
            throw UsageError(HubError.invalidProperty(token.text).description, at: token.location)
        }
        let key = String(token.text[..<equals])
        let value = String(token.text[token.text.index(after: equals)...])
        return (key, PropertyValue.inferred(from: value))
    }
}
