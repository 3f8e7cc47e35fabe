import Foundation

/// `source [--step] FILE`: runs a script's commands in this shell.
enum BuiltinsSource {
    static func command(for shell: Shell) -> Command {
        Command(
            CommandSpec(
                ["source"], summary: "run the commands of a script file in this shell",
                details: [
                    "A relative FILE is found from the folder of the script that sources it, or"
                        + " from the working directory at the prompt. Variables set by the"
                        + " script stay set. The script stops at its first failing command"
                        + " (unless hubsh runs with --keep-going), and source fails with it.",
                    "With --step each command is shown before it runs: press Enter to run it,"
                        + " c to run the rest without stopping, or q (or Ctrl-D) to stop the"
                        + " script. echo, set and unset run without stopping, so a script's"
                        + " echo lines narrate between the stops. Without a terminal, --step"
                        + " runs the script straight through.",
                ],
                positionals: [Positional("FILE", "the script to run", completion: .file)],
                flags: [
                    Flag("--step", "show each command (but echo, set, unset) and wait for Enter")
                ],
                examples: ["source setup.hsh", "source --step samples/tour.hsh"]),
            run: { [weak shell] arguments, _ in
                guard let shell else { throw Builtins.shellGone }
                try shell.source(arguments.positionals[0], step: arguments.has("--step"))
            })
    }
}

extension Shell {
    /// Runs the script `file` names, as the `source` command does.
    func source(_ file: Token, step: Bool) throws {
        guard sourceDepth < Shell.maxSourceDepth else {
            throw CommandFailure(
                "'source' is nested more than \(Shell.maxSourceDepth) levels deep at"
                    + " '\(file.text)'; check whether a script sources itself")
        }
        let path = context.resolve(path: file.text)
        let text = try Shell.readScript(at: path, shownAs: file.text)
        let statements = try Lexer.statements(in: text, file: Shell.shortPath(path))

        var prompt: StepPrompt? = nil
        if step {
            prompt = StepPrompt()
            if prompt == nil {
                context.output.note("no terminal to step on; running '\(file.text)' straight")
            }
        }

        sourceDepth += 1
        context.scriptDirectories.append(Shell.folder(of: path))
        defer {
            context.scriptDirectories.removeLast()
            sourceDepth -= 1
        }
        switch run(statements, step: prompt) {
        case .finished(0):
            return
        case .finished(let status), .stopped(let status):
            throw CommandFailure(nil, status: status)
        case .exit(let status):
            throw ExitRequest(status: status)
        case .interrupted:
            throw CommandFailure(nil, status: RunResult.interruptedStatus)
        }
    }

    /// `path` relative to the working directory when it lies inside it, for messages.
    static func shortPath(_ path: String) -> String {
        let base = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }
}
