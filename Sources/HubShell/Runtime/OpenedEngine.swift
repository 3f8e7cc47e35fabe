import HubCore

/// An engine the shell talks to: its log, how the prompt names it, and how to let it go.
///
/// The shell knows no engine: `hubsh`'s `main` opens one from an `EngineTarget` (the embedded
/// LMDB log, or NATS JetStream) and hands the shell an `EngineOpener` that does the same, so that
/// `open TARGET` can switch engines without HubShell linking either of them.
public struct OpenedEngine: Sendable {
    public let log: EventLog
    /// What the prompt shows after `hubsh:`: `default`, a data directory's name, `nats:team`.
    public let label: String
    /// What was opened; nil when a test hands the shell a bare log.
    public let target: EngineTarget?
    /// The engine holds no namespace there yet: this open starts a new, empty one (a data
    /// directory with no store in it, maybe just created). `open` says so, so that a mistyped
    /// path does not pass for the namespace a person meant.
    public let isNew: Bool
    /// Ends this process's use of the engine: closes the store or the connection. Called once,
    /// on the shell's thread, when `open` replaces the engine; hubsh exiting need not call it.
    public let close: @Sendable () -> Void

    public init(
        log: EventLog, label: String, target: EngineTarget?, isNew: Bool = false,
        close: @escaping @Sendable () -> Void = {}
    ) {
        self.log = log
        self.label = label
        self.target = target
        self.isNew = isNew
        self.close = close
    }
}

/// Opens the engine a target names, or throws one line saying why it cannot. Runs on the
/// shell's thread; a directory in the target is already absolute.
public typealias EngineOpener = @Sendable (EngineTarget) throws -> OpenedEngine
