/// The commands the shell itself provides, as opposed to the commands on hubs and events.
///
/// They are built per shell because `exit`, `source` and `help` act on the shell that runs
/// them; each holds its shell weakly, so a registry never keeps a shell alive.
enum Builtins {
    /// The first words of the built-ins; `help` lists them apart from the domain commands.
    static let names: Set<String> = [
        "echo", "sleep", "set", "unset", "source", "open", "exit", "help", "plugin",
    ]

    static func commands(for shell: Shell) -> [Command] {
        [
            BuiltinsEcho.command, BuiltinsSleep.command, BuiltinsVariables.set,
            BuiltinsVariables.unset, BuiltinsSource.command(for: shell), BuiltinsOpen.command,
            BuiltinsExit.command(for: shell), Help.command(for: shell),
        ] + PluginCommands.all(for: shell)
    }

    /// The error a built-in throws when its shell is gone; only a misuse of the API gets here.
    static let shellGone = CommandFailure("this command's shell no longer exists")
}
