import Foundation

/// `set NAME VALUE`, `set` and `unset NAME`: the shell's variables, read back as `$NAME`.
enum BuiltinsVariables {
    static let set = Command(
        CommandSpec(
            ["set"], summary: "set a variable, or list the variables",
            details: [
                "A name has letters, digits and '_', and does not start with a digit. Quote a"
                    + " value that has spaces; $NAME then gives it back as one word.",
                "A shell variable hides an environment variable of the same name. Without"
                    + " arguments, set lists the shell's variables.",
            ],
            positionals: [
                Positional("NAME", "the variable's name", optional: true),
                Positional("VALUE", "its value", optional: true),
            ],
            examples: ["set HUB orders", "set GREETING 'hello world'", "set"]),
        run: { arguments, context in
            guard let name = arguments.positional(0) else {
                list(context, json: context.output.wantsJSON(arguments))
                return
            }
            try check(name, arguments)
            guard let value = arguments.positional(1) else {
                throw arguments.usageError(
                    "set \(name.text) needs a VALUE (use '' for an empty value)", at: name)
            }
            context.variables[name.text] = value.text
        })

    static let unset = Command(
        CommandSpec(
            ["unset"], summary: "remove a variable",
            positionals: [Positional("NAME", "the variable's name")],
            examples: ["unset HUB"]),
        run: { arguments, context in
            let name = arguments.positionals[0]
            try check(name, arguments)
            if context.variables.removeValue(forKey: name.text) != nil { return }
            if ProcessInfo.processInfo.environment[name.text] != nil {
                throw CommandFailure(
                    "'\(name.text)' comes from the environment, which hubsh does not change;"
                        + " use 'set \(name.text) VALUE' to give it another value")
            }
        })

    /// Throws a usage error at `name` unless it is a valid variable name.
    static func check(_ name: Token, _ arguments: Arguments) throws {
        guard Lexer.isName(name.text) else {
            throw arguments.usageError(
                "invalid variable name '\(name.text)': use letters, digits and '_', not"
                    + " starting with a digit",
                at: name)
        }
    }

    /// `NAME=value` lines in name order, values quoted where the shell would need quotes.
    static func list(_ context: ShellContext, json: Bool) {
        let names = context.variables.keys.sorted()
        if json {
            context.output.json(.object(names.map { ($0, .string(context.variables[$0]!)) }))
            return
        }
        if names.isEmpty {
            context.output.note("no variables are set; use 'set NAME VALUE'")
        }
        for name in names {
            context.output.line("\(name)=\(Quoting.quoted(context.variables[name]!))")
        }
    }
}
