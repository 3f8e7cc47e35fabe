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
            "hubsh \(HubshVersion.current), namespace '\(context.engineLabel)'."
                + " Type 'help' for the commands, Ctrl-D to leave.")
        output.flush()

        while true {
            let text: String
            switch readEntry(editor) {
            case .command(let command):
                text = command
            case .dropped:
                continue
            case .endOfInput:
                output.line()
                output.flush()
                return 0
            }
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

    /// What a person entered at the prompt.
    private enum Entry {
        case command(String)
        /// Ctrl-C, a blank line, or end of input in a continuation line: ask again.
        case dropped
        /// Ctrl-D on an empty prompt.
        case endOfInput
    }

    /// One command entry, over as many lines as its quotes and trailing `\` need.
    private func readEntry(_ editor: LineEditor) -> Entry {
        var text: String? = nil
        while true {
            let prompt = text == nil ? self.prompt : continuationPrompt
            switch editor.readLine(prompt: prompt) {
            case .endOfInput:
                guard let text else { return .endOfInput }
                if let error = Shell.lexingError(text + "\n") {
                    lastStatus = report(error, at: .unknown)
                }
                return .dropped
            case .interrupted:
                lastStatus = RunResult.interruptedStatus
                return .dropped
            case .line(let line):
                let joined = text.map { $0 + "\n" + line } ?? line
                if joined.allSatisfy(\.isWhitespace) { return .dropped }
                let error = Shell.lexingError(joined + "\n") as? LanguageError
                if let error, error.needsMoreInput {
                    text = joined
                    continue
                }
                return .command(joined)
            }
        }
    }

    /// The error lexing `text` throws, if any; callers end the text with the newline its
    /// last line was typed with, so that `\` then Enter on an empty line ends the command.
    private static func lexingError(_ text: String) -> Error? {
        do {
            _ = try Lexer.statements(in: text, file: nil)
            return nil
        } catch {
            return error
        }
    }

    /// `hubsh:NAMESPACE> `, bold when colour is on; the escape codes are marked for libedit.
    /// It follows `open`, which changes the namespace.
    var prompt: String {
        let text = "hubsh:\(context.engineLabel)>"
        guard context.output.useColor else { return text + " " }
        return "\u{1}\u{1B}[1m\u{2}" + text + "\u{1}\u{1B}[0m\u{2} "
    }

    var continuationPrompt: String { "...> " }
}
