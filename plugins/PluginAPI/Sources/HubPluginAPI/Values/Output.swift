/// A column of `PluginHost.writeTable`; numeric columns are aligned to the right.
public struct TableColumn: Sendable, Equatable {
    public var title: String
    public var numeric: Bool

    public init(_ title: String, numeric: Bool = false) {
        self.title = title
        self.numeric = numeric
    }
}

/// What standard output is: for commands that draw, such as bar charts.
public struct TerminalTraits: Sendable, Equatable {
    /// True when standard output is a terminal rather than a pipe or a file.
    public var isTerminal: Bool
    /// True when escape codes for colour may be written (a terminal, and `NO_COLOR` unset).
    public var useColor: Bool
    /// The terminal's width in columns; 80 when it is not a terminal.
    public var columns: Int

    public init(isTerminal: Bool, useColor: Bool, columns: Int) {
        self.isTerminal = isTerminal
        self.useColor = useColor
        self.columns = columns
    }
}

/// How much a diagnostic matters.
public enum PluginLogLevel: Sendable, Equatable {
    /// Shown only with hubsh's `--verbose`.
    case debug
    /// A note for a person, such as a summary after a table.
    case info
    case warning
    case error
}
