import HubPluginAPI

/// The rules for what a plugin declares: names, command words and flags. A plugin that breaks
/// one is refused as a whole, with the rule in the message.
enum PluginValidation {
    /// Throws `PluginLoadError.invalid` naming the first rule `plugin`, loaded from `path`,
    /// breaks.
    static func check(_ plugin: any HubPlugin, path: String) throws {
        let name = plugin.name
        func invalid(_ reason: String) -> PluginLoadError {
            .invalid(
                plugin: PluginLoadError.label(name: name.isEmpty ? "?" : name, path: path),
                reason: reason)
        }
        guard isWord(name, extra: "-"), name.count <= 64 else {
            throw invalid("its name must be 1-64 lower-case letters, digits or '-'")
        }
        guard !plugin.version.isEmpty else { throw invalid("it gives no version") }

        var paths = Set<[String]>()
        for command in plugin.commands {
            let spec = command.spec
            let shown = spec.words.joined(separator: " ")
            guard !spec.words.isEmpty, spec.words.allSatisfy({ isWord($0, extra: "-") }) else {
                throw invalid(
                    "command '\(shown)' must be words of lower-case letters, digits or '-'")
            }
            guard paths.insert(spec.words).inserted else {
                throw invalid("it declares command '\(shown)' twice")
            }
            if let reason = flagProblem(spec.flags, reserved: []) {
                throw invalid("command '\(shown)': \(reason)")
            }
            if let reason = argumentProblem(spec.arguments) {
                throw invalid("command '\(shown)': \(reason)")
            }
        }

        let publishFlags = Publish.command.spec.flags.flatMap { flag in
            [flag.name] + (flag.short.map { [$0] } ?? [])
        }
        try checkNames(plugin.generators.map(\.name), kind: "generator", invalid: invalid)
        for generator in plugin.generators {
            if let reason = flagProblem(generator.options, reserved: Set(publishFlags)) {
                throw invalid("generator '\(generator.name)': \(reason)")
            }
        }
        try checkNames(plugin.formats.map(\.name), kind: "format", invalid: invalid)
        for format in plugin.formats where EventFormatChoice.builtInNames.contains(format.name) {
            throw invalid("format '\(format.name)' is built into hubsh; choose another name")
        }
        try checkNames(plugin.hooks.map(\.name), kind: "hook", invalid: invalid)
    }

    /// Generator, format and hook names: words with `.`, `_` or `-`, each once.
    private static func checkNames(
        _ names: [String], kind: String, invalid: (String) -> PluginLoadError
    ) throws {
        var seen = Set<String>()
        for name in names {
            guard isWord(name, extra: "-._") else {
                throw invalid(
                    "\(kind) name '\(name)' must be lower-case letters, digits, '.', '_' or '-'")
            }
            guard seen.insert(name).inserted else {
                throw invalid("it declares \(kind) '\(name)' twice")
            }
        }
    }

    /// The first problem with `flags`, or nil. `reserved` holds names and short forms that are
    /// taken already; `--json` and `--help` always are.
    static func flagProblem(_ flags: [PluginFlag], reserved: Set<String>) -> String? {
        var taken = reserved.union(["--json", "--help", "-h"])
        for flag in flags {
            guard flag.name.hasPrefix("--"), isWord(String(flag.name.dropFirst(2)), extra: "-")
            else {
                return "flag '\(flag.name)' must be '--' and lower-case letters, digits or '-'"
            }
            guard taken.insert(flag.name).inserted else {
                return "flag '\(flag.name)' is taken (by hubsh or twice in the plugin)"
            }
            if let short = flag.short {
                let letter = short.dropFirst()
                guard short.hasPrefix("-"), letter.count == 1,
                      letter.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
                else {
                    return "short flag '\(short)' must be '-' and one letter or digit"
                }
                guard taken.insert(short).inserted else {
                    return "short flag '\(short)' is taken (by hubsh or twice in the plugin)"
                }
            }
        }
        return nil
    }

    /// Only the last argument may be variadic, and no required one follows an optional one.
    static func argumentProblem(_ arguments: [PluginArgument]) -> String? {
        for (index, argument) in arguments.enumerated() {
            if argument.variadic && index != arguments.count - 1 {
                return "only the last argument may be variadic, not '\(argument.name)'"
            }
            if index > 0 && arguments[index - 1].optional && !argument.optional {
                return "required argument '\(argument.name)' follows an optional one"
            }
        }
        return nil
    }

    /// Lower-case ASCII letters and digits, starting with one of them, plus `extra` characters.
    static func isWord(_ text: String, extra: String) -> Bool {
        guard let first = text.first, first.isASCII, first.isLowercase || first.isNumber else {
            return false
        }
        return text.allSatisfy {
            $0.isASCII && ($0.isLowercase || $0.isNumber || extra.contains($0))
        }
    }
}
