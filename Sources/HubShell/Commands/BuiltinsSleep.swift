/// `sleep DURATION`: waits, and Ctrl-C ends the wait early.
enum BuiltinsSleep {
    static let command = Command(
        CommandSpec(
            ["sleep"], summary: "wait for a while (Ctrl-C stops waiting)",
            details: ["In a script, Ctrl-C during the wait stops the script with status 130."],
            positionals: [
                Positional("DURATION", "how long: 500ms, 5s, 2m, 1h or a number of seconds")
            ],
            examples: ["sleep 2s", "sleep 0.5"]),
        run: { arguments, context in
            let token = arguments.positionals[0]
            guard let millis = Duration.parse(token.text) else {
                throw arguments.usageError(
                    "sleep needs a duration such as 500ms, 5s, 2m or 1h, not '\(token.text)'",
                    at: token)
            }
            _ = context.sleep(millis: millis)
        })
}
