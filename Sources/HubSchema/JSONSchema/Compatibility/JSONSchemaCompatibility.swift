import HubCore

/// Which way data must flow between two versions of a schema.
///
/// - backward: the new schema (as reader) accepts every instance valid under the old one, so
///   consumers can upgrade first.
/// - forward: the old schema accepts every instance valid under the new one, so producers can
///   upgrade first.
/// - full: both.
public enum CompatibilityDirection: String, Sendable, CaseIterable {
    case backward
    case forward
    case full
}

/// A schema group's compatibility setting, as `schema check` and registration use it. The
/// transitive modes check against every earlier version, the others against the latest.
public enum CompatibilityMode: String, Sendable, CaseIterable {
    case none
    case backward
    case backwardTransitive = "backward-transitive"
    case forward
    case forwardTransitive = "forward-transitive"
    case full
    case fullTransitive = "full-transitive"

    /// The direction checked; nil for `none`.
    public var direction: CompatibilityDirection? {
        switch self {
        case .none: return nil
        case .backward, .backwardTransitive: return .backward
        case .forward, .forwardTransitive: return .forward
        case .full, .fullTransitive: return .full
        }
    }

    public var isTransitive: Bool {
        self == .backwardTransitive || self == .forwardTransitive || self == .fullTransitive
    }

    /// The incompatibilities of `new` with the earlier versions this mode compares it to
    /// (`previous` oldest first), each tagged with the version it was found against.
    public func check(new: JSONValue, previous: [JSONValue])
        -> [(version: Int, incompatibility: Incompatibility)]
    {
        guard let direction, !previous.isEmpty else { return [] }
        let versions = isTransitive ? Array(previous.indices) : [previous.count - 1]
        return versions.flatMap { version in
            JSONSchemaCompatibility.check(old: previous[version], new: new, direction: direction)
                .map { (version, $0) }
        }
    }
}

/// One reason two schema versions are not compatible.
///
///     /properties/total: [range-narrowed] minimum raised from 0 to 1 (breaks backward)
public struct Incompatibility: Sendable, Equatable, CustomStringConvertible {
    /// JSON Pointer to the place in the schema (the new version's, or the old one's for
    /// something only the old version has).
    public var path: String
    /// The stable id of the rule that fired, from `CompatibilityRule.all`.
    public var rule: String
    /// The compatibility this breaks: `.backward` or `.forward`.
    public var breaks: CompatibilityDirection
    public var message: String

    public init(path: String, rule: String, breaks: CompatibilityDirection, message: String) {
        self.path = path
        self.rule = rule
        self.breaks = breaks
        self.message = message
    }

    public var description: String {
        "\(path.isEmpty ? "(root)" : path): [\(rule)] \(message) (breaks \(breaks.rawValue))"
    }
}

/// Compares two versions of a JSON Schema by structure, without instances.
///
/// A conservative check: it proves "every instance valid under the writer schema is valid
/// under the reader schema" keyword by keyword, following local `$ref`s (`#...`), and reports
/// anything it cannot prove. See `CompatibilityRule.all` for the rules.
///
/// Caveat: `$ref`s to other documents are equal only when they are the same URI, and
/// combinators are compared position by position (`anyOf` branch 0 with branch 0), so
/// reordering branches is reported as a change.
public enum JSONSchemaCompatibility {
    public static func check(old: JSONValue, new: JSONValue,
                             direction: CompatibilityDirection) -> [Incompatibility] {
        var findings: [Incompatibility] = []
        if direction != .forward {
            var checker = SchemaSubsetChecker(reader: new, writer: old, readerIsNew: true)
            findings += checker.run()
        }
        if direction != .backward {
            var checker = SchemaSubsetChecker(reader: old, writer: new, readerIsNew: false)
            findings += checker.run()
        }
        return findings
    }
}
