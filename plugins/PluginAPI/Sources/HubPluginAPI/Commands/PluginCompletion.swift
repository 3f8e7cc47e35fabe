/// What Tab offers for an argument or a flag's value.
public enum PluginCompletion: Sendable {
    case none
    /// The hubs of the namespace.
    case hub
    /// The consumer groups of the hub given as the first argument.
    case group
    /// The partition ids of the hub given as the first argument.
    case partition
    /// Paths on disk.
    case file
    /// Read positions: earliest, latest, seq:, offset:, time:.
    case position
    /// These words.
    case words([String])
    /// Whatever the closure returns; hubsh keeps those that start with what was typed.
    case custom(@Sendable (CompletionRequest) -> [String])
}

/// The state of the line when Tab is pressed, for `PluginCompletion.custom`.
public struct CompletionRequest {
    /// The words typed after the command's own words, before the one being completed.
    public var given: [String]
    /// The start of the word being completed; empty at the start of a new word.
    public var partial: String
    /// The namespace, to offer names from it; failures should complete nothing.
    public var host: any PluginHost

    public init(given: [String], partial: String, host: any PluginHost) {
        self.given = given
        self.partial = partial
        self.host = host
    }
}
