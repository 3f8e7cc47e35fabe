import Foundation

/// A compiled ECMA-262 regular expression, matched anywhere in a string (JSON Schema patterns
/// are not implicitly anchored).
///
/// Simple patterns (one-character atoms with quantifiers, see `SimplePattern`) run on hubsh's
/// own matcher with exact ECMA-262 semantics; the rest run on ICU through
/// `NSRegularExpression` after `ECMARegexTranslator` has rewritten them. Every pattern goes
/// through the translator first, so both engines accept the same syntax. Known differences
/// from ECMA-262 that remain:
/// - Lookbehind must have a bounded length in ICU (`(?<=a+)b` is refused at compile time).
/// - A back reference to a group that has not matched fails in ICU; in ECMA-262 it matches
///   the empty string.
/// - Unicode property names are ICU's: every ECMA-262 name works, and some names ECMA-262
///   does not know (such as `\p{Alphabetic=Yes}` spellings) are accepted too.
/// - Case-insensitive matching and flags are not used (JSON Schema patterns have none).
///
/// Safe to share between threads: `NSRegularExpression` is immutable once made.
final class ECMARegex: @unchecked Sendable {
    /// The pattern as the schema wrote it.
    let source: String
    private let simple: SimplePattern?
    private let expression: NSRegularExpression?

    init(_ source: String) throws(ECMARegexTranslator.SyntaxError) {
        self.source = source
        let translated = try ECMARegexTranslator.translate(source)
        if let simple = SimplePattern(source) {
            self.simple = simple
            self.expression = nil
            return
        }
        do {
            self.simple = nil
            self.expression = try NSRegularExpression(pattern: translated, options: [])
        } catch {
            // The translator accepted it, so it is ECMA-262: a limit of ICU, not a mistake.
            throw Self.unsupported(source)
        }
    }

    /// Why ICU refused `source`, which the translator accepted. ICU refuses mainly lookbehinds
    /// without a maximum length, so one of those is named with where it starts.
    static func unsupported(_ source: String) -> ECMARegexTranslator.SyntaxError {
        let scalars = Array(source.unicodeScalars)
        let lookbehind = scalars.indices.first { index in
            index + 3 < scalars.count && scalars[index] == "(" && scalars[index + 1] == "?"
                && scalars[index + 2] == "<"
                && (scalars[index + 3] == "=" || scalars[index + 3] == "!")
        }
        guard let lookbehind else {
            return ECMARegexTranslator.SyntaxError(
                message: "a construct that ICU (the engine that runs it) refuses", offset: 0,
                isUnsupported: true)
        }
        return ECMARegexTranslator.SyntaxError(
            message: "a lookbehind without a maximum length, which ICU (the engine that runs"
                + " it) cannot match; bound what it repeats, such as a{1,10} for a+ or a*",
            offset: lookbehind, isUnsupported: true)
    }

    /// True when the expression matches some part of `text`.
    func matches(_ text: String) -> Bool {
        if let simple { return simple.matches(text) }
        guard let expression else { return false }
        let range = NSRange(location: 0, length: text.utf16.count)
        return expression.rangeOfFirstMatch(in: text, options: [], range: range).location
            != NSNotFound
    }
}

/// Compiled expressions by pattern text, shared by every schema one compiler compiles.
///
/// Thread-safe: lookups and inserts hold a lock.
final class ECMARegexCache: @unchecked Sendable {
    private var compiled: [String: ECMARegex] = [:]
    private let lock = NSLock()

    func regex(_ pattern: String) throws(ECMARegexTranslator.SyntaxError) -> ECMARegex {
        lock.lock()
        let cached = compiled[pattern]
        lock.unlock()
        if let cached { return cached }
        let regex = try ECMARegex(pattern)
        lock.lock()
        compiled[pattern] = regex
        lock.unlock()
        return regex
    }
}
