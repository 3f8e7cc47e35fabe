/// An incompatibility between a new schema and one earlier version.
public struct AvroCompatibilityViolation: Sendable, Equatable, CustomStringConvertible {
    public enum Direction: String, Sendable {
        /// The new schema as reader, the earlier one as writer (backward).
        case newReadsOld = "new schema reading old data"
        /// The earlier schema as reader, the new one as writer (forward).
        case oldReadsNew = "old schema reading new data"
    }

    /// The index of the earlier version in the list given to `check(_:against:mode:)`.
    public var previousIndex: Int
    public var direction: Direction
    public var incompatibility: AvroIncompatibility

    public var description: String {
        "\(direction.rawValue) (version index \(previousIndex)): \(incompatibility)"
    }
}
