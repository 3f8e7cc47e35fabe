/// A plugin: its name and version, and what it adds to hubsh.
///
///     final class Hello: HubPlugin {
///         let name = "hello"
///         let version = "1.0.0"
///         let summary = "greets the hubs of a namespace"
///         var commands: [PluginCommand] { [HelloCommand.command] }
///     }
///
/// hubsh asks for each list once, when it loads the plugin, and checks every name against the
/// commands, generators and formats it already has. Everything a plugin adds runs on the
/// shell's thread, one call at a time: a plugin needs no locks unless it starts threads of its
/// own, and those must not call the host.
public protocol HubPlugin: AnyObject {
    /// The plugin's name, as `plugin list` shows it and `plugin info NAME` takes it: lower-case
    /// letters, digits and `-`.
    var name: String { get }
    /// The plugin's own version, such as `1.2.0`.
    var version: String { get }
    /// One line on what the plugin is for.
    var summary: String { get }

    /// Commands that work like the built-in ones: help, flags, completion and `--json`.
    var commands: [PluginCommand] { get }
    /// Event generators, used as `publish HUB --generator NAME`.
    var generators: [PluginGenerator] { get }
    /// Output formats, used as `read HUB --format NAME` and `tail HUB --format NAME`.
    var formats: [PluginFormat] { get }
    /// Hooks that see every event before it is published.
    var hooks: [PublishHook] { get }
}

extension HubPlugin {
    public var summary: String { "" }
    public var commands: [PluginCommand] { [] }
    public var generators: [PluginGenerator] { [] }
    public var formats: [PluginFormat] { [] }
    public var hooks: [PublishHook] { [] }
}
