/// An output format for events, used as `read HUB --format NAME` and `tail HUB --format NAME`.
///
///     PluginFormat("lines", summary: "one line per event: partition, seq, body",
///                  make: { _ in LineFormatter() })
public struct PluginFormat: Sendable {
    /// Lower-case letters, digits, `.`, `_` and `-`; not `text` or `json`, which hubsh has.
    public var name: String
    public var summary: String
    /// Makes the formatter of one `read` or `tail`.
    public var make: @Sendable (FormatRequest) throws -> any EventFormatter

    public init(
        _ name: String, summary: String,
        make: @escaping @Sendable (FormatRequest) throws -> any EventFormatter
    ) {
        self.name = name
        self.summary = summary
        self.make = make
    }
}

/// What one `read` or `tail` prints to.
public struct FormatRequest: Sendable {
    /// The hub whose events are printed.
    public var hub: String
    public var terminal: TerminalTraits

    public init(hub: String, terminal: TerminalTraits) {
        self.hub = hub
        self.terminal = terminal
    }
}

/// Turns events into lines of text for one `read` or `tail`.
///
/// `header` is asked for once before the first event (even when there is none), `lines` once per
/// event, and `footer` once at the end, also when Ctrl-C stops a `tail`.
public protocol EventFormatter: AnyObject {
    func header() -> [String]
    func lines(for event: StoredEvent) -> [String]
    func footer() -> [String]
}

extension EventFormatter {
    public func header() -> [String] { [] }
    public func footer() -> [String] { [] }
}
