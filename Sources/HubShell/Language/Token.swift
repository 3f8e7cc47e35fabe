/// One word of a command, after quoting and expansion, remembering where it came from.
///
/// Errors point at the word that caused them: `orders.hsh:12:8: unknown flag '--partiton'`.
public struct Token: Sendable, Equatable, CustomStringConvertible {
    /// The word's text after quotes were removed and variables expanded.
    public var text: String
    public var location: SourceLocation
    /// True when any part of the word was quoted, so `''` is an empty word and `'--x'` is still
    /// a flag (quoting never hides a flag, as in POSIX shells).
    public var wasQuoted: Bool

    public init(_ text: String, location: SourceLocation = .unknown, wasQuoted: Bool = false) {
        self.text = text
        self.location = location
        self.wasQuoted = wasQuoted
    }

    public var description: String { text }
}

/// A place in a script or on the command line: file (nil for interactive input), line, column.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    public var file: String?
    public var line: Int
    public var column: Int

    public init(file: String?, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static let unknown = SourceLocation(file: nil, line: 0, column: 0)

    /// `tour.hsh:12:8`, `line 3`, or empty when unknown.
    public var description: String {
        guard line > 0 else { return "" }
        if let file { return "\(file):\(line):\(column)" }
        return "line \(line)"
    }
}
