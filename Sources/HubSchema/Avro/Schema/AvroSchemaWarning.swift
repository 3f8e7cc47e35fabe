/// Something in a valid schema that hubsh ignored, such as an unknown logical type.
public struct AvroSchemaWarning: Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public var description: String { "\(path.isEmpty ? "/" : path): \(message)" }
}
