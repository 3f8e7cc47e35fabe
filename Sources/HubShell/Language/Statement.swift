/// One command of a script or input line: its words, where it starts and how it was written.
///
/// `hub create orders; publish orders '{"id":1}'` holds two statements.
public struct Statement: Sendable, Equatable {
    public var words: [Word]
    /// Where the first word starts.
    public var location: SourceLocation
    /// The command as written, from its first word to the end of its last; `source --step`
    /// shows it before running it.
    public var text: String

    public init(words: [Word], location: SourceLocation, text: String) {
        self.words = words
        self.location = location
        self.text = text
    }
}
