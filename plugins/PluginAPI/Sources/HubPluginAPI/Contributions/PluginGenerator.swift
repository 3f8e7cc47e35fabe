/// An event generator, used as `publish HUB --generator NAME [--count N] [--rate N/s]
/// [--seed S] [options]`.
///
///     PluginGenerator(
///         "ticks", summary: "numbered tick events",
///         options: [PluginFlag("--prefix", value: "TEXT", "text before each number")],
///         make: { request in TickProducer(prefix: request.options.string("--prefix") ?? "") })
///
/// hubsh adds the generator's options to `publish` when `--generator NAME` is given, for
/// parsing, help (`publish --generator NAME --help`) and completion. They must not reuse a flag
/// of `publish`.
public struct PluginGenerator: Sendable {
    /// Lower-case letters, digits, `.`, `_` and `-`.
    public var name: String
    public var summary: String
    public var options: [PluginFlag]
    /// Makes the producer of one publish. Throw `PluginUsageError` for a bad option value.
    public var make: @Sendable (GeneratorRequest) throws -> any EventProducer

    public init(
        _ name: String, summary: String, options: [PluginFlag] = [],
        make: @escaping @Sendable (GeneratorRequest) throws -> any EventProducer
    ) {
        self.name = name
        self.summary = summary
        self.options = options
        self.make = make
    }
}

/// What one `publish --generator` asks for.
public struct GeneratorRequest {
    /// The hub the events go to.
    public var hub: HubSummary
    /// The generator's options as given; only its own flags appear here.
    public var options: PluginArguments
    /// `--seed`: the same seed must give the same events, timestamps included. Nil asks for
    /// fresh random events stamped from `now`.
    public var seed: UInt64?
    /// How many events the publish wants (`--count`, default 1).
    public var count: Int
    /// The current time, in milliseconds since the epoch.
    public var now: Int64
    /// The namespace, for generators that look at what is there.
    public var host: any PluginHost

    public init(
        hub: HubSummary, options: PluginArguments, seed: UInt64?, count: Int, now: Int64,
        host: any PluginHost
    ) {
        self.hub = hub
        self.options = options
        self.seed = seed
        self.count = count
        self.now = now
        self.host = host
    }
}

/// Makes the events of one publish, one at a time.
///
/// hubsh asks for `count` events before it publishes any of them, so that a hook can refuse
/// one before anything lands. Return nil to end early.
public protocol EventProducer: AnyObject {
    func next() throws -> PluginEvent?
}
