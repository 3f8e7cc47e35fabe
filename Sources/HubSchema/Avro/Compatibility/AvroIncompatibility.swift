/// One reason a reader schema cannot read data written with a writer schema.
///
/// `path` locates the problem in the reader schema by field names: `/fields/lines/items/fields/qty`
/// (a union branch adds its type name: `/fields/payload/string`; `/` is the whole schema).
/// `rule` is a stable identifier for scripts; `message` is a sentence for people.
public struct AvroIncompatibility: Sendable, Equatable, CustomStringConvertible {
    /// The schema-resolution rule that fails, with a stable identifier as its raw value.
    public enum Rule: String, Sendable, CaseIterable {
        /// The reader has a field the writer lacks, and no default to fill it.
        case fieldAddedWithoutDefault = "field-added-without-default"
        /// The writer has an enum symbol the reader lacks, and the reader enum has no default.
        case enumSymbolMissing = "enum-symbol-missing"
        /// The two types cannot be resolved: different kinds, and no promotion between them.
        case typeMismatch = "type-mismatch"
        /// Two records, enums or fixeds whose names differ and no reader alias names the writer.
        case nameMismatch = "name-mismatch"
        /// Two fixeds of different sizes.
        case fixedSizeMismatch = "fixed-size-mismatch"
        /// A writer type (or writer union branch) that no reader branch can take.
        case unionBranchMissing = "union-branch-missing"
    }

    public var rule: Rule
    public var path: String
    public var message: String

    public init(rule: Rule, path: String, message: String) {
        self.rule = rule
        self.path = path.isEmpty ? "/" : path
        self.message = message
    }

    public var description: String { "\(path): \(message) [\(rule.rawValue)]" }
}
