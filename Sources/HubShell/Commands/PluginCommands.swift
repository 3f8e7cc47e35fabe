import HubCore
import HubPluginAPI

/// `plugin load|list|info|disable|enable`: the plugins of this shell.
///
/// Like the other built-ins they are made per shell, which they load plugins into, and hold it
/// weakly.
enum PluginCommands {
    static func all(for shell: Shell) -> [Command] {
        [load(shell), list(shell), info(shell), disable(shell), enable(shell)]
    }

    static func load(_ shell: Shell) -> Command {
        Command(
            CommandSpec(
                ["plugin", "load"], summary: "load a plugin library and add what it declares",
                details: [
                    "PATH is the plugin's shared library, such as .build/release/libHello.so."
                        + " hubsh checks that it was built for this hubsh's plugin API, then"
                        + " adds its commands, generators, formats and hooks; a name that"
                        + " clashes with one hubsh already has refuses the whole plugin.",
                    "At start hubsh loads the plugins in $HUBSH_PLUGIN_PATH (files or folders,"
                        + " separated by ':') and in $XDG_DATA_HOME/hubsh/plugins (else"
                        + " ~/.local/share/hubsh/plugins); hubsh --no-plugins skips them.",
                ],
                positionals: [Positional("PATH", "the plugin's .so file", completion: .file)],
                examples: ["plugin load ~/hello/.build/debug/libHello.so"]),
            run: { [weak shell] arguments, context in
                guard let shell else { throw Builtins.shellGone }
                let plugin = try shell.loadPlugin(atPath: arguments.string(at: 0))
                if context.output.wantsJSON(arguments) {
                    context.output.json(describe(plugin))
                } else {
                    context.output.line(
                        "loaded plugin '\(plugin.name)' \(plugin.version): \(plugin.additions)")
                }
            })
    }

    static func list(_ shell: Shell) -> Command {
        Command(
            CommandSpec(
                ["plugin", "list"], summary: "list the loaded plugins and what each adds",
                examples: ["plugin list", "plugin list --json"]),
            run: { arguments, context in
                let plugins = context.plugins.all
                if context.output.wantsJSON(arguments) {
                    plugins.forEach { context.output.json(describe($0)) }
                    return
                }
                context.output.table(
                    [.init("NAME"), .init("VERSION"), .init("STATE"), .init("ADDS"),
                     .init("PATH")],
                    plugins.map {
                        [$0.name, $0.version, $0.isEnabled ? "enabled" : "disabled",
                         $0.additions, $0.path]
                    },
                    empty: "no plugins are loaded; load one with 'plugin load PATH'")
            })
    }

    static func info(_ shell: Shell) -> Command {
        Command(
            CommandSpec(
                ["plugin", "info"],
                summary: "show a plugin's commands, generators, formats and hooks",
                positionals: [Positional("NAME", "the plugin", completion: .plugin)],
                examples: ["plugin info telemetry"]),
            run: { [weak shell] arguments, context in
                guard let shell else { throw Builtins.shellGone }
                let plugin = try shell.loadedPlugin(named: arguments.string(at: 0))
                if context.output.wantsJSON(arguments) {
                    context.output.json(describe(plugin))
                } else {
                    context.output.line(PluginInfoText.text(plugin))
                }
            })
    }

    static func disable(_ shell: Shell) -> Command {
        Command(
            CommandSpec(
                ["plugin", "disable"], summary: "hide everything a plugin adds",
                details: [
                    "The plugin's commands, generators, formats and hooks disappear until"
                        + " 'plugin enable NAME'. Its library stays in memory until hubsh exits:"
                        + " Swift code cannot be unloaded safely.",
                    "Disabling a disabled plugin (or enabling an enabled one) changes nothing"
                        + " and succeeds, so scripts may say it again.",
                ],
                positionals: [Positional("NAME", "the plugin", completion: .plugin)],
                examples: ["plugin disable telemetry"]),
            run: { [weak shell] arguments, context in
                guard let shell else { throw Builtins.shellGone }
                let wasEnabled = context.plugins.plugin(named: arguments.string(at: 0))?.isEnabled
                let plugin = try shell.disablePlugin(named: arguments.string(at: 0))
                if context.output.wantsJSON(arguments) {
                    context.output.json(describe(plugin))
                } else if wasEnabled == false {
                    context.output.note(
                        "plugin '\(plugin.name)' was already disabled; 'plugin enable"
                            + " \(plugin.name)' shows it again")
                } else {
                    context.output.line(
                        "disabled plugin '\(plugin.name)' (\(plugin.additions));"
                            + " 'plugin enable \(plugin.name)' shows it again")
                }
            })
    }

    static func enable(_ shell: Shell) -> Command {
        Command(
            CommandSpec(
                ["plugin", "enable"], summary: "show again what a disabled plugin adds",
                positionals: [Positional("NAME", "the plugin", completion: .plugin)],
                examples: ["plugin enable telemetry"]),
            run: { [weak shell] arguments, context in
                guard let shell else { throw Builtins.shellGone }
                let wasEnabled = context.plugins.plugin(named: arguments.string(at: 0))?.isEnabled
                let plugin = try shell.enablePlugin(named: arguments.string(at: 0))
                if context.output.wantsJSON(arguments) {
                    context.output.json(describe(plugin))
                } else if wasEnabled == true {
                    context.output.note("plugin '\(plugin.name)' was already enabled")
                } else {
                    context.output.line("enabled plugin '\(plugin.name)': \(plugin.additions)")
                }
            })
    }

    /// A plugin as JSON: what `plugin list --json` prints per plugin.
    static func describe(_ plugin: LoadedPlugin) -> JSONValue {
        func named(_ pairs: [(String, String)], key: String) -> JSONValue {
            .array(pairs.map { .object([(key, .string($0.0)), ("summary", .string($0.1))]) })
        }
        return .object([
            ("name", .string(plugin.name)),
            ("version", .string(plugin.version)),
            ("summary", .string(plugin.summary)),
            ("enabled", .bool(plugin.isEnabled)),
            ("path", .string(plugin.path)),
            ("apiVersion", .int(PluginAPIVersion.current)),
            ("commands", named(plugin.commands.map { ($0.spec.name, $0.spec.summary) },
                               key: "command")),
            ("generators", named(plugin.generators.map { ($0.name, $0.summary) }, key: "name")),
            ("formats", named(plugin.formats.map { ($0.name, $0.summary) }, key: "name")),
            ("hooks", named(plugin.hooks.map { ($0.name, $0.summary) }, key: "name")),
        ])
    }
}
