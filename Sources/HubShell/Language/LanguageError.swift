/// Input the shell cannot read: an unclosed quote, a bad `${...}`, an unset variable.
///
/// The shell reports it like a usage error (exit status 2). When `needsMoreInput` is true the
/// text merely stopped too early, and the interactive shell asks for a continuation line instead
/// of reporting anything.
public struct LanguageError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A `'` or `"` that is never closed.
        case unterminatedQuote(Character)
        /// A `\` as the very last character (or before the final newline), asking for another
        /// line.
        case trailingBackslash
        /// `${` without `}`, or `${}` around something that is not a name.
        case badVariable
        /// `$NAME` when NAME is neither a shell variable nor in the environment.
        case undefinedVariable(String)
    }

    public var kind: Kind
    public var location: SourceLocation

    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// True when more lines would complete the input rather than fix it.
    public var needsMoreInput: Bool {
        switch kind {
        case .unterminatedQuote, .trailingBackslash: return true
        case .badVariable, .undefinedVariable: return false
        }
    }

    /// What is wrong and what to do, without the location (a script's errors start with it).
    public var message: String { message(at: nil) }

    /// The message naming `place` (such as "line 2, column 6") where the problem starts, for
    /// input that has no file name to put in front of it.
    public func message(at place: String?) -> String {
        let at = place.map { " at \($0)" } ?? ""
        switch kind {
        case .unterminatedQuote(let quote):
            return "unclosed \(quote) quote\(at); add the closing \(quote)"
        case .trailingBackslash:
            return "the input ends with '\\'\(at), which continues a line; add the rest of the"
                + " command or remove the '\\'"
        case .badVariable:
            return "'${'\(at) needs a variable name and a closing '}', such as ${HUB}"
        case .undefinedVariable(let name):
            var text = "variable '\(name)' is not set; use 'set \(name) VALUE'"
            if name == "default" {
                text += " (to name the consumer group, write '$default' in single quotes)"
            }
            return text
        }
    }

    public var description: String { message }
}
