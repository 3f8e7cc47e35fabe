import Foundation

/// Writing a value so the lexer reads it back as the same single word.
public enum Quoting {
    /// `value` as it is when the lexer would read it unchanged, else in single quotes, or in
    /// double quotes with escapes when it holds control characters, which must not reach a
    /// terminal as they are.
    ///
    ///     Quoting.quoted("orders")      // orders
    ///     Quoting.quoted("$default")    // '$default'
    ///     Quoting.quoted("it's")        // 'it'\''s'
    ///     Quoting.quoted("a\nb\u{1b}")  // "a\nb\u{1b}"
    public static func quoted(_ value: String) -> String {
        if !value.isEmpty, value.unicodeScalars.allSatisfy(isPlain) { return value }
        if value.unicodeScalars.contains(where: isControl) { return escaped(value) }
        return "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// `value` in double quotes, with the lexer's escapes for `"`, `\`, `$` and every control
    /// character.
    static func escaped(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"", "\\", "$": result += "\\" + String(scalar)
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case _ where isControl(scalar):
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// C0 and C1 control characters and DEL: what a terminal may act on instead of showing.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
    }

    /// Characters that never need quotes: letters, digits and common punctuation of names,
    /// paths and positions. Non-ASCII letters count as plain.
    static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value > 0x7F { return scalar.properties.isAlphabetic }
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": return true
        case "-", "_", ".", "/", ":", "=", "@", "%", "+", ",", "~": return true
        default: return false
        }
    }
}
