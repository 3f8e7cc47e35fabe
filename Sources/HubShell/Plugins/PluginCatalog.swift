import HubCore
import HubPluginAPI

/// The plugins of a shell, and what the enabled ones add, for the commands that use them.
///
/// `publish --generator`, `read --format`, `tail --format` and every publish's hooks look here.
/// One catalog belongs to one shell and is used on its thread.
public final class PluginCatalog: @unchecked Sendable {
    /// Every loaded plugin, enabled or not, in load order.
    public private(set) var all: [LoadedPlugin] = []

    public init() {}

    func add(_ plugin: LoadedPlugin) {
        all.append(plugin)
    }

    public var enabled: [LoadedPlugin] { all.filter(\.isEnabled) }

    /// The plugin called `name` in any case, enabled or not: `TEXT-FORMATS` finds
    /// `text-formats`, as hub and group names are found.
    public func plugin(named name: String) -> LoadedPlugin? {
        all.first { Names.same($0.name, name) }
    }

    /// The plugin whose name has the letters and digits of `name`, whatever separates them:
    /// `TextFormats` and `text_formats` find `text-formats`, to suggest the name as it is.
    public func plugin(spelledLike name: String) -> LoadedPlugin? {
        func letters(_ text: String) -> String {
            Names.folded(text).filter { $0.isLetter || $0.isNumber }
        }
        return all.first { letters($0.name) == letters(name) }
    }

    /// The plugin loaded from `path`, enabled or not.
    public func plugin(loadedFrom path: String) -> LoadedPlugin? {
        all.first { $0.path == path && !path.isEmpty }
    }

    // MARK: - What enabled plugins add

    public var generatorNames: [String] { enabled.flatMap(\.generatorNames) }

    public var formatNames: [String] { enabled.flatMap(\.formatNames) }

    /// The generator called `name` and the plugin that adds it.
    func generator(named name: String) -> (generator: PluginGenerator, plugin: LoadedPlugin)? {
        for plugin in enabled {
            if let generator = plugin.generators.first(where: { $0.name == name }) {
                return (generator, plugin)
            }
        }
        return nil
    }

    /// The format called `name` and the plugin that adds it.
    func format(named name: String) -> (format: PluginFormat, plugin: LoadedPlugin)? {
        for plugin in enabled {
            if let format = plugin.formats.first(where: { $0.name == name }) {
                return (format, plugin)
            }
        }
        return nil
    }

    /// Every enabled hook with the plugin that adds it, in load order.
    var hooks: [(hook: PublishHook, plugin: LoadedPlugin)] {
        enabled.flatMap { plugin in plugin.hooks.map { ($0, plugin) } }
    }

    /// The plugin whose enabled command has these words, for help and error messages.
    func owner(ofCommand path: [String]) -> LoadedPlugin? {
        enabled.first { plugin in plugin.commands.contains { $0.spec.path == path } }
    }

    // MARK: - What disabled plugins would add

    /// `; plugin 'hello' adds it but is disabled ('plugin enable hello' shows it again)` when
    /// a disabled plugin adds the command starting with `word`, else "": the end of an
    /// "unknown command" error.
    func disabledHint(command word: String) -> String {
        hint(all.first { !$0.isEnabled && $0.commands.contains { $0.spec.path.first == word } })
    }

    /// The same for a format of `read` and `tail`.
    func disabledHint(format name: String) -> String {
        hint(all.first { !$0.isEnabled && $0.formatNames.contains(name) })
    }

    /// The same for a generator of `publish`.
    func disabledHint(generator name: String) -> String {
        hint(all.first { !$0.isEnabled && $0.generatorNames.contains(name) })
    }

    private func hint(_ plugin: LoadedPlugin?) -> String {
        guard let plugin else { return "" }
        return "; plugin '\(plugin.name)' adds it but is disabled ('plugin enable"
            + " \(Quoting.quoted(plugin.name))' shows it again)"
    }
}
