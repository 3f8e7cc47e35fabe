import Foundation

/// Writing a value so the lexer reads it back as the same single word.
public enum Quoting {
    /// `value` as it is when the lexer would read it unchanged, else in single quotes.
    ///
    ///     Quoting.quoted("orders")      // orders
    ///     Quoting.quoted("$default")    // '$default'
    ///     Quoting.quoted("it's")        // 'it'\''s'
    public static func quoted(_ value: String) -> String {
        if !value.isEmpty, value.unicodeScalars.allSatisfy(isPlain) { return value }
        return "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
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
