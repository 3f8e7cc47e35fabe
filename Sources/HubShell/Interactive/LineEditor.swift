@preconcurrency import CEditLine
import CSupport
import Foundation
import HubCore

/// Reads lines from a person at a terminal, with libedit: editing, history and Tab completion.
///
///     let editor = LineEditor(historyPath: History.defaultPath(), completer: completer)
///     switch editor.readLine(prompt: "hubsh:local> ") {
///     case .line(let text): editor.remember(text)
///     case .interrupted: break          // Ctrl-C: the line is dropped, ask again
///     case .endOfInput: break           // Ctrl-D on an empty line
///     }
///
/// libedit's readline interface keeps one editor per process, so one `LineEditor` is active at
/// a time (the newest); it runs on the shell's thread. Ctrl-C works through `TerminalInput`:
/// the shell's SIGINT handler sets a flag and interrupts the read, and `readLine` returns
/// `.interrupted`. libedit's own signal handling is turned off.
public final class LineEditor {
    public enum Input: Equatable, Sendable {
        case line(String)
        case interrupted
        case endOfInput
    }

    private let historyPath: String?
    private let completer: Completer?
    private let warn: (String) -> Void
    private var lastEntry: String?
    private var historyBroken = false

    /// The editor that libedit's completion callback serves.
    nonisolated(unsafe) static var active: LineEditor?

    /// Sets libedit up and loads the history at `historyPath` (nil: history for this session
    /// only). `warn` receives one-line problems such as an unwritable history file.
    public init(historyPath: String?, completer: Completer?, warn: @escaping (String) -> Void) {
        self.historyPath = historyPath
        self.completer = completer
        self.warn = warn
        LineEditor.configureLibedit()
        LineEditor.active = self
        clear_history()
        stifle_history(Int32(History.limit))
        guard let historyPath else { return }
        do {
            try History.trim(historyPath)
        } catch {
            report(error)
        }
        for entry in History.load(from: historyPath) {
            add_history(entry)
            lastEntry = entry
        }
    }

    /// Reads one line after showing `prompt`.
    ///
    /// Escape codes in the prompt must sit between `\u{1}` and `\u{2}` so libedit can measure
    /// the prompt's width.
    public func readLine(prompt: String) -> Input {
        _ = hubsh_take_interrupt()
        TerminalInput.watchWindowSize()
        let raw = readline(prompt)
        TerminalInput.stopWatchingWindowSize()
        guard let raw else {
            if hubsh_take_interrupt() != 0 {
                // In libedit's raw mode the terminal does not echo ^C; show that the line went.
                LineEditor.editorOutput.write(Data("^C\n".utf8))
                return .interrupted
            }
            return .endOfInput
        }
        defer { free(raw) }
        return .line(String(cString: raw))
    }

    /// Adds `entry` to the history, in memory and in the file; a repeat of the last entry and
    /// blank entries are skipped.
    public func remember(_ entry: String) {
        guard !entry.allSatisfy(\.isWhitespace), entry != lastEntry else { return }
        lastEntry = entry
        add_history(entry)
        guard let historyPath, !historyBroken else { return }
        do {
            try History.append(entry, to: historyPath)
        } catch {
            report(error)
        }
    }

    private func report(_ error: Error) {
        historyBroken = true
        warn(String(describing: error))
    }

    // MARK: - libedit

    nonisolated(unsafe) private static var configured = false

    /// Settings that must be made before libedit's first use, once per process.
    private static func configureLibedit() {
        guard !configured else { return }
        configured = true
        TerminalLocale.useUTF8()
        rl_readline_name = UnsafePointer(strdup("hubsh"))
        rl_catch_signals = 0
        rl_getc_function = TerminalInput.readCharacter
        rl_basic_word_break_characters = UnsafePointer(strdup(" \t\n;"))
        rl_attempted_completion_function = LineEditor.completionHook
        if isatty(1) == 0 && isatty(2) == 1 {
            // `hubsh | tee log`: libedit edits only when its output is a terminal, so the
            // prompt, echo and completion go to standard error, which still is one, and the
            // commands' output goes down the pipe.
            rl_outstream = stderr
            editorOutput = FileHandle.standardError
        }
        _ = rl_initialize()
    }

    /// Where libedit draws the prompt and the line being edited.
    nonisolated(unsafe) private static var editorOutput = FileHandle.standardOutput

    /// libedit's `rl_attempted_completion_function`: the matches for the word before the
    /// cursor, as a malloc'ed array (common prefix first, then each match, then NULL) that
    /// libedit frees.
    private static let completionHook:
        @convention(c) (UnsafePointer<CChar>?, Int32, Int32)
            -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, start, end in
                rl_attempted_completion_over = 1
                guard let completer = LineEditor.active?.completer,
                    let buffer = rl_line_buffer, let text
                else { return nil }
                let line = String(cString: buffer)
                let word = String(cString: text)
                let matches = LineEditor.matches(
                    completer, line: line, word: word, start: Int(start), end: Int(end))
                guard !matches.isEmpty else { return nil }
                let single = matches.count == 1
                let last = matches[0].last
                let continues = last == "/" || last == ":" || last == "="
                rl_completion_append_character = single && continues ? 0 : 32
                let common = LineEditor.replacement(for: word, matches: matches)
                return LineEditor.cArray([common] + matches)
            }

    /// The completer's candidates, rewritten to replace libedit's `word` (which starts at
    /// `start`), since libedit's idea of where a word starts can differ from the lexer's.
    static func matches(
        _ completer: Completer, line: String, word: String, start: Int, end: Int
    ) -> [String] {
        let scalars = Array(line.unicodeScalars)
        guard start >= 0, start <= end, end <= scalars.count,
            Array(word.unicodeScalars) == Array(scalars[start..<end])
        else { return [] }
        let completion = completer.completion(line: line, cursor: end)
        let ours = completion.wordStart
        if ours == start { return completion.candidates }
        if ours < start {
            let skipped = Array(scalars[ours..<start])
            return completion.candidates.compactMap { candidate in
                let candidateScalars = Array(candidate.unicodeScalars)
                guard candidateScalars.starts(with: skipped) else { return nil }
                return String(String.UnicodeScalarView(candidateScalars.dropFirst(skipped.count)))
            }
        }
        let extra = String(String.UnicodeScalarView(scalars[start..<ours]))
        return completion.candidates.map { extra + $0 }
    }

    /// What libedit writes in place of the typed `word`: the start that all matches share.
    ///
    /// Names match in any case, so `ord` with `Orders` and `ORDERS-EU` becomes `Orders` (the
    /// start they share in any case, spelled as the first match spells it), and `ord` with
    /// `Orders` and `ordinal` stays `ord` rather than losing what was typed.
    static func replacement(for word: String, matches: [String]) -> String {
        let exact = commonPrefix(matches)
        if exact.unicodeScalars.count >= word.unicodeScalars.count { return exact }
        guard let first = matches.first else { return word }
        var shared = first.count
        for match in matches.dropFirst() {
            let pairs = zip(first, match).prefix(shared)
            shared = pairs.prefix { Names.same(String($0), String($1)) }.count
        }
        return shared > word.count ? String(first.prefix(shared)) : word
    }

    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first.map({ Array($0.unicodeScalars) }) else { return "" }
        for word in words.dropFirst() {
            let scalars = Array(word.unicodeScalars)
            var count = 0
            while count < prefix.count, count < scalars.count, prefix[count] == scalars[count] {
                count += 1
            }
            prefix = Array(prefix.prefix(count))
        }
        return String(String.UnicodeScalarView(prefix))
    }

    /// A NULL-terminated array of C strings, all from malloc, for libedit to free.
    static func cArray(
        _ strings: [String]
    ) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        let size = MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (strings.count + 1)
        guard let memory = malloc(size) else { return nil }
        let array = memory.bindMemory(
            to: UnsafeMutablePointer<CChar>?.self, capacity: strings.count + 1)
        for (index, string) in strings.enumerated() {
            array[index] = strdup(string)
        }
        array[strings.count] = nil
        return array
    }
}
