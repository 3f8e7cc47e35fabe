/// `exit [CODE]`: ends the shell, or the script, with a status.
enum BuiltinsExit {
    static func command(for shell: Shell) -> Command {
        Command(
            CommandSpec(
                ["exit"], summary: "leave hubsh with an exit status",
                details: [
                    "Without CODE the status is that of the last command. In a sourced script"
                        + " exit ends hubsh, not only the script. Ctrl-D at the prompt also"
                        + " leaves (status 0).",
                ],
                positionals: [
                    Positional("CODE", "the exit status, 0-255", optional: true)
                ],
                examples: ["exit", "exit 3"]),
            run: { [weak shell] arguments, _ in
                guard let shell else { throw Builtins.shellGone }
                let code = try arguments.int(at: 0, name: "CODE", range: 0...255)
                throw ExitRequest(status: code.map(Int32.init) ?? shell.lastStatus)
            })
    }
}
