/// Why a schema was rejected, with where in the schema JSON: a JSON Pointer such as
/// `/fields/2/type` (`/` is the whole schema).
///
/// For example: `/fields/1/type: unknown type 'Adress'; named types must be defined before they
/// are used`.
public struct AvroSchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path.isEmpty ? "/" : path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
