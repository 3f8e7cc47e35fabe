/// A JSON Pointer under construction: the path of a node in the schema or in a datum. The text
/// is only built when a message needs it, so walking a valid datum stays cheap.
struct AvroPath: Sendable, CustomStringConvertible {
    private enum Component: Sendable {
        case key(String)
        case index(Int)
    }

    private var components: [Component] = []

    func appending(_ key: String) -> AvroPath {
        var next = self
        next.components.append(.key(key))
        return next
    }

    func appending(_ index: Int) -> AvroPath {
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
