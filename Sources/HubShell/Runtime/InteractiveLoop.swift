import CSupport
import Foundation

extension Shell {
    /// Reads commands from the terminal until Ctrl-D or `exit`, and returns the exit status.
    ///
    /// Errors are reported and the prompt comes back; nothing but `exit` and Ctrl-D ends the
    /// loop. Ctrl-C at the prompt drops the line being typed; Ctrl-C during a command stops the
    /// command (commands that wait poll `ShellContext.isInterrupted`). A line that ends inside
    /// quotes or with `\` is continued on the next, after a `...> ` prompt.
    public func runInteractive() -> Int32 {
        hubsh_install_sigint_handler()
        let output = context.output
        let editor = LineEditor(
            historyPath: options.historyPath,
            completer: Completer(registry: registry, context: context),
            warn: { output.warning($0) })
        output.note(
            "hubsh \(HubshVersion.current), namespace '\(options.promptNamespace)'."
                + " Type 'help' for the commands, Ctrl-D to leave.")
        output.flush()

        while true {
            guard let entry = readEntry(editor) else {
                output.line()
                output.flush()
                return 0
            }
            guard let text = entry else { continue }
            editor.remember(SingleLine.form(text))
            let result = runLine(text)
            output.flush()
            switch result {
            case .exit(let status):
                return status
            case .interrupted:
                output.line()
                output.flush()
            case .finished, .stopped:
                break
            }
        }
    }

    /// One command entry, over as many lines as its quotes and trailing `\` need.
    ///
    /// Returns nil at end of input (Ctrl-D on an empty prompt), `.some(nil)` when the entry was
    /// dropped (Ctrl-C, blank line, or end of input in a continuation line).
    private func readEntry(_ editor: LineEditor) -> String?? {
        var text: String? = nil
        while true {
            let prompt = text == nil ? self.prompt : continuationPrompt
            switch editor.readLine(prompt: prompt) {
            case .endOfInput:
                guard let text else { return nil }
                if case let error as LanguageError = Shell.lexingError(text) {
                    lastStatus = report(error, at: .unknown)
                }
                return .some(nil)
            case .interrupted:
                lastStatus = RunResult.interruptedStatus
                return .some(nil)
            case .line(let line):
                let joined = text.map { $0 + "\n" + line } ?? line
                if joined.allSatisfy(\.isWhitespace) { return .some(nil) }
                if let error = Shell.lexingError(joined) as? LanguageError, error.needsMoreInput {
                    text = joined
                    continue
                }
                return .some(joined)
            }
        }
    }

    /// The error lexing `text` throws, if any.
    private static func lexingError(_ text: String) -> Error? {
        do {
            _ = try Lexer.statements(in: text, file: nil)
            return nil
        } catch {
            return error
        }
    }

    /// `hubsh:NAMESPACE> `, bold when colour is on; the escape codes are marked for libedit.
    var prompt: String {
        let text = "hubsh:\(options.promptNamespace)>"
        guard context.output.useColor else { return text + " " }
        return "\u{1}\u{1B}[1m\u{2}" + text + "\u{1}\u{1B}[0m\u{2} "
    }

    var continuationPrompt: String { "...> " }
}
