import CSupport
import Foundation
import HubCore
import HubLMDB
import HubNATS
import HubShell

/// Opens the engine a target names: the embedded LMDB log in a data directory, or a NATS
/// JetStream cluster. The only place in hubsh that knows the engines by name.
enum Engines {
    /// The target hubsh starts on and the namespace label of an embedded log: `--engine`, else
    /// `--data`, else `$HUBSH_ENGINE`, else the default data directory (`DataDirectory`).
    /// A malformed `$HUBSH_ENGINE` is a usage error, as a malformed `--engine` is.
    static func startingTarget(_ options: Options, environment: [String: String]) throws
        -> (target: EngineTarget, label: String?)
    {
        var given = options.engine
        if given == nil && options.dataDirectory == nil,
           let text = environment["HUBSH_ENGINE"], !text.isEmpty
        {
            given = try Options.engine(text, from: "HUBSH_ENGINE")
        }
        switch given {
        case .lmdb(let directory)?:
            return (.lmdb(directory: DataDirectory.expand(directory, environment: environment)),
                    nil)
        case .nats(let address)?:
            return (.nats(address), nil)
        case nil:
            let directory = DataDirectory.resolve(options.dataDirectory, environment: environment)
            let namespace = DataDirectory.namespace(
                of: directory, given: options.dataDirectory, environment: environment)
            return (.lmdb(directory: directory), namespace)
        }
    }

    /// Whether hubsh picked the data directory itself (no --data, --engine, `$HUBSH_ENGINE` or
    /// `$HUBSH_HOME`): only then are missing parents created (see `DataDirectoryCheck`).
    static func picksTheDirectory(_ options: Options, environment: [String: String]) -> Bool {
        options.dataDirectory == nil && options.engine == nil
            && (environment["HUBSH_ENGINE"] ?? "").isEmpty
            && (environment["HUBSH_HOME"] ?? "").isEmpty
    }

    /// Opens `target`; `label` names an embedded log's namespace (its folder's name when nil).
    /// A directory must be absolute here: `open` and `startingTarget` make it so. `notice`
    /// hears, in one line, that a data directory was created.
    static func open(
        _ target: EngineTarget, label: String? = nil, makesParents: Bool = false,
        notice: (String) -> Void = { _ in }
    ) throws -> OpenedEngine {
        switch target {
        case .lmdb(let directory):
            let namespace = label ?? lmdbLabel(directory)
            let check = try DataDirectoryCheck.inspect(directory, makesParents: makesParents)
            let log = try LMDBEventLog.open(directory: directory, namespace: namespace)
            if check.isMissing {
                notice("created data directory '\(directory)' for a new, empty namespace")
            }
            return OpenedEngine(log: log, label: namespace, target: target, isNew: check.isNew) {
                log.close()
            }
        case .nats(let address):
            var options = NATSEventLog.Options()
            options.isInterrupted = { hubsh_interrupt_pending() != 0 }
            let log = try NATSEventLog.open(address: address, options: options)
            return OpenedEngine(log: log, label: natsLabel(address), target: target) {
                log.close()
            }
        }
    }

    /// The prompt's name for a data directory: its folder's name.
    static func lmdbLabel(_ directory: String) -> String {
        let name = (directory as NSString).lastPathComponent
        return name.isEmpty || name == "/" ? "default" : name
    }

    /// The prompt's name for a namespace on a NATS cluster: `nats:NAMESPACE`.
    static func natsLabel(_ address: NATSAddress) -> String { "nats:\(address.namespace)" }
}
