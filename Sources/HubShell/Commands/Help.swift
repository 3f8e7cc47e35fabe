import HubCore

/// `help [COMMAND...]`: the list of commands, or one command's usage, flags and examples.
enum Help {
    static func command(for shell: Shell) -> Command {
        Command(
            CommandSpec(
                ["help"], summary: "list the commands, or show one command's help",
                details: [
                    "help COMMAND shows the same text as COMMAND --help. A family word such as"
                        + " hub lists the family's commands.",
                ],
                positionals: [
                    Positional(
                        "COMMAND", "a command, such as 'hub create'", optional: true,
                        variadic: true)
                ],
                examples: ["help", "help hub", "help hub create"]),
            run: { [weak shell] arguments, context in
                guard let shell else { throw Builtins.shellGone }
                let words = arguments.positionals
                let json = context.output.wantsJSON(arguments)
                guard !words.isEmpty else {
                    if json {
                        for command in shell.registry.commands {
                            context.output.json(describe(command))
                        }
                    } else {
                        let fromPlugins = context.plugins.enabled.flatMap(\.commandNames)
                        context.output.line(
                            HelpText.overview(
                                shell.registry.commands, builtins: Builtins.names,
                                fromPlugins: Set(fromPlugins)))
                    }
                    return
                }
                try show(words, registry: shell.registry, context: context, json: json)
            })
    }

    /// The help of the command `words` name, or of the family when they name only its word.
    static func show(
        _ words: [Token], registry: CommandRegistry, context: ShellContext, json: Bool
    ) throws {
        let texts = words.map(\.text)
        if let (command, used) = registry.match(texts), used == texts.count {
            if json {
                context.output.json(describe(command))
            } else {
                context.output.line(HelpText.command(command.spec))
            }
            return
        }
        let family = registry.family(texts[0])
        if texts.count == 1, !family.isEmpty {
            if json {
                for command in family { context.output.json(describe(command)) }
            } else {
                context.output.line(HelpText.family(texts[0], family))
            }
            return
        }
        let name = texts.joined(separator: " ")
        let guess = Suggest.closest(to: name, among: registry.commands.map(\.spec.name))
        throw UsageError(
            "no command '\(name)'" + (guess.map { "; did you mean '\($0)'?" } ?? "")
                + " (type 'help' for the list)",
            at: words[0].location, command: "help")
    }

    /// One command as JSON: name, usage and summary.
    static func describe(_ command: Command) -> JSONValue {
        .object([
            ("command", .string(command.spec.name)),
            ("usage", .string(command.spec.usage)),
            ("summary", .string(command.spec.summary)),
        ])
    }
}
