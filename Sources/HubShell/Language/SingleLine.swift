/// Rewrites a command that spans lines as one line that means the same.
///
/// libedit's history hands back only the first line of an entry, so the shell stores each
/// entry in this form:
///
///     SingleLine.form("hub create \\\n  orders")   // hub create   orders
///     SingleLine.form("echo 'a\nb'")                // echo 'a'"\n"'b'
///
/// `\` before a newline is dropped, as the lexer drops it; a newline inside quotes becomes the
/// `\n` escape of double quotes; a newline between commands becomes `; `.
public enum SingleLine {
    public static func form(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var quote: Unicode.Scalar? = nil
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            index += 1
            switch (quote, scalar) {
            case (nil, "\\"), ("\"", "\\"):
                if next == "\n" {
                    index += 1
                    continue
                }
                result.append(scalar)
                if let next {
                    result.append(next)
                    index += 1
                }
            case (nil, "'"), (nil, "\""):
                quote = scalar
                result.append(scalar)
            case ("'", "'"), ("\"", "\""):
                quote = nil
                result.append(scalar)
            case ("'", "\n"):
                result.append(contentsOf: "'\"\\n\"'".unicodeScalars)
            case ("\"", "\n"):
                result.append(contentsOf: "\\n".unicodeScalars)
            case (nil, "\n"):
                result.append(contentsOf: "; ".unicodeScalars)
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }
}
