/// One word as written, before its variables are expanded.
///
/// `"orders-$ENV"` is a quoted word of two parts: the literal `orders-` and the variable `ENV`.
/// Expansion happens when the command runs, so `set HUB x; hub show $HUB` on one line sees the
/// new value.
public struct Word: Sendable, Equatable {
    public var parts: [WordPart]
    /// Where the word starts.
    public var location: SourceLocation
    /// True when any part of the word was quoted or escaped.
    public var wasQuoted: Bool
    /// The word's place in the scanned text, in Unicode scalars: where a completion replaces it.
    public var range: Range<Int>

    public init(
        parts: [WordPart], location: SourceLocation, wasQuoted: Bool, range: Range<Int>
    ) {
        self.parts = parts
        self.location = location
        self.wasQuoted = wasQuoted
        self.range = range
    }

    /// The word's text with variables left as `$NAME`, for messages and completion.
    public var literalText: String {
        parts.map { part in
            switch part {
            case .literal(let text): return text
            case .variable(let name, _): return "$" + name
            }
        }.joined()
    }
}

/// A piece of a word: text taken as it is, or a variable to look up.
public enum WordPart: Sendable, Equatable {
    case literal(String)
    /// `$NAME` or `${NAME}`, with where the `$` was.
    case variable(String, SourceLocation)
}
