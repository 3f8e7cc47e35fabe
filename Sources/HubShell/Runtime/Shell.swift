import CSupport
import Foundation

/// The interpreter: reads statements, expands their words, finds each command and runs it.
///
///     let shell = Shell(context: context, registry: registry, options: ShellOptions())
///     let status = shell.runScript("hub create orders\nhub list", file: nil)
///
/// Creating a shell registers the built-in commands (`echo`, `set`, `source`, `help`...) into
/// `registry`. Everything runs on the thread that calls in, one command at a time; Ctrl-C only
/// sets a flag (see `ShellContext.isInterrupted`), which the shell checks after each command.
///
/// Exit statuses: 0 success, 1 a command failed, 2 a usage or syntax error, 130 interrupted,
/// or the code given to `exit`. A benchmark stopped by SIGTERM or SIGHUP ends the process by
/// that signal once it has cleaned up (`TerminationSignals`).
public final class Shell: @unchecked Sendable {
    public let context: ShellContext
    public let registry: CommandRegistry
    public let options: ShellOptions
    /// The status of the last command run, which `exit` without a code reports.
    public internal(set) var lastStatus: Int32 = 0
    /// How many `source` commands are running inside each other.
    var sourceDepth = 0
    /// True while a script without a file (`-c`, piped input) of more than one line runs: its
    /// errors then start with `line N: `.
    var numbersLines = false

    /// More nested `source` commands than this is taken as a script sourcing itself.
    static let maxSourceDepth = 32

    public init(context: ShellContext, registry: CommandRegistry, options: ShellOptions) {
        self.context = context
        self.registry = registry
        self.options = options
        for command in Builtins.commands(for: self) {
            registry.register(command)
        }
    }

    // MARK: - Entry points

    /// Runs `text` as a script: `-c COMMANDS`, piped input, or a file's contents.
    ///
    /// The whole text is read first, so a syntax error anywhere runs nothing. Then the first
    /// failing command stops the script with its status, unless `keepGoing` is set.
    /// `file` names the script in error locations and is the folder that relative paths
    /// given to `source` start from.
    public func runScript(_ text: String, file: String?) -> Int32 {
        hubsh_install_sigint_handler()
        defer { context.output.flush() }
        let statements: [Statement]
        do {
            statements = try Lexer.statements(in: text, file: file)
        } catch {
            return report(error, at: .unknown)
        }
        if let file {
            context.scriptDirectories.append(Shell.folder(of: context.resolve(path: file)))
        }
        defer { if file != nil { context.scriptDirectories.removeLast() } }
        let numberedBefore = numbersLines
        numbersLines = file == nil && statements.contains { $0.location.line > 1 }
        defer { numbersLines = numberedBefore }
        return run(statements).status
    }

    /// Reads the script at `path` (relative to the working directory) and runs it.
    public func runScriptFile(_ path: String) -> Int32 {
        hubsh_install_sigint_handler()
        do {
            // hubsh's own argument names no script it can open: a usage error, as in python3.
            let text = try Shell.readScript(
                at: context.resolve(path: path), shownAs: path, unopenableStatus: 2)
            return runScript(text, file: path)
        } catch {
            defer { context.output.flush() }
            return report(error, at: .unknown)
        }
    }

    /// Runs the commands piped on standard input (or `-f -`) as they arrive, as `sh` does: a
    /// command runs once its line (and any continuation lines its quotes or a trailing `\`
    /// need) has come, so hubsh can follow a producer that writes commands over time. Unlike
    /// `-f FILE`, which reads the whole script first, a syntax error stops the input there,
    /// after the commands before it have run.
    ///
    /// The first failing command stops the run with its status, unless `keepGoing` is set.
    /// Ctrl-C while waiting for input ends with status 130.
    public func runStandardInput() -> Int32 {
        hubsh_install_sigint_handler()
        defer { context.output.flush() }
        var lines = InputLines(descriptor: 0, shownAs: "standard input")
        var pending = ""
        var pendingStart = 1
        /// Why `pending` is not a whole command yet: an open quote or a trailing `\`.
        var unfinished: LanguageError?
        var lineNumber = 0
        var worst: Int32 = 0
        let numberedBefore = numbersLines
        defer { numbersLines = numberedBefore }
        while true {
            let bytes: ArraySlice<UInt8>?
            do {
                bytes = try lines.next()
            } catch {
                return report(Shell.scriptError(error, calling: "script"), at: .unknown)
            }
            guard let bytes else { break }
            lineNumber += 1
            guard let line = String(validating: bytes, as: UTF8.self) else {
                return report(
                    CommandFailure(
                        "standard input is not UTF-8 text (line \(lineNumber)); convert it to"
                            + " UTF-8"),
                    at: .unknown)
            }
            if pending.isEmpty { pendingStart = lineNumber }
            pending += line + "\n"
            let statements: [Statement]
            do {
                statements = try Lexer.statements(in: pending, file: nil, firstLine: pendingStart)
            } catch let error as LanguageError where error.needsMoreInput {
                unfinished = error
                continue
            } catch {
                return report(error, at: .unknown)
            }
            pending = ""
            unfinished = nil
            // Errors name their line once the input is known to have more than one.
            numbersLines = lineNumber > 1 || lines.hasMoreBuffered
            switch run(statements) {
            case .finished(let status):
                if status != 0 { worst = (worst == 2 || status == 2) ? 2 : 1 }
            case let result:
                return result.status
            }
        }
        // The input ended inside a quote or after a `\`.
        if let unfinished { return report(unfinished, at: .unknown) }
        return worst
    }

    /// Runs one line as the interactive shell would, without a terminal: for tests and tools.
    ///
    /// A failing command stops the rest of the line. Returns the line's status; `exit N` gives N.
    @discardableResult
    public func execute(line: String) -> Int32 {
        defer { context.output.flush() }
        return runLine(line).status
    }

    /// Lexes and runs one line of interactive input (which may hold continuation lines).
    ///
    /// The text is lexed as the newline-ended line it was, so a `\` at its very end is
    /// refused as it is in a script.
    func runLine(_ text: String) -> RunResult {
        do {
            return run(try Lexer.statements(in: text + "\n", file: nil))
        } catch {
            lastStatus = report(error, at: .unknown)
            return .stopped(lastStatus)
        }
    }

    // MARK: - Files

    /// The folder holding `path`, for resolving the paths a script mentions.
    static func folder(of path: String) -> String {
        (path as NSString).deletingLastPathComponent
    }

    /// The text of a script, or an error naming `shownAs` and the reason. A script that is
    /// missing, a folder or not readable fails with `unopenableStatus`.
    static func readScript(
        at path: String, shownAs: String, unopenableStatus: Int32 = 1
    ) throws -> String {
        let bytes: [UInt8]
        do {
            bytes = try FileReading.readAll(path: path, shownAs: shownAs)
        } catch {
            var failure = scriptError(error, calling: "script")
            if [.notFound, .isDirectory, .permissionDenied].contains(error.reason) {
                failure.status = unopenableStatus
            }
            throw failure
        }
        return try scriptText(bytes, calling: "script '\(shownAs)'")
    }

    /// A failed read as the shell reports it: Ctrl-C is status 130 without a message.
    static func scriptError(_ error: FileReadError, calling noun: String) -> CommandFailure {
        guard error.reason != .interrupted else {
            return CommandFailure(nil, status: RunResult.interruptedStatus)
        }
        return CommandFailure(error.message(calling: noun))
    }

    /// `bytes` as text, refused when they are not UTF-8; `name` says what they came from.
    static func scriptText(_ bytes: [UInt8], calling name: String) throws -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw CommandFailure("\(name) is not UTF-8 text; convert it to UTF-8")
        }
        return text
    }
}
