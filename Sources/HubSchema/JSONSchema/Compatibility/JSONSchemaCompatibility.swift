import HubCore

/// Compares two versions of a JSON Schema by structure, without instances.
///
/// - backward: the new schema (as reader) accepts every instance valid under the old one, so
///   consumers can upgrade first.
/// - forward: the old schema accepts every instance valid under the new one, so producers can
///   upgrade first.
/// - full: both.
///
/// ```swift
/// JSONSchemaCompatibility.check(old: v1, new: v2, direction: .backward)
/// // /properties/total: [range-narrowed] the lower bound changed from minimum 0 to minimum 1
/// ```
///
/// A conservative check: it proves "every instance valid under the writer schema is valid
/// under the reader schema" keyword by keyword, following local `$ref`s (`#...`), and reports
/// anything it cannot prove. `Rule.all` lists the rules.
///
/// Caveat: `$ref`s to other documents are equal only when they are the same URI, and
/// combinators are compared position by position (`anyOf` branch 0 with branch 0), so
/// reordering branches is reported as a change.
public enum JSONSchemaCompatibility {
    /// Which way data must flow between the two versions.
    public enum Direction: String, Sendable, CaseIterable {
        case backward
        case forward
        case full
    }

    /// Every incompatibility between `old` and `new` in `direction`; empty when compatible.
    public static func check(old: JSONValue, new: JSONValue, direction: Direction)
        -> [JSONSchemaIncompatibility]
    {
        var findings: [JSONSchemaIncompatibility] = []
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

    /// Every incompatibility between `new` and the `previous` versions (oldest first) that a
    /// schema group's `mode` cares about; empty when `new` may be registered.
    public static func check(_ new: JSONValue, against previous: [JSONValue],
                             mode: CompatibilityMode) -> [JSONSchemaCompatibilityViolation] {
        guard mode != .none else { return [] }
        let indexed = Array(previous.enumerated())
        let compared = mode.isTransitive ? indexed[...] : indexed.suffix(1)
        var violations: [JSONSchemaCompatibilityViolation] = []
        for (index, old) in compared {
            let direction: Direction
            switch (mode.checksBackward, mode.checksForward) {
            case (true, true): direction = .full
            case (true, false): direction = .backward
            default: direction = .forward
            }
            violations += check(old: old, new: new, direction: direction).map {
                JSONSchemaCompatibilityViolation(previousIndex: index, incompatibility: $0)
            }
        }
        return violations
    }
}

/// One reason two schema versions are not compatible.
///
///     /properties/total: [range-narrowed] minimum raised from 0 to 1 (breaks backward)
public struct JSONSchemaIncompatibility: Sendable, Equatable, CustomStringConvertible {
    /// JSON Pointer to the place in the schema (the new version's, or the old one's for
    /// something only the old version has).
    public var path: String
    /// The stable id of the rule that fired, from `JSONSchemaCompatibility.Rule.all`.
    public var rule: String
    /// The compatibility this breaks: `.backward` or `.forward`.
    public var breaks: JSONSchemaCompatibility.Direction
    public var message: String

    public init(path: String, rule: String, breaks: JSONSchemaCompatibility.Direction,
                message: String) {
        self.path = path
        self.rule = rule
        self.breaks = breaks
        self.message = message
    }

    public var description: String {
        "\(path.isEmpty ? "(root)" : path): [\(rule)] \(message) (breaks \(breaks.rawValue))"
    }
}

/// An incompatibility between a new schema and one earlier version of its group.
public struct JSONSchemaCompatibilityViolation: Sendable, Equatable, CustomStringConvertible {
    /// The index of the earlier version in the list given to `check(_:against:mode:)`.
    public var previousIndex: Int
    public var incompatibility: JSONSchemaIncompatibility

    public var description: String {
        "version index \(previousIndex): \(incompatibility)"
    }
}
