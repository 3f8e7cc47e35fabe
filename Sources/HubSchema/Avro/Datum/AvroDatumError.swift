/// Why a datum does not fit its schema, with where: a JSON Pointer into the datum (for JSON
/// input) or into the decoded value (for binary input).
///
/// For example: `/items/2/qty: expected int, got "x"`.
public struct AvroDatumError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path.isEmpty ? "/" : path
        self.message = message
    }

    init(_ path: AvroPath, _ message: String) {
        self.init(path: path.description, message: message)
    }

    public var description: String { "\(path): \(message)" }
}
