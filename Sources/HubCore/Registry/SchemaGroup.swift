/// The format of the schemas in a schema group.
public enum SchemaFormat: String, Sendable, CaseIterable {
    case json
    case avro
}

/// Which earlier versions a new schema version must stay compatible with, and how.
///
/// Backward: consumers using the new version can read events written with the old one.
/// Forward: consumers still on the old version can read events written with the new one.
/// Full: both. The plain modes compare with the latest version only; the `-transitive` modes
/// compare with every earlier version.
public enum CompatibilityMode: String, Sendable, CaseIterable {
    case none
    case backward
    case forward
    case full
    case backwardTransitive = "backward-transitive"
    case forwardTransitive = "forward-transitive"
    case fullTransitive = "full-transitive"

    public var checksBackward: Bool {
        [.backward, .full, .backwardTransitive, .fullTransitive].contains(self)
    }

    public var checksForward: Bool {
        [.forward, .full, .forwardTransitive, .fullTransitive].contains(self)
    }

    public var isTransitive: Bool {
        [.backwardTransitive, .forwardTransitive, .fullTransitive].contains(self)
    }

    /// The earlier versions a new one is compared with, oldest first.
    public func versionsToCheck(_ existing: [SchemaVersion]) -> [SchemaVersion] {
        guard self != .none, let latest = existing.last else { return [] }
        return isTransitive ? existing : [latest]
    }
}

/// A named set of schemas of one format, with one compatibility mode.
public struct SchemaGroup: Sendable, Equatable {
    public var name: String
    public var format: SchemaFormat
    public var compatibility: CompatibilityMode
    /// JSON Schema only: `format` keywords are checked instead of being annotations.
    public var assertFormats: Bool
    public var createdAt: Int64

    public init(
        name: String, format: SchemaFormat, compatibility: CompatibilityMode = .none,
        assertFormats: Bool = false, createdAt: Int64 = 0
    ) {
        self.name = name
        self.format = format
        self.compatibility = compatibility
        self.assertFormats = assertFormats
        self.createdAt = createdAt
    }
}

/// One immutable version of a named schema.
public struct SchemaVersion: Sendable, Equatable {
    public var group: String
    public var name: String
    /// 1, 2, ... within the schema's name.
    public var version: Int
    /// 32 lowercase hex characters, unique in the namespace, as Azure Schema Registry gives.
    public var id: String
    /// The schema text as it was registered.
    public var definition: String
    /// The text that decides whether two registrations are the same schema.
    public var canonicalForm: String
    public var registeredAt: Int64

    public init(
        group: String, name: String, version: Int, id: String, definition: String,
        canonicalForm: String, registeredAt: Int64
    ) {
        self.group = group
        self.name = name
        self.version = version
        self.id = id
        self.definition = definition
        self.canonicalForm = canonicalForm
        self.registeredAt = registeredAt
    }

    /// `orders/order-event` as `hub set --schema` takes it.
    public var qualifiedName: String { "\(group)/\(name)" }
}

/// What a hub does with events that fail its schema.
public enum InvalidEventPolicy: String, Sendable, CaseIterable {
    /// The whole publish is refused with the errors; nothing of the batch is appended.
    case reject
    /// Invalid events go to the hub's dead-letter hub, `HUB.deadletter`; valid ones land.
    case deadletter
}

/// The schema a hub enforces on publish.
public struct SchemaBinding: Sendable, Equatable {
    public var group: String
    public var name: String
    public var onInvalid: InvalidEventPolicy

    public init(group: String, name: String, onInvalid: InvalidEventPolicy = .reject) {
        self.group = group
        self.name = name
        self.onInvalid = onInvalid
    }

    public var qualifiedName: String { "\(group)/\(name)" }

    /// What a hub's name gets to name its dead-letter hub.
    public static let deadLetterSuffix = ".deadletter"

    /// The dead-letter hub of `hub`.
    public static func deadLetterHub(of hub: String) -> String { hub + deadLetterSuffix }

    /// The longest name of a hub that can have a dead-letter hub: its dead-letter hub's name
    /// must still be a valid hub name.
    public static var maxDeadLetteringHubNameLength: Int {
        Names.maxHubNameLength - deadLetterSuffix.count
    }

    /// The hub whose dead-letter hub a hub named `name` would be: `orders` for
    /// `orders.deadletter` (in any case); nil for a name without the suffix.
    public static func origin(ofDeadLetterHub name: String) -> String? {
        guard Names.folded(name).hasSuffix(Names.folded(deadLetterSuffix)),
              name.count > deadLetterSuffix.count
        else { return nil }
        return String(name.dropLast(deadLetterSuffix.count))
    }
}
