/// Rewrites an ECMA-262 regular expression (as JSON Schema's `pattern` uses it) into the ICU
/// dialect that Foundation's `NSRegularExpression` runs, so that both mean the same.
///
/// What changes on the way:
/// - `\d`, `\w`, `\b` and `\B` are ASCII-only in ECMA-262 and become explicit ASCII classes or
///   lookarounds (ICU's are Unicode-aware).
/// - `\s` and `\S` become ECMA-262's exact whitespace and line-terminator set.
/// - `.` excludes exactly the four ECMA line terminators; `$` matches only at the very end
///   (ICU's also matches before a final line break).
/// - `\v`, `\cX`, `\0`, `\xHH`, `\uHHHH` (surrogate pairs joined) and `\u{H...}` become ICU's
///   `\x{...}`; literal punctuation inside a class is written as `\x{..}` so ICU's set syntax
///   (`[[a]]`, `&&`, `--`) never applies.
/// - ICU-only syntax is refused as ECMA-262 refuses it: possessive quantifiers (`a*+`),
///   atomic groups and inline flags (`(?>`, `(?i)`), `\A`, `\z`, `\Q...\E`, unknown escapes.
///
/// Lone `]`, `{` and `}` are taken as literals, as browsers do outside Unicode mode.
struct ECMARegexTranslator {
    /// Why a pattern is not an ECMA-262 regular expression, with the offset of the problem;
    /// or, when `isUnsupported`, why hubsh cannot run a pattern that ECMA-262 allows.
    struct SyntaxError: Error, Equatable {
        var message: String
        var offset: Int
        var isUnsupported = false
    }

    static let lineTerminators = "\\x{0A}\\x{0D}\\x{2028}\\x{2029}"
    static let whitespace = "\\x{09}\\x{0A}\\x{0B}\\x{0C}\\x{0D}\\x{20}\\x{A0}\\x{1680}"
        + "\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}"
    static let wordClass = "a-zA-Z0-9_"

    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var output = ""
    private var groupDepth = 0

    private init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
    }

    /// The ICU pattern that matches what `pattern` matches under ECMA-262.
    static func translate(_ pattern: String) throws(SyntaxError) -> String {
        var translator = ECMARegexTranslator(pattern)
        try translator.translateAll()
        return translator.output
    }

    private var atEnd: Bool { position >= scalars.count }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        position + offset < scalars.count ? scalars[position + offset] : nil
    }

    private func fail(_ message: String) -> SyntaxError {
        SyntaxError(message: message, offset: position)
    }

    private mutating func translateAll() throws(SyntaxError) {
        var canQuantify = false
        while let scalar = peek() {
            switch scalar {
            case "\\":
                canQuantify = try translateEscape(inClass: false)
            case "[":
                try translateClass()
                canQuantify = true
            case "(":
                try translateGroupOpening()
                canQuantify = false
            case ")":
                guard groupDepth > 0 else { throw fail("unmatched ')'") }
                groupDepth -= 1
                position += 1
                output += ")"
                canQuantify = true
            case "*", "+", "?":
                guard canQuantify else { throw fail("nothing to repeat before '\(scalar)'") }
                position += 1
                output.unicodeScalars.append(scalar)
                try translateQuantifierSuffix()
                canQuantify = false
            case "{":
                if let quantifier = countedQuantifier() {
                    guard canQuantify else { throw fail("nothing to repeat before '{'") }
                    output += quantifier
                    try translateQuantifierSuffix()
                    canQuantify = false
                } else {
                    position += 1
                    output += "\\{"
                    canQuantify = true
                }
            case ".":
                position += 1
                output += "[^" + Self.lineTerminators + "]"
                canQuantify = true
            case "$":
                position += 1
                output += "\\z"
                canQuantify = false
            case "^", "|":
                position += 1
                output.unicodeScalars.append(scalar)
                canQuantify = false
            case "]", "}":
                position += 1
                output += "\\" + String(scalar)
                canQuantify = true
            default:
                position += 1
                appendLiteral(scalar, inClass: false)
                canQuantify = true
            }
        }
        guard groupDepth == 0 else { throw fail("missing ')'") }
    }

    /// After `*`, `+`, `?` or `{n,m}`: an optional `?` makes it lazy; ICU's possessive `+` is
    /// a syntax error in ECMA-262.
    private mutating func translateQuantifierSuffix() throws(SyntaxError) {
        switch peek() {
        case "?":
            position += 1
            output += "?"
        case "+", "*":
            throw fail("nothing to repeat: a quantifier cannot follow another quantifier")
        case "{" where countedQuantifierLength() != nil:
            throw fail("nothing to repeat: a quantifier cannot follow another quantifier")
        default:
            break
        }
    }

    /// `{n}`, `{n,}` or `{n,m}` at the current position, consumed; nil (nothing consumed) when
    /// the brace does not start one.
    private mutating func countedQuantifier() -> String? {
        guard let length = countedQuantifierLength() else { return nil }
        let text = String(String.UnicodeScalarView(scalars[position..<position + length]))
        position += length
        return text
    }

    private func countedQuantifierLength() -> Int? {
        var offset = 1
        var digits = 0
        while let scalar = peek(offset), scalar.isASCIIDigit {
            offset += 1
            digits += 1
        }
        guard digits > 0 else { return nil }
        if peek(offset) == "," {
            offset += 1
            while let scalar = peek(offset), scalar.isASCIIDigit { offset += 1 }
        }
        guard peek(offset) == "}" else { return nil }
        return offset + 1
    }

    private mutating func translateGroupOpening() throws(SyntaxError) {
        position += 1
        groupDepth += 1
        guard peek() == "?" else {
            output += "("
            return
        }
        switch (peek(1), peek(2)) {
        case (":", _), ("=", _), ("!", _):
            output += "(?" + String(peek(1)!)
            position += 2
        case ("<", "="), ("<", "!"):
            output += "(?<" + String(peek(2)!)
            position += 3
        case ("<", _):
            position += 2
            let name = try groupName()
            output += "(?<" + name + ">"
        default:
            throw fail("invalid group: '(?' must be followed by ':', '=', '!', '<=', '<!' "
                       + "or <name>")
        }
    }

    /// A group name after `<`, through the closing `>`.
    private mutating func groupName() throws(SyntaxError) -> String {
        var name = ""
        while let scalar = peek(), scalar != ">" {
            guard scalar.isASCIILetter || scalar.isASCIIDigit || scalar == "_" || scalar == "$"
                || scalar.value > 0x7F
            else { throw fail("invalid character in group name") }
            name.unicodeScalars.append(scalar)
            position += 1
        }
        guard peek() == ">", !name.isEmpty else { throw fail("unterminated group name") }
        position += 1
        return name
    }

    /// Translates the escape at the current `\`; returns whether a quantifier may follow.
    private mutating func translateEscape(inClass: Bool) throws(SyntaxError) -> Bool {
        position += 1
        guard let scalar = peek() else { throw fail("'\\' at the end of the pattern") }
        position += 1
        switch scalar {
        case "d": output += inClass ? "0-9" : "[0-9]"
        case "D": output += "[^0-9]"
        case "w": output += inClass ? Self.wordClass : "[" + Self.wordClass + "]"
        case "W": output += "[^" + Self.wordClass + "]"
        case "s": output += inClass ? Self.whitespace : "[" + Self.whitespace + "]"
        case "S": output += "[^" + Self.whitespace + "]"
        case "b" where inClass: output += "\\x{08}"
        case "b":
            output += "(?:(?<=[\(Self.wordClass)])(?![\(Self.wordClass)])"
                + "|(?<![\(Self.wordClass)])(?=[\(Self.wordClass)]))"
            return false
        case "B":
            guard !inClass else { throw fail("'\\B' is not allowed in a character class") }
            output += "(?:(?<=[\(Self.wordClass)])(?=[\(Self.wordClass)])"
                + "|(?<![\(Self.wordClass)])(?![\(Self.wordClass)]))"
            return false
        case "t": output += "\\x{09}"
        case "n": output += "\\x{0A}"
        case "v": output += "\\x{0B}"
        case "f": output += "\\x{0C}"
        case "r": output += "\\x{0D}"
        case "0":
            guard !(peek()?.isASCIIDigit ?? false) else {
                throw fail("octal escapes are not allowed")
            }
            output += "\\x{00}"
        case "1"..."9":
            guard !inClass else { throw fail("a back reference cannot be in a character class") }
            var digits = String(scalar)
            while let next = peek(), next.isASCIIDigit {
                digits.unicodeScalars.append(next)
                position += 1
            }
            output += "\\" + digits
        case "k":
            guard !inClass, peek() == "<" else { throw fail("'\\k' must be followed by <name>") }
            position += 1
            output += "\\k<" + (try groupName()) + ">"
        case "c":
            guard let letter = peek(), letter.isASCIILetter else {
                throw fail("'\\c' must be followed by a letter")
            }
            position += 1
            output += hexEscape(letter.value % 32)
        case "x":
            guard let high = peek(), let low = peek(1), high.isHexDigit, low.isHexDigit else {
                throw fail("'\\x' must be followed by two hex digits")
            }
            position += 2
            output += "\\x{" + String(high) + String(low) + "}"
        case "u":
            output += hexEscape(try unicodeEscapeValue())
        case "p", "P":
            guard peek() == "{" else { throw fail("'\\\(scalar)' must be followed by {property}") }
            var body = ""
            position += 1
            while let next = peek(), next != "}" {
                guard next.isASCIILetter || next.isASCIIDigit || next == "_" || next == "=" else {
                    throw fail("invalid Unicode property name")
                }
                body.unicodeScalars.append(next)
                position += 1
            }
            guard peek() == "}", !body.isEmpty else { throw fail("unterminated \\p{...}") }
            position += 1
            output += "\\" + String(scalar) + "{" + body + "}"
        case "-" where inClass:
            output += "\\x{2D}"
        default:
            guard "^$\\.*+?()[]{}|/".unicodeScalars.contains(scalar) else {
                throw fail("'\\\(scalar)' is not an escape in ECMA-262")
            }
            appendLiteral(scalar, inClass: inClass)
        }
        return true
    }

    /// The code point of `\uHHHH` (joining a surrogate pair) or `\u{H...}`, after the `u`.
    private mutating func unicodeEscapeValue() throws(SyntaxError) -> UInt32 {
        if peek() == "{" {
            position += 1
            var value: UInt32 = 0
            var count = 0
            while let next = peek(), let digit = next.hexDigitValue {
                value = value * 16 + digit
                count += 1
                position += 1
                guard value <= 0x10FFFF else { throw fail("\\u{...} is past U+10FFFF") }
            }
            guard count > 0, peek() == "}" else { throw fail("unterminated \\u{...}") }
            position += 1
            return value
        }
        guard let high = fourHexDigits() else {
            throw fail("'\\u' must be followed by four hex digits or {...}")
        }
        if (0xD800...0xDBFF).contains(high), peek() == "\\", peek(1) == "u" {
            let saved = position
            position += 2
            if let low = fourHexDigits(), (0xDC00...0xDFFF).contains(low) {
                return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            }
            position = saved
        }
        return high
    }

    private mutating func fourHexDigits() -> UInt32? {
        var value: UInt32 = 0
        for offset in 0..<4 {
            guard let digit = peek(offset)?.hexDigitValue else { return nil }
            value = value * 16 + digit
        }
        position += 4
        return value
    }

    private mutating func translateClass() throws(SyntaxError) {
        position += 1
        output += "["
        if peek() == "^" {
            position += 1
            output += "^"
        }
        var first = true
        var afterClassEscape = false
        while let scalar = peek() {
            let isClassEscape = scalar == "\\" && peek(1).map {
                "dDwWsS".unicodeScalars.contains($0)
            } ?? false
            defer { afterClassEscape = isClassEscape }
            switch scalar {
            case "]":
                position += 1
                // ECMA-262's `[]` matches nothing and `[^]` anything; ICU has no empty set.
                if first {
                    if output.hasSuffix("[^") {
                        output.removeLast(2)
                        output += "[\\x{0}-\\x{10FFFF}]"
                    } else {
                        output.removeLast()
                        output += "(?!)"
                    }
                } else {
                    output += "]"
                }
                return
            case "\\":
                _ = try translateEscape(inClass: true)
            case "-":
                position += 1
                let isRange = !first && !afterClassEscape && peek() != "]" && peek() != nil
                    && !(peek() == "\\" && peek(1).map { "dDwWsS".unicodeScalars.contains($0) }
                         ?? false)
                output += isRange ? "-" : "\\x{2D}"
            default:
                position += 1
                appendLiteral(scalar, inClass: true)
            }
            first = false
        }
        throw fail("missing ']'")
    }

    private mutating func appendLiteral(_ scalar: Unicode.Scalar, inClass: Bool) {
        if scalar.isASCIILetter || scalar.isASCIIDigit || scalar.value > 0x7F {
            output.unicodeScalars.append(scalar)
        } else if scalar.value < 0x20 || inClass || "^$\\.*+?()[]{}|/#".unicodeScalars
            .contains(scalar)
        {
            output += hexEscape(scalar.value)
        } else {
            output.unicodeScalars.append(scalar)
        }
    }

    private func hexEscape(_ value: UInt32) -> String {
        "\\x{" + String(value, radix: 16) + "}"
    }
}

extension Unicode.Scalar {
    var hexDigitValue: UInt32? {
        guard value < 0x80 else { return nil }
        return SchemaURI.hexValue(UInt8(value)).map(UInt32.init)
    }

    var isHexDigit: Bool { hexDigitValue != nil }
}
