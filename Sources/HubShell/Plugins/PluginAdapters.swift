import HubPluginAPI

/// Makes a plugin's command specs, flags and completions into the shell's own, so that a plugin
/// command parses, completes and shows its help exactly like a built-in one.
enum PluginAdapters {
    /// The shell command that runs `command` of `plugin`.
    static func command(_ command: PluginCommand, plugin: String) -> Command {
        let source = command.spec
        let spec = CommandSpec(
            source.words, summary: source.summary, details: source.details,
            positionals: source.arguments.map { positional($0, plugin: plugin) },
            flags: source.flags.map { flag($0, plugin: plugin) }, examples: source.examples)
        let run = command.run
        return Command(spec) { arguments, context in
            let host = ShellPluginHost(context: context, plugin: plugin)
            let values = PluginAdapters.values(
                arguments, flags: source.flags.map(\.name),
                wantsJSON: context.output.wantsJSON(arguments))
            do {
                try run(values, host)
            } catch {
                throw PluginAdapters.shellError(error, plugin: plugin, arguments: arguments)
            }
        }
    }

    static func positional(_ argument: PluginArgument, plugin: String) -> Positional {
        Positional(
            argument.name, argument.help, optional: argument.optional,
            variadic: argument.variadic,
            completion: completion(argument.completion, plugin: plugin))
    }

    static func flag(_ flag: PluginFlag, plugin: String) -> Flag {
        Flag(
            flag.name, short: flag.short, value: flag.valueName, flag.help,
            repeatable: flag.repeatable, completion: completion(flag.completion, plugin: plugin))
    }

    static func completion(_ kind: PluginCompletion, plugin: String) -> CompletionKind {
        switch kind {
        case .none: return .none
        case .hub: return .hub
        case .group: return .group
        case .partition: return .partition
        case .file: return .file
        case .position: return .position
        case .words(let words): return .words(words)
        case .custom(let complete):
            return .custom { given, partial, context in
                let host = ShellPluginHost(context: context, plugin: plugin)
                return complete(CompletionRequest(given: given, partial: partial, host: host))
            }
        }
    }

    /// The values of `arguments` a plugin sees: the positionals, and the values of the flags
    /// named in `flags` (switches map to an empty list).
    static func values(_ arguments: Arguments, flags: [String], wantsJSON: Bool)
        -> PluginArguments
    {
        var given: [String: [String]] = [:]
        for name in flags where arguments.has(name) {
            let takesValue = arguments.spec.flag(named: name)?.takesValue ?? false
            given[name] = takesValue ? arguments.strings(name) : []
        }
        return PluginArguments(
            positionals: arguments.positionals.map(\.text), flags: given, wantsJSON: wantsJSON)
    }

    /// What the shell reports for an error a plugin threw: a usage error (status 2) for
    /// `PluginUsageError`, a failure (status 1) for anything else.
    static func shellError(_ error: Error, plugin: String, arguments: Arguments) -> Error {
        switch error {
        case let usage as PluginUsageError:
            return arguments.usageError(usage.message)
        case let failure as PluginError:
            return CommandFailure(failure.message)
        default:
            return CommandFailure("plugin '\(plugin)': \(error)")
        }
    }
}
