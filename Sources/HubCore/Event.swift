/// The value of an application property: a string, a number or a boolean.
public enum PropertyValue: Sendable, Equatable, Hashable {
    case string(String)
    case int(Int64)
    case double(Double)
    case bool(Bool)

    /// Reads `text` the way `--property k=v` means it: `true`/`false` are booleans, and a
    /// number is a number only when it reads back exactly as written, in hubsh and in readers
    /// that hold JSON numbers as doubles; everything else stays the string it was. So `42` and
    /// `-1.5` are numbers, while `007`, `1.10`, `1E3` and ids past 2^53 such as
    /// `12345678901234567` stay strings instead of losing digits.
    public static func inferred(from text: String) -> PropertyValue {
        if text == "true" { return .bool(true) }
        if text == "false" { return .bool(false) }
        if let int = Int64(text), String(int) == text, int.magnitude <= maxExactInteger.magnitude {
            return .int(int)
        }
        if let double = Double(text), double.isFinite, JSONValue.format(double: double) == text {
            return .double(double)
        }
        return .string(text)
    }

    /// 2^53: the largest integer a double-based JSON reader (JavaScript, jq) keeps exactly.
    public static let maxExactInteger: Int64 = 9_007_199_254_740_992

    /// The value as text, for tables.
    public var text: String {
        switch self {
        case .string(let value): return value
        case .int(let value): return String(value)
        case .double(let value): return JSONValue.format(double: value)
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
        guard !properties.isEmpty else { return total }
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
