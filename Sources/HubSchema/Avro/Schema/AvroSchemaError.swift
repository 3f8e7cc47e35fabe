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

/// Something in a valid schema that hubsh ignored, such as an unknown logical type.
public struct AvroSchemaWarning: Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public var description: String { "\(path.isEmpty ? "/" : path): \(message)" }
}

/// A JSON Pointer under construction: the path of a node in the schema or in a datum. The text
/// is only built when a message needs it, so walking a valid datum stays cheap.
struct JSONPath: Sendable, CustomStringConvertible {
    private enum Component: Sendable {
        case key(String)
        case index(Int)
    }

    private var components: [Component] = []

    func appending(_ key: String) -> JSONPath {
        var next = self
        next.components.append(.key(key))
        return next
    }

    func appending(_ index: Int) -> JSONPath {
        var next = self
        next.components.append(.index(index))
        return next
    }

    /// The pointer text, `~` and `/` escaped as `~0` and `~1`; `/` for the root.
    var description: String {
        guard !components.isEmpty else { return "/" }
        var text = ""
        for component in components {
            text += "/"
            switch component {
            case .index(let index): text += String(index)
            case .key(let key):
                for character in key {
                    switch character {
                    case "~": text += "~0"
                    case "/": text += "~1"
                    default: text.append(character)
                    }
                }
            }
        }
        return text
    }
}
