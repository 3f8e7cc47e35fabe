/// The full name of a record, enum or fixed: an optional dotted namespace and a simple name.
///
/// `AvroName(fullName: "com.acme.Order")` has namespace `com.acme` and name `Order`; a name
/// without a dot lives in the null namespace.
public struct AvroName: Hashable, Sendable, CustomStringConvertible {
    /// The dotted namespace, or nil for the null namespace.
    public let namespace: String?
    public let name: String

    public init(fullName: String) {
        if let dot = fullName.lastIndex(of: ".") {
            let space = String(fullName[..<dot])
            namespace = space.isEmpty ? nil : space
            name = String(fullName[fullName.index(after: dot)...])
        } else {
            namespace = nil
            name = fullName
        }
    }

    /// Resolves `text` as the spec says: a dotted name is already full; a simple name takes
    /// `namespace` (the explicit attribute, else the enclosing one).
    init(_ text: String, in namespace: String?) {
        if text.contains(".") || namespace == nil || namespace == "" {
            self.init(fullName: text)
        } else {
            self.init(fullName: namespace! + "." + text)
        }
    }

    public var fullName: String {
        guard let namespace else { return name }
        return namespace + "." + name
    }

    public var description: String { fullName }

    /// Whether `text` is a valid simple name: `[A-Za-z_][A-Za-z0-9_]*`.
    static func isValidSimpleName(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        guard first == UInt8(ascii: "_") || isLetter(first) else { return false }
        return text.utf8.allSatisfy { $0 == UInt8(ascii: "_") || isLetter($0) || isDigit($0) }
    }

    /// Whether `text` is a valid full name: simple names joined by dots.
    static func isValidFullName(_ text: String) -> Bool {
        text.split(separator: ".", omittingEmptySubsequences: false)
            .allSatisfy { isValidSimpleName(String($0)) }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
