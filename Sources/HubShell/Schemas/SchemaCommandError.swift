import HubCore

/// Schema command problems, each one line that says what to do.
enum SchemaCommandError: Error, CustomStringConvertible {
    case noRegistry
    case unreadableFile(String)
    case notASchema(source: String, reason: String)
    /// A `$ref` of schema `source` (`GROUP/NAME`) written at `in` resolves to nothing.
    /// `missing` is the `$id` of the schema it names when no schema of `group` has it; nil when
    /// that schema exists but has no such place (`#/$defs/nothing`). `registering` tells
    /// `schema register` from the commands that use a registered schema.
    case unresolvedReference(
        source: String, registering: Bool, reference: String, in: String, missing: String?,
        group: String)
    /// A pattern of schema `source`, written at `in`, is ECMA-262 but hubsh cannot run it.
    case unsupportedPattern(
        source: String, registering: Bool, pattern: String, in: String, reason: String)
    case incompatible(group: String, name: String, mode: CompatibilityMode, count: Int)

    var description: String {
        switch self {
        case .noRegistry:
            return "this store keeps no schema registry; open an LMDB data directory"
        case .unreadableFile(let path):
            return "cannot read schema file '\(path)'; check the path and its permissions"
        case .notASchema(let source, let reason):
            return "'\(source)' is not a valid schema: \(reason)"
        case .unresolvedReference(
            let source, let registering, let reference, let place, let missing, let group):
            let what = "schema '\(source)' cannot be \(registering ? "registered" : "used"):"
                + " its $ref '\(reference)' (at \(place)) cannot be resolved"
            guard let missing else {
                return what + "; the schema it names has no such place: fix the reference"
            }
            return what + ": no schema of group '\(group)' has \"$id\" '\(missing)'; register"
                + " that schema first ('schema register \(group) NAME FILE', the file having"
                + " \"$id\": \"\(missing)\"), or fix the reference"
        case .unsupportedPattern(let source, let registering, let pattern, let place, let reason):
            return "schema '\(source)' cannot be \(registering ? "registered" : "used"): hubsh"
                + " does not support its pattern \"\(pattern)\" (at \(place)): \(reason)"
                + " (see 'Regular expressions' in the README)"
        case .incompatible(let group, let name, let mode, let count):
            return "schema '\(group)/\(name)' was not registered: \(count)"
                + " incompatibilit\(count == 1 ? "y" : "ies") under compatibility"
                + " '\(mode.rawValue)'"
                + " (see 'schema check')"
        }
    }
}
