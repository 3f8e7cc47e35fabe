/// How a shell runs: what to do after a failure and where history goes. The prompt shows the
/// engine's label (`ShellContext.engineLabel`).
public struct ShellOptions: Sendable {
    /// In scripts, go on after a failing command instead of stopping; the run then ends with
    /// status 2 if any command had a usage error, else 1.
    public var keepGoing: Bool
    /// The interactive history file; nil keeps history for this session only.
    public var historyPath: String?

    public init(keepGoing: Bool = false, historyPath: String? = nil) {
        self.keepGoing = keepGoing
        self.historyPath = historyPath
    }
}
