/// Splits shell text into statements of words, remembering where every word starts.
///
///     let statements = try Lexer.statements(in: "set HUB orders; hub show $HUB", file: nil)
///     // two statements: [set, HUB, orders] and [hub, show, $HUB]
///
/// The rules follow POSIX shells where hubsh has the same feature:
/// - a newline or `;` ends a command; `#` at the start of a word starts a comment;
/// - `'...'` is literal; `"..."` expands `$NAME` and knows the escapes `\"` `\\` `\$` `\n` `\t`,
///   `\r` and `\u{1b}` (any Unicode scalar, 1 to 6 hex digits), so every control character
///   can be written, and `Quoting` writes them so;
/// - outside quotes `\` takes the next character literally; `\` before a newline joins lines,
///   so the text may not end there (with or without that last newline);
/// - `$NAME` and `${NAME}` are variables, expanded later as one word each (never split);
///   a `$` that no name follows is an ordinary character.
///
/// Columns count Unicode scalars from 1. A `\r` counts as a blank, so CRLF scripts read fine.
public struct Lexer {
    private let scalars: [Unicode.Scalar]
    private let file: String?
    /// When true, input that ends inside a quote or after `\` is accepted as it is; completion
    /// lexes the half-typed line this way.
    private let lenient: Bool
    private var index = 0
    private var line = 1
    private var column = 1

    /// `firstLine` is the line number of `text`'s first line, for text taken from the middle of
    /// a script.
    public init(_ text: String, file: String?, lenient: Bool = false, firstLine: Int = 1) {
        self.scalars = Array(text.unicodeScalars)
        self.file = file
        self.lenient = lenient
        self.line = firstLine
    }

    /// The statements of `text`; throws the first `LanguageError` found.
    public static func statements(in text: String, file: String?, firstLine: Int = 1) throws
        -> [Statement]
    {
        var lexer = Lexer(text, file: file, firstLine: firstLine)
        return try lexer.statements()
    }

    /// Scans the whole text.
    public mutating func statements() throws -> [Statement] {
        var result: [Statement] = []
        var words: [Word] = []

        func finish() {
            guard let first = words.first, let last = words.last else { return }
            let source = scalars[first.range.lowerBound..<last.range.upperBound]
            let text = String(String.UnicodeScalarView(source))
            result.append(Statement(words: words, location: first.location, text: text))
            words = []
        }

        while let scalar = peek() {
            switch scalar {
            case " ", "\t", "\r":
                advance()
            case "\n", ";":
                advance()
                finish()
            case "#":
                while let next = peek(), next != "\n" { advance() }
            case "\\" where peek(1) == "\n":
                if peek(2) == nil && !lenient {
                    throw LanguageError(.trailingBackslash, at: here)
                }
                advance()
                advance()
            default:
                if let word = try scanWord() { words.append(word) }
            }
        }
        finish()
        return result
    }

    // MARK: - Words

    /// One word, up to the next blank, newline or `;` outside quotes.
    private mutating func scanWord() throws -> Word? {
        let start = index
        let location = here
        var parts: [WordPart] = []
        var literal = ""
        var quoted = false

        func flush() {
            if !literal.isEmpty { parts.append(.literal(literal)) }
            literal = ""
        }

        while let scalar = peek() {
            if Lexer.endsWord(scalar) { break }
            switch scalar {
            case "'":
                quoted = true
                let quoteLocation = here
                advance()
                while true {
                    guard let next = peek() else {
                        if lenient { break }
                        throw LanguageError(.unterminatedQuote("'"), at: quoteLocation)
                    }
                    advance()
                    if next == "'" { break }
                    literal.unicodeScalars.append(next)
                }
            case "\"":
                quoted = true
                try scanDoubleQuoted(into: &parts, literal: &literal)
            case "\\":
                quoted = true
                let slashLocation = here
                advance()
                guard let next = peek() else {
                    if lenient { break }
                    throw LanguageError(.trailingBackslash, at: slashLocation)
                }
                advance()
                if next != "\n" {
                    literal.unicodeScalars.append(next)
                } else if peek() == nil && !lenient {
                    throw LanguageError(.trailingBackslash, at: slashLocation)
                }
            case "$":
                if let variable = try scanVariable() {
                    flush()
                    parts.append(variable)
                } else {
                    literal.unicodeScalars.append(scalar)
                }
            default:
                literal.unicodeScalars.append(scalar)
                advance()
            }
        }
        flush()
        return Word(parts: parts, location: location, wasQuoted: quoted, range: start..<index)
    }

    /// The inside of `"..."`, starting at the opening quote.
    private mutating func scanDoubleQuoted(
        into parts: inout [WordPart], literal: inout String
    ) throws {
        let quoteLocation = here
        advance()
        while true {
            guard let scalar = peek() else {
                if lenient { return }
                throw LanguageError(.unterminatedQuote("\""), at: quoteLocation)
            }
            switch scalar {
            case "\"":
                advance()
                return
            case "\\":
                advance()
                guard let next = peek() else { continue }
                advance()
                switch next {
                case "\"", "\\", "$": literal.unicodeScalars.append(next)
                case "n": literal += "\n"
                case "t": literal += "\t"
                case "r": literal += "\r"
                case "\n": break
                case "u" where unicodeEscape() != nil:
                    let (escaped, length) = unicodeEscape()!
                    literal.unicodeScalars.append(escaped)
                    for _ in 0..<length { advance() }
                default:
                    literal += "\\"
                    literal.unicodeScalars.append(next)
                }
            case "$":
                if let variable = try scanVariable() {
                    if !literal.isEmpty { parts.append(.literal(literal)) }
                    literal = ""
                    parts.append(variable)
                } else {
                    literal += "$"
                }
            default:
                literal.unicodeScalars.append(scalar)
                advance()
            }
        }
    }

    /// `$NAME` or `${NAME}` at the current `$`; nil (consuming the `$`) when no name follows.
    private mutating func scanVariable() throws -> WordPart? {
        let location = here
        advance()
        if peek() == "{" {
            let brace = (index, line, column)
            advance()
            var name = ""
            while let scalar = peek(), scalar != "}", scalar != "\n" {
                name.unicodeScalars.append(scalar)
                advance()
            }
            if peek() == "}", Lexer.isName(name) {
                advance()
                return .variable(name, location)
            }
            if lenient {
                (index, line, column) = brace
                return nil
            }
            throw LanguageError(.badVariable, at: location)
        }
        guard let first = peek(), Lexer.startsName(first) else { return nil }
        var name = ""
        while let scalar = peek(), Lexer.continuesName(scalar) {
            name.unicodeScalars.append(scalar)
            advance()
        }
        return .variable(name, location)
    }

    /// Blanks, newlines and `;` end a word outside quotes.
    static func endsWord(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n" || scalar == ";"
    }

    // MARK: - Names

    /// True for a valid variable name: a letter or `_`, then letters, digits or `_`.
    public static func isName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, startsName(first) else { return false }
        return text.unicodeScalars.allSatisfy(continuesName)
    }

    static func startsName(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    static func continuesName(_ scalar: Unicode.Scalar) -> Bool {
        startsName(scalar) || ("0"..."9").contains(scalar)
    }

    // MARK: - Position

    private var here: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    /// The scalar of the `{1b}` that follows a `\u` in double quotes, and how many scalars it
    /// takes; nil when no braces with 1 to 6 hex digits of a valid scalar follow, and the
    /// `\u` is then kept as it is, as it was before the escape existed.
    private func unicodeEscape() -> (Unicode.Scalar, length: Int)? {
        guard peek() == "{" else { return nil }
        var digits = ""
        while let next = peek(1 + digits.unicodeScalars.count), next != "}" {
            guard next.properties.isASCIIHexDigit, digits.count < 6 else { return nil }
            digits.unicodeScalars.append(next)
        }
        guard peek(1 + digits.unicodeScalars.count) == "}", let value = UInt32(digits, radix: 16),
            let scalar = Unicode.Scalar(value)
        else { return nil }
        return (scalar, digits.count + 2)
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        index + ahead < scalars.count ? scalars[index + ahead] : nil
    }

    private mutating func advance() {
        guard index < scalars.count else { return }
        if scalars[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }
}
