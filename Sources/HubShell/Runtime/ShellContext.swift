import CSupport
import Foundation
import HubCore

/// Everything a command may use: the log, the output, variables, the script's folder and what
/// plugins add.
///
/// One context exists per shell. Commands run on the shell's thread, one at a time; a command
/// that waits (tail, sleep) polls `isInterrupted` so Ctrl-C brings the prompt back.
public final class ShellContext: @unchecked Sendable {
    /// The engine behind `log`; `open` replaces it (`switchEngine`).
    public private(set) var engine: OpenedEngine
    /// The log every command talks to; the only way to reach stored events. Setting it hands
    /// the shell a bare log (tests do): the engine before is not closed, and the label stays.
    public var log: EventLog {
        get { engine.log }
        set { engine = OpenedEngine(log: newValue, label: engine.label, target: nil) }
    }
    /// Opens another engine for `open TARGET`; nil when this shell cannot switch engines.
    public let engineOpener: EngineOpener?
    public let output: Output
    public let router = PartitionRouter()
    /// The loaded plugins and the generators, formats and hooks they add.
    public let plugins = PluginCatalog()
    /// `set NAME VALUE` variables; environment variables are looked up when a name is not here.
    public var variables: [String: String] = [:]
    /// True when a person types at a terminal (prompts, line editing, Ctrl-C returns to prompt).
    public let isInteractive: Bool
    /// Folders of the scripts being sourced, innermost last; relative paths resolve against the
    /// innermost, else against the working directory.
    public var scriptDirectories: [String] = []
    /// Who writes checkpoints from this shell: `hubsh@HOST:PID`.
    public let owner: String
    /// Registered schemas compiled once for this process, by schema id.
    private(set) var schemas = SchemaCatalog()

    public init(
        engine: OpenedEngine, output: Output, isInteractive: Bool,
        engineOpener: EngineOpener? = nil
    ) {
        self.engine = engine
        self.engineOpener = engineOpener
        self.output = output
        self.isInteractive = isInteractive
        self.owner = "hubsh@\(ProcessInfo.processInfo.hostName):\(getpid())"
    }

    /// A context on a bare log that cannot switch engines: for tests and tools.
    public convenience init(log: EventLog, output: Output, isInteractive: Bool) {
        self.init(
            engine: OpenedEngine(log: log, label: log.namespace, target: nil), output: output,
            isInteractive: isInteractive)
    }

    /// What the prompt shows after `hubsh:`.
    public var engineLabel: String { engine.label }

    /// Opens `target` and makes it this shell's engine, closing the one before. When opening
    /// fails the old engine stays, and the error says why.
    public func switchEngine(to target: EngineTarget) throws {
        guard let engineOpener else {
            throw CommandFailure("this shell cannot open another engine")
        }
        let opened = try engineOpener(target)
        let old = engine
        engine = opened
        // Compiled schemas belong to the old registry: ids of another namespace could clash.
        schemas = SchemaCatalog()
        old.close()
    }

    /// True once Ctrl-C was pressed during the running command. Commands that wait check it.
    public var isInterrupted: Bool { hubsh_interrupt_pending() != 0 }

    /// Clears a pending Ctrl-C; the shell calls it before each command.
    public func clearInterrupt() { _ = hubsh_take_interrupt() }

    /// The value of `$NAME`: a shell variable, else an environment variable.
    public func variable(_ name: String) -> String? {
        variables[name] ?? ProcessInfo.processInfo.environment[name]
    }

    /// `path` made absolute: `~` expands, and a relative path is taken from the sourcing script's
    /// folder, or from the working directory at the top level.
    public func resolve(path: String) -> String {
        if path.hasPrefix("/") { return path }
        if path == "~" || path.hasPrefix("~/") { return HomeDirectory.expand(path) }
        let base = scriptDirectories.last ?? FileManager.default.currentDirectoryPath
        return (base as NSString).appendingPathComponent(path)
    }

    /// Sleeps up to `millis`, waking early on Ctrl-C; returns false when interrupted.
    ///
    /// What the command printed so far is written out first: in `echo start; sleep 1m`, or a
    /// `tail` waiting for events, it belongs on the screen (or down the pipe) before the wait.
    public func sleep(millis: Int64) -> Bool {
        output.standardOutput.flush()
        let deadline = Timestamp.now() + millis
        while Timestamp.now() < deadline {
            if isInterrupted { return false }
            let step = min(20, max(0, deadline - Timestamp.now()))
            usleep(UInt32(step * 1000))
        }
        return !isInterrupted
    }
}
