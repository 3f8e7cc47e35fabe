import HubCore

/// A command: its spec and what it does.
///
/// `run` executes on the shell's thread. It reports results through `context.output` and fails by
/// throwing: a `UsageError` (exit status 2), a `HubError` (2 for a mistake in what was typed,
/// else 1) or a `CommandFailure` (its status, usually 1).
public struct Command: Sendable {
    public let spec: CommandSpec
    public let run: @Sendable (Arguments, ShellContext) throws -> Void
    /// Flags that depend on the words given, such as the options of the generator that
    /// `publish --generator NAME` names, with the words whose `--help` lists them; nil for a
    /// command whose flags are all in `spec`.
    public let extraFlags: ExtraFlags?

    public typealias ExtraFlags = @Sendable (_ words: [String], ShellContext) -> (
        flags: [Flag], helpWords: String?
    )

    public init(
        _ spec: CommandSpec,
        extraFlags: ExtraFlags? = nil,
        run: @escaping @Sendable (Arguments, ShellContext) throws -> Void
    ) {
        self.spec = spec
        self.extraFlags = extraFlags
        self.run = run
    }

    /// The spec that parses `words`, the words after the command's own: `spec` with the flags
    /// those words bring in.
    public func spec(for words: [String], context: ShellContext) -> CommandSpec {
        guard let extraFlags else { return spec }
        let extra = extraFlags(words, context)
        return extra.flags.isEmpty
            ? spec : spec.adding(flags: extra.flags, helpWords: extra.helpWords)
    }
}

/// A command did not succeed; its message (if any) is one line for stderr. Exit status 1
/// unless `status` says otherwise.
public struct CommandFailure: Error, Sendable, CustomStringConvertible {
    public var message: String?
    public var status: Int32

    public init(_ message: String?, status: Int32 = 1) {
        self.message = message
        self.status = status
    }

    public var description: String { message ?? "command failed" }
}

/// Stops the shell with an exit status: `exit`, or SIGINT (130) outside the interactive shell.
public struct ExitRequest: Error, Sendable {
    public var status: Int32

    public init(status: Int32) { self.status = status }
}

/// The commands of a shell, found by their words: `hub create` before `hub`.
public final class CommandRegistry: @unchecked Sendable {
    public private(set) var commands: [Command] = []

    public init(_ commands: [Command] = []) {
        for command in commands { register(command) }
    }

    public func register(_ command: Command) {
        commands.removeAll { $0.spec.path == command.spec.path }
        commands.append(command)
    }

    /// Removes the command whose words are `path`, if there is one.
    public func unregister(path: [String]) {
        commands.removeAll { $0.spec.path == path }
    }

    /// The command whose words are `path` or start it, or that `path` starts: a new command with
    /// these words would shadow it or be shadowed by it.
    public func overlapping(_ path: [String]) -> Command? {
        commands.first { command in
            let shorter = min(command.spec.path.count, path.count)
            return Array(command.spec.path.prefix(shorter)) == Array(path.prefix(shorter))
        }
    }

    /// The command whose path is the longest prefix of `words`, and how many words it used.
    public func match(_ words: [String]) -> (Command, Int)? {
        var best: (Command, Int)? = nil
        for command in commands {
            let path = command.spec.path
            guard path.count <= words.count, Array(words.prefix(path.count)) == path else {
                continue
            }
            if best == nil || path.count > best!.1 { best = (command, path.count) }
        }
        return best
    }

    /// Commands whose first word is `word`, for "hub needs a subcommand" messages and help.
    public func family(_ word: String) -> [Command] {
        commands.filter { $0.spec.path.first == word }
    }

    /// Every first word: `hub`, `publish`, `help`...
    public var topLevelWords: [String] {
        var seen = Set<String>()
        return commands.compactMap { seen.insert($0.spec.path[0]).inserted ? $0.spec.path[0] : nil }
    }
}
