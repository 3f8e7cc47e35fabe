/// An event on its way to a hub: what a generator makes, a hook sees and `publish` takes.
///
///     var event = PluginEvent(text: #"{"deviceId":"dev-7","temperature":21.5}"#)
///     event.partitionKey = "dev-7"
///     event.contentType = "application/json"
///     event.setProperty("deviceType", .string("thermostat"))
public struct PluginEvent: Sendable, Equatable {
    /// The body's bytes.
    public var body: [UInt8]
    /// Events with the same key land in the same partition; nil spreads them round-robin.
    public var partitionKey: String?
    /// Application properties, in order.
    public var properties: [PluginProperty]
    /// Such as `application/json`.
    public var contentType: String?

    public init(
        body: [UInt8], partitionKey: String? = nil, properties: [PluginProperty] = [],
        contentType: String? = nil
    ) {
        self.body = body
        self.partitionKey = partitionKey
        self.properties = properties
        self.contentType = contentType
    }

    /// An event whose body is `text` in UTF-8.
    public init(text: String, partitionKey: String? = nil, contentType: String? = nil) {
        self.init(body: Array(text.utf8), partitionKey: partitionKey, contentType: contentType)
    }

    /// The body as text when it is valid UTF-8; nil otherwise.
    public var text: String? {
        String(validating: body, as: UTF8.self)
    }

    /// The value of the property `name`, if the event has it.
    public func property(_ name: String) -> PluginValue? {
        properties.first { $0.name == name }?.value
    }

    /// Sets the property `name`, replacing its value where it is, appending it otherwise.
    public mutating func setProperty(_ name: String, _ value: PluginValue) {
        if let index = properties.firstIndex(where: { $0.name == name }) {
            properties[index].value = value
        } else {
            properties.append(PluginProperty(name, value))
        }
    }
}

/// One application property of an event.
public struct PluginProperty: Sendable, Equatable {
    public var name: String
    public var value: PluginValue

    public init(_ name: String, _ value: PluginValue) {
        self.name = name
        self.value = value
    }
}

/// The value of an application property.
public enum PluginValue: Sendable, Equatable {
    case string(String)
    case int(Int64)
    case double(Double)
    case bool(Bool)

    /// The value as text, as a table shows it.
    public var text: String {
        switch self {
        case .string(let value): return value
        case .int(let value): return String(value)
        case .double(let value): return String(value)
        case .bool(let value): return value ? "true" : "false"
        }
    }
}
