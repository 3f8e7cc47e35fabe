/// A hook that sees each event before it is published, and may change or refuse it.
///
///     PublishHook("stamp", summary: "adds a publishedBy property") { event, context in
///         event.setProperty("publishedBy", .string("hubsh"))
///         return .accept
///     }
///
/// Hooks run for every publish, from `publish` and from plugins alike, in the order their plugins
/// were loaded. They run before anything else looks at the event: before schema validation,
/// before the partition is chosen and before the size check, so each of those sees the event
/// as the hooks left it. One refused event stops the whole publish, and nothing of it lands.
public struct PublishHook: Sendable {
    /// Lower-case letters, digits, `.`, `_` and `-`.
    public var name: String
    public var summary: String
    /// Changes `event` in place, then accepts or refuses it. A thrown error refuses it too.
    public var run: @Sendable (inout PluginEvent, HookContext) throws -> HookVerdict

    public init(
        _ name: String, summary: String,
        run: @escaping @Sendable (inout PluginEvent, HookContext) throws -> HookVerdict
    ) {
        self.name = name
        self.summary = summary
        self.run = run
    }
}

/// Where the event a hook sees is going.
public struct HookContext: Sendable {
    /// The hub the event is published to.
    public var hub: String
    /// The event's place in its publish, from 0.
    public var index: Int
    /// How many events the publish has.
    public var count: Int

    public init(hub: String, index: Int, count: Int) {
        self.hub = hub
        self.index = index
        self.count = count
    }
}

/// What a hook decided.
public enum HookVerdict: Sendable, Equatable {
    /// Publish the event as the hook left it.
    case accept
    /// Publish nothing; the reason is shown to the person publishing.
    case reject(String)
}
