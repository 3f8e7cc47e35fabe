import HubCore

/// An RFC 6901 JSON Pointer: `/lines/0/unitPrice` names a value inside a JSON document.
///
///     JSONPointer.escape("a/b~c")  // "a~1b~0c"
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible {
    /// The reference tokens, unescaped.
    public var tokens: [String]

    public init(tokens: [String] = []) {
        self.tokens = tokens
    }

    /// Parses pointer text such as `/a/b~1c`; nil when it neither is empty nor starts with `/`,
    /// or holds a `~` not followed by `0` or `1`.
    public init?(parsing text: String) {
        if text.isEmpty {
            self.tokens = []
            return
        }
        guard text.hasPrefix("/") else { return nil }
        var tokens: [String] = []
        for part in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            guard let token = JSONPointer.unescape(String(part)) else { return nil }
            tokens.append(token)
        }
        self.tokens = tokens
    }

    public var description: String {
        var out = ""
        for token in tokens {
            out += "/"
            out += JSONPointer.escape(token)
        }
        return out
    }

    public func appending(_ token: String) -> JSONPointer {
        JSONPointer(tokens: tokens + [token])
    }

    /// `~` as `~0` and `/` as `~1`.
    public static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") })
        else { return token }
        return token.replacingTildeAndSlash()
    }

    static func unescape(_ token: String) -> String? {
        guard token.utf8.contains(UInt8(ascii: "~")) else { return token }
        var out = ""
        var iterator = token.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            guard scalar == "~" else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch iterator.next() {
            case "0": out += "~"
            case "1": out += "/"
            default: return nil
            }
        }
        return out
    }

    /// The value this pointer names inside `document`, or nil when there is none.
    public func evaluate(in document: JSONValue) -> JSONValue? {
        var current = document
        for token in tokens {
            switch current {
            case .object(let members):
                guard let member = members.first(where: { $0.0.isIdentical(to: token) }) else {
                    return nil
                }
                current = member.1
            case .array(let items):
                guard let index = JSONPointer.arrayIndex(token), index < items.count else {
                    return nil
                }
                current = items[index]
            default:
                return nil
            }
        }
        return current
    }

    /// A token as an array index: decimal digits without a leading zero.
    static func arrayIndex(_ token: String) -> Int? {
        guard !token.isEmpty, token.utf8.allSatisfy({ (48...57).contains($0) }),
              token == "0" || !token.hasPrefix("0")
        else { return nil }
        return Int(token)
    }
}

extension String {
    fileprivate func replacingTildeAndSlash() -> String {
        var out = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "~": out += "~0"
            case "/": out += "~1"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
