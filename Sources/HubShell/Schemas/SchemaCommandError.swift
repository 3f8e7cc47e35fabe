import HubCore

/// Schema command problems, each one line that says what to do.
enum SchemaCommandError: Error, CustomStringConvertible {
    case noRegistry
    case unreadableFile(String)
    case notASchema(source: String, reason: String)
    case incompatible(group: String, name: String, mode: CompatibilityMode, count: Int)

    var description: String {
        switch self {
        case .noRegistry:
            return "this store keeps no schema registry; open an LMDB data directory"
        case .unreadableFile(let path):
            return "cannot read schema file '\(path)'; check the path and its permissions"
        case .notASchema(let source, let reason):
            return "'\(source)' is not a valid schema: \(reason)"
        case .incompatible(let group, let name, let mode, let count):
            return "schema '\(group)/\(name)' was not registered: \(count)"
                + " incompatibilit\(count == 1 ? "y" : "ies") under compatibility"
                + " '\(mode.rawValue)'"
                + " (see 'schema check')"
        }
    }
}
