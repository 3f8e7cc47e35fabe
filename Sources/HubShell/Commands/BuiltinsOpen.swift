import HubCore

/// `open TARGET`: switches this shell to another engine or namespace.
enum BuiltinsOpen {
    static let command = Command(
        CommandSpec(
            ["open"], summary: "switch to another data directory or NATS cluster",
            details: [
                "TARGET is a data directory (the embedded log; lmdb:DIR says so outright), or"
                    + " nats://HOST:PORT[,HOST:PORT...][/NAMESPACE] for a NATS JetStream"
                    + " cluster. A relative directory is found from the sourcing script's"
                    + " folder, or from the working directory at the prompt.",
                "A data directory that holds no namespace yet starts a new, empty one, and the"
                    + " output says so. A missing directory is created, but not a missing parent:"
                    + " that is more often a typo.",
                "The engine used before is closed once the new one is open; when opening fails,"
                    + " the shell stays on the one it had. The prompt shows the new namespace.",
            ],
            positionals: [
                Positional("TARGET", "a data directory or a nats:// address", completion: .file)
            ],
            examples: [
                "open /tmp/scratch", "open lmdb:~/streams",
                "open nats://127.0.0.1:4222,127.0.0.1:4223,127.0.0.1:4224",
                "open nats://127.0.0.1:4222/team",
            ]),
        run: { arguments, context in
            let token = arguments.positionals[0]
            let target: EngineTarget
            do {
                target = try resolved(EngineTarget.parse(token.text), context: context)
            } catch let error as EngineTargetError {
                throw arguments.usageError(error.description, at: token)
            }
            let before = context.engineLabel
            do {
                try context.switchEngine(to: target)
            } catch let failure as CommandFailure {
                throw failure
            } catch {
                throw CommandFailure("\(error); the shell stays on '\(before)'")
            }
            if context.output.wantsJSON(arguments) {
                context.output.json(
                    .object([
                        ("engine", .string(engineName(target))),
                        ("target", .string(target.description)),
                        ("namespace", .string(context.log.namespace)),
                        ("label", .string(context.engineLabel)),
                        ("new", .bool(context.engine.isNew)),
                    ]))
            } else {
                let new = context.engine.isNew ? ", new and empty" : ""
                context.output.line(
                    "opened '\(context.engineLabel)' (\(engineName(target)):"
                        + " \(target.description)\(new))")
            }
        })

    /// `target` with its directory made absolute from where the command runs.
    static func resolved(_ target: EngineTarget, context: ShellContext) -> EngineTarget {
        guard case .lmdb(let directory) = target else { return target }
        return .lmdb(directory: context.resolve(path: directory))
    }

    /// The engine's name in messages and JSON.
    static func engineName(_ target: EngineTarget) -> String {
        switch target {
        case .lmdb: return "lmdb"
        case .nats: return "nats"
        }
    }
}
