import CSupport
import Foundation
import HubCore

/// How results reach a person or a script: tables and colour on a terminal, JSON on request,
/// diagnostics on stderr.
///
/// Commands never print directly; they hand values to `Output`, which decides the form. Results
/// go to `standardOutput`; errors, warnings and progress go to `standardError`, so a script that
/// parses stdout never sees them. Colour is used only when stdout is a terminal and `NO_COLOR`
/// is unset.
public final class Output: @unchecked Sendable {
    public let standardOutput: TextSink
    public let standardError: TextSink
    /// True when the global `--json` was given: every command prints JSON.
    public var jsonByDefault: Bool
    /// True when stdout is a terminal.
    public let isTerminal: Bool
    /// True when stderr is a terminal: only then do long commands show a progress line.
    public let errorIsTerminal: Bool
    public let useColor: Bool
    /// True with `--verbose`: debug diagnostics are shown on stderr.
    public var verbose = false

    public init(
        standardOutput: TextSink, standardError: TextSink, jsonByDefault: Bool = false,
        isTerminal: Bool, useColor: Bool, errorIsTerminal: Bool = false
    ) {
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.jsonByDefault = jsonByDefault
        self.isTerminal = isTerminal
        self.useColor = useColor
        self.errorIsTerminal = errorIsTerminal
    }

    /// Output on the process's stdout and stderr, with terminal detection and NO_COLOR.
    public static func standard(json: Bool = false, noColor: Bool = false) -> Output {
        let terminal = isatty(1) == 1
        let environment = ProcessInfo.processInfo.environment
        let noColor = noColor || environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return Output(
            standardOutput: FileDescriptorSink(descriptor: 1, limit: terminal ? 0 : 64 * 1024),
            standardError: FileDescriptorSink(descriptor: 2, limit: 0),
            jsonByDefault: json, isTerminal: terminal, useColor: terminal && !noColor,
            errorIsTerminal: isatty(2) == 1)
    }

    /// Whether this command prints JSON: the global `--json` or its own.
    public func wantsJSON(_ arguments: Arguments) -> Bool {
        jsonByDefault || arguments.has("--json")
    }

    // MARK: - Results (stdout)

    public func line(_ text: String = "") {
        standardOutput.write(text + "\n")
    }

    /// One JSON value on one line.
    public func json(_ value: JSONValue) {
        var text = ""
        value.write(to: &text)
        text += "\n"
        standardOutput.write(text)
    }

    /// An aligned table; `numeric` columns are right-aligned, and a cell wider than its
    /// column's `maxWidth` is cut with `…`. Prints nothing but `empty` when there are no rows.
    public func table(_ columns: [Column], _ rows: [[String]], empty: String? = nil) {
        if rows.isEmpty {
            if let empty { note(empty) }
            return
        }
        let rows = rows.map { row in
            row.enumerated().map { index, cell in
                index < columns.count ? Output.cut(cell, to: columns[index].maxWidth) : cell
            }
        }
        var widths = columns.map { $0.title.unicodeScalars.count }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], Output.displayWidth(cell))
            }
        }
        let header = columns.enumerated().map { index, column in
            Output.pad(column.title, widths[index], right: column.numeric)
        }
        line(style(.bold, Output.trimEnd(header.joined(separator: "  "))))
        for row in rows {
            let cells = row.enumerated().map { index, cell in
                index < columns.count
                    ? Output.pad(cell, widths[index], right: columns[index].numeric) : cell
            }
            line(Output.trimEnd(cells.joined(separator: "  ")))
        }
    }

    public struct Column: Sendable {
        public var title: String
        public var numeric: Bool
        /// The widest a cell is shown; nil shows every cell whole.
        public var maxWidth: Int?

        public init(_ title: String, numeric: Bool = false, maxWidth: Int? = nil) {
            self.title = title
            self.numeric = numeric
            self.maxWidth = maxWidth
        }
    }

    /// `text` cut in the middle to `width` columns when it is wider; else unchanged.
    ///
    ///     Output.cut("payments-europe-west-archive.deadletter", to: 20)
    ///     // "payments-e…eadletter"
    ///
    /// Names that differ only at their end (`orders…` and `orders….deadletter`) stay apart,
    /// as they would not if the end were cut off.
    static func cut(_ text: String, to width: Int?) -> String {
        guard let width, width > 1, displayWidth(text) > width else { return text }
        let scalars = Array(text.unicodeScalars)
        let endCount = (width - 1) / 2
        let head = String(String.UnicodeScalarView(scalars.prefix(width - 1 - endCount)))
        return head + "…" + String(String.UnicodeScalarView(scalars.suffix(endCount)))
    }

    /// Ends the line on which the terminal echoed `^C`, so that what a stopped command prints
    /// next starts a line of its own. Writes nothing when neither stdout nor stderr is a
    /// terminal: no echo reaches a pipe or a file.
    public func endInterruptedLine() {
        if isTerminal {
            standardOutput.write("\n")
        } else if errorIsTerminal {
            standardError.write("\n")
        }
    }

    // MARK: - Diagnostics (stderr)

    /// Information for a person, such as a summary after a table; never parsed by scripts.
    public func note(_ text: String) {
        standardError.write(style(.dim, text) + "\n")
    }

    public func warning(_ text: String) {
        standardError.write(style(.yellow, "warning:") + " " + text + "\n")
    }

    public func error(_ text: String) {
        standardOutput.flush()
        standardError.write(style(.red, "error:") + " " + text + "\n")
    }

    public func debug(_ text: @autoclosure () -> String) {
        guard verbose else { return }
        standardError.write(style(.dim, "debug: " + text()) + "\n")
    }

    /// Replaces the progress line on stderr with `text`; nothing unless stderr is a terminal.
    /// The line stays until the next `progress` or `clearProgress`.
    public func progress(_ text: String) {
        guard errorIsTerminal else { return }
        let shown = Output.fitted(text, columns: Int(hubsh_terminal_columns(2)))
        standardError.write("\r" + style(.dim, shown) + "\u{1B}[K")
    }

    /// `text` cut to one column less than a terminal `columns` wide (0: width unknown), so
    /// that it never wraps: a wrapped progress line is not overwritten by the next one.
    static func fitted(_ text: String, columns: Int) -> String {
        guard columns > 1, displayWidth(text) >= columns else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.prefix(columns - 1)))
    }

    /// Removes the progress line, if one is shown.
    public func clearProgress() {
        guard errorIsTerminal else { return }
        standardError.write("\r\u{1B}[K")
    }

    public func flush() {
        standardOutput.flush()
        standardError.flush()
    }

    // MARK: - Styling

    public enum Style: String, Sendable {
        case bold = "1"
        case dim = "2"
        case red = "31"
        case green = "32"
        case yellow = "33"
        case blue = "34"
        case magenta = "35"
        case cyan = "36"
    }

    /// `text` in `style` when colour is on; unchanged otherwise.
    public func style(_ style: Style, _ text: String) -> String {
        useColor ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.count
    }

    static func pad(_ text: String, _ width: Int, right: Bool) -> String {
        let padding = String(repeating: " ", count: max(0, width - displayWidth(text)))
        return right ? padding + text : text + padding
    }

    static func trimEnd(_ text: String) -> String {
        var text = text
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }
}
