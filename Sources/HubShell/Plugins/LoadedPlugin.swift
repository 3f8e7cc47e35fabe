import HubPluginAPI

/// A plugin hubsh has loaded: where from, whether it is enabled, and what it adds, read once at
/// load time.
///
/// The plugin object is kept for the life of the process, like its library.
public final class LoadedPlugin: @unchecked Sendable {
    public let name: String
    public let version: String
    public let summary: String
    /// The library's absolute path; empty for a plugin installed from code, as tests do.
    public let path: String
    /// False after `plugin disable`: everything the plugin adds is hidden.
    public internal(set) var isEnabled = true

    /// The plugin's commands, as the shell runs them.
    let commands: [Command]
    let generators: [PluginGenerator]
    let formats: [PluginFormat]
    let hooks: [PublishHook]
    private let plugin: any HubPlugin

    init(
        plugin: any HubPlugin, path: String, commands: [Command], generators: [PluginGenerator],
        formats: [PluginFormat], hooks: [PublishHook]
    ) {
        self.plugin = plugin
        self.name = plugin.name
        self.version = plugin.version
        self.summary = plugin.summary
        self.path = path
        self.commands = commands
        self.generators = generators
        self.formats = formats
        self.hooks = hooks
    }

    public var commandNames: [String] { commands.map(\.spec.name) }
    public var generatorNames: [String] { generators.map(\.name) }
    public var formatNames: [String] { formats.map(\.name) }
    public var hookNames: [String] { hooks.map(\.name) }

    /// What the plugin adds, in one line: `command skew; formats csv, logfmt`.
    public var additions: String {
        let parts = [
            ("command", commandNames), ("generator", generatorNames), ("format", formatNames),
            ("hook", hookNames),
        ].compactMap { kind, names -> String? in
            guard !names.isEmpty else { return nil }
            let label = names.count == 1 ? kind : kind + "s"
            return label + " " + names.joined(separator: ", ")
        }
        return parts.isEmpty ? "nothing" : parts.joined(separator: "; ")
    }
}
