import HubCore

/// Equality as JSON Schema defines it for `enum`, `const` and `uniqueItems`.
///
/// Numbers are equal when their values are (`1 == 1.0 == 10e-1`), objects when they hold the
/// same members in any order, and a boolean never equals a number.
enum JSONEquality {
    static func equal(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a.isIdentical(to: b)
        case (.number(let a), .number(let b)):
            if a == b { return true }
            guard let x = ExactDecimal(a), let y = ExactDecimal(b) else { return false }
            return x == y
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return false }
            for (x, y) in zip(a, b) where !equal(x, y) { return false }
            return true
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            for (key, value) in a {
                guard let other = b.first(where: { $0.0.isIdentical(to: key) }),
                      equal(value, other.1)
                else { return false }
            }
            return true
        default:
            return false
        }
    }

    /// A text that is the same for JSON-equal values and differs otherwise, for hashing.
    static func canonicalKey(_ value: JSONValue) -> String {
        var out = ""
        appendCanonical(value, to: &out)
        return out
    }

    private static func appendCanonical(_ value: JSONValue, to out: inout String) {
        switch value {
        case .null: out += "n"
        case .bool(let flag): out += flag ? "t" : "f"
        case .number(let literal):
            out += "#"
            out += ExactDecimal(literal)?.canonicalText ?? literal
            out += ";"
        case .string: value.write(to: &out)
        case .array(let items):
            out += "["
            for item in items {
                appendCanonical(item, to: &out)
                out += ","
            }
            out += "]"
        case .object(let members):
            out += "{"
            let sorted = members.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
            for (key, member) in sorted {
                JSONValue.string(key).write(to: &out)
                out += ":"
                appendCanonical(member, to: &out)
                out += ","
            }
            out += "}"
        }
    }
}
