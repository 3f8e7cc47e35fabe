/// Why a schema was rejected, with where in the schema JSON: a JSON Pointer such as
/// `/fields/2/type` (`/` is the whole schema).
///
/// For example: `/fields/1/type: unknown type 'Adress'; define it before use or check the spelling`.
public struct AvroSchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path.isEmpty ? "/" : path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// Something in a valid schema that hubsh ignored, such as an unknown logical type.
public struct AvroSchemaWarning: Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public var description: String { "\(path.isEmpty ? "/" : path): \(message)" }
}

/// A JSON Pointer under construction: the path of a node in the schema or in a datum.
struct JSONPath: Sendable, CustomStringConvertible {
    private(set) var text = ""

    func appending(_ component: String) -> JSONPath {
        var next = self
        next.text += "/"
        for character in component {
            switch character {
            case "~": next.text += "~0"
            case "/": next.text += "~1"
            default: next.text.append(character)
            }
        }
        return next
    }

    func appending(_ index: Int) -> JSONPath { appending(String(index)) }

    var description: String { text.isEmpty ? "/" : text }
}
