/// The value of an application property: a string, a number or a boolean.
public enum PropertyValue: Sendable, Equatable, Hashable {
    case string(String)
    case int(Int64)
    case double(Double)
    case bool(Bool)

    /// Reads `text` the way `--property k=v` means it: `true`/`false` are booleans, a whole
    /// number is an integer, another number is a double, and anything else is a string.
    /// Quote a value in the shell and prefix it with nothing to keep it a string: `k=007` stays
    /// the string "007" because a leading zero is not how numbers are written.
    public static func inferred(from text: String) -> PropertyValue {
        if text == "true" { return .bool(true) }
        if text == "false" { return .bool(false) }
        let looksNumeric = text.first.map { $0 == "-" || $0.isASCII && $0.isNumber } ?? false
        if looksNumeric && !hasLeadingZero(text) {
            if let int = Int64(text) { return .int(int) }
            if let double = Double(text), double.isFinite, !text.contains("x") {
                return .double(double)
            }
        }
        return .string(text)
    }

    static func hasLeadingZero(_ text: String) -> Bool {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        return digits.count > 1 && digits.first == "0" && !digits.hasPrefix("0.")
    }

    /// The value as text, for tables.
    public var text: String {
        switch self {
        case .string(let value): return value
        case .int(let value): return String(value)
        case .double(let value): return String(value)
        case .bool(let value): return value ? "true" : "false"
        }
    }

    public var json: JSONValue {
        switch self {
        case .string(let value): return .string(value)
        case .int(let value): return .number(String(value))
        case .double(let value): return .number(JSONValue.format(double: value))
        case .bool(let value): return .bool(value)
        }
    }
}

/// An event to publish: what a producer hands to the log.
public struct EventData: Sendable, Equatable {
    public var body: [UInt8]
    public var partitionKey: String?
    /// Application properties, in the order they were given.
    public var properties: [(String, PropertyValue)]
    public var contentType: String?

    public init(
        body: [UInt8], partitionKey: String? = nil, properties: [(String, PropertyValue)] = [],
        contentType: String? = nil
    ) {
        self.body = body
        self.partitionKey = partitionKey
        self.properties = properties
        self.contentType = contentType
    }

    public init(text: String) {
        self.init(body: Array(text.utf8))
    }

    /// The size that counts against a hub's maximum event size: the body, the partition key,
    /// the content type and each property's key and value, in bytes.
    public var size: Int {
        var total = body.count + (partitionKey?.utf8.count ?? 0) + (contentType?.utf8.count ?? 0)
        for (key, value) in properties {
            total += key.utf8.count
            switch value {
            case .string(let text): total += text.utf8.count
            case .int, .double: total += 8
            case .bool: total += 1
            }
        }
        return total
    }

    public static func == (lhs: EventData, rhs: EventData) -> Bool {
        lhs.body == rhs.body && lhs.partitionKey == rhs.partitionKey
            && lhs.contentType == rhs.contentType
            && lhs.properties.map(\.0) == rhs.properties.map(\.0)
            && lhs.properties.map(\.1) == rhs.properties.map(\.1)
    }
}

/// Where an event landed: what `publish` reports for each event.
public struct EventMetadata: Sendable, Equatable {
    public var partition: Int
    public var sequenceNumber: Int64
    /// The event's byte position in its partition's stream; grows with every event.
    public var offset: Int64
    /// When the log accepted the event, in milliseconds since the Unix epoch (UTC).
    public var enqueuedTime: Int64

    public init(partition: Int, sequenceNumber: Int64, offset: Int64, enqueuedTime: Int64) {
        self.partition = partition
        self.sequenceNumber = sequenceNumber
        self.offset = offset
        self.enqueuedTime = enqueuedTime
    }
}

/// An event read back from the log.
public struct ReceivedEvent: Sendable, Equatable {
    public var metadata: EventMetadata
    public var data: EventData

    public init(metadata: EventMetadata, data: EventData) {
        self.metadata = metadata
        self.data = data
    }

    public var partition: Int { metadata.partition }
    public var sequenceNumber: Int64 { metadata.sequenceNumber }
    public var offset: Int64 { metadata.offset }
    public var enqueuedTime: Int64 { metadata.enqueuedTime }
}

/// An event with the partition the router chose for it; what an engine appends.
public struct RoutedEvent: Sendable {
    public var partition: Int
    public var data: EventData

    public init(partition: Int, data: EventData) {
        self.partition = partition
        self.data = data
    }
}

/// Whether a publish waits for the disk.
public enum Durability: Sendable {
    /// The commit is flushed to disk before the publish returns: it survives power loss.
    case durable
    /// The commit reaches the operating system but not the disk: it survives `kill -9` of
    /// hubsh, but the last commits can be lost if the machine loses power.
    case noSync
}
