/// `sleep DURATION`: waits, and Ctrl-C ends the wait early.
enum BuiltinsSleep {
    static let command = Command(
        CommandSpec(
            ["sleep"], summary: "wait for a while (Ctrl-C stops waiting)",
            details: ["In a script, Ctrl-C during the wait stops the script with status 130."],
            positionals: [
                Positional(
                    "DURATION", "how long, up to 7d: 500ms, 5s, 2m, 1h, 1d or a number of seconds")
            ],
            examples: ["sleep 2s", "sleep 0.5"]),
        run: { arguments, context in
            let millis = try arguments.duration(arguments.positionals[0], name: "sleep")
            _ = context.sleep(millis: millis)
        })
}
