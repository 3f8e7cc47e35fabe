/// `echo [WORDS...]`: prints its words joined by single spaces.
enum BuiltinsEcho {
    static let command = Command(
        CommandSpec(
            ["echo"], summary: "print the words, separated by spaces",
            details: [
                "Quote a word to keep its spaces: echo \"a  b\" prints a  b. A word that starts"
                    + " with '-' is read as a flag; put -- before such words.",
                "With --json the line is printed as one JSON string.",
            ],
            positionals: [
                Positional("WORDS", "the words to print", optional: true, variadic: true)
            ],
            examples: ["echo hello", "echo \"hub: $HUB\"", "echo -- -5 is a position"]),
        run: { arguments, context in
            let text = arguments.positionals.map(\.text).joined(separator: " ")
            if context.output.wantsJSON(arguments) {
                context.output.json(.string(text))
            } else {
                context.output.line(text)
            }
        })
}
