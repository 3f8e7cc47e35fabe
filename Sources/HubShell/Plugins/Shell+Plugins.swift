import Foundation
import HubPluginAPI

extension Shell {
    /// Loads the plugin library at `path` (relative to the working directory or the sourcing
    /// script) and adds what it declares.
    ///
    /// Throws a `PluginLoadError` whose description is one line; the shell is then as it was.
    @discardableResult
    public func loadPlugin(atPath path: String) throws -> LoadedPlugin {
        let resolved = (context.resolve(path: path) as NSString).resolvingSymlinksInPath
        if let loaded = context.plugins.plugin(loadedFrom: resolved) {
            guard loaded.isEnabled else {
                throw CommandFailure(
                    "plugin '\(loaded.name)' from '\(loaded.path)' is loaded but disabled;"
                        + " 'plugin enable \(loaded.name)' shows it again")
            }
            throw PluginLoadError.alreadyLoaded(name: loaded.name, path: loaded.path)
        }
        let plugin = try PluginLibrary.open(resolved)
        return try install(plugin, path: resolved)
    }

    /// Adds what `plugin` declares: its commands to the registry, and its generators, formats
    /// and hooks to the catalog. Nothing is added unless everything can be.
    ///
    /// `path` is where the plugin came from, for `plugin list`; tests install plugins made in
    /// code with an empty path.
    @discardableResult
    public func install(_ plugin: any HubPlugin, path: String) throws -> LoadedPlugin {
        try PluginValidation.check(plugin, path: path)
        if let other = context.plugins.plugin(named: plugin.name) {
            throw PluginLoadError.nameTaken(
                name: plugin.name, path: path.isEmpty ? plugin.name : path,
                loadedFrom: other.path)
        }
        let loaded = LoadedPlugin(
            plugin: plugin, path: path,
            commands: plugin.commands.map { PluginAdapters.command($0, plugin: plugin.name) },
            generators: plugin.generators, formats: plugin.formats, hooks: plugin.hooks)
        try checkClashes(loaded)
        context.plugins.add(loaded)
        loaded.commands.forEach(registry.register)
        return loaded
    }

    /// Hides everything `name` adds. The library stays in memory: Swift code cannot be unloaded
    /// safely.
    public func disablePlugin(named name: String) throws -> LoadedPlugin {
        let plugin = try loadedPlugin(named: name)
        // Already disabled is what was asked for: scripts may say it again.
        guard plugin.isEnabled else { return plugin }
        for command in plugin.commands { registry.unregister(path: command.spec.path) }
        plugin.isEnabled = false
        return plugin
    }

    /// Shows again what a disabled plugin adds, unless something loaded since took its names.
    public func enablePlugin(named name: String) throws -> LoadedPlugin {
        let plugin = try loadedPlugin(named: name)
        guard !plugin.isEnabled else { return plugin }
        try checkClashes(plugin)
        plugin.isEnabled = true
        plugin.commands.forEach(registry.register)
        return plugin
    }

    /// Loads the plugin libraries `files`, at start-up. A plugin that fails prints its one line
    /// as a warning, and the others still load.
    public func autoloadPlugins(_ files: [String]) {
        for file in files {
            do {
                let plugin = try loadPlugin(atPath: file)
                context.output.debug("loaded plugin '\(plugin.name)' from \(plugin.path)")
            } catch {
                context.output.warning("\(error)")
            }
        }
    }

    func loadedPlugin(named name: String) throws -> LoadedPlugin {
        guard let plugin = context.plugins.plugin(named: name) else {
            if let near = context.plugins.plugin(spelledLike: name) {
                throw CommandFailure(
                    "no plugin '\(name)'; did you mean '\(near.name)'? (plugin names separate"
                        + " words with '-')")
            }
            let names = context.plugins.all.map(\.name)
            let known = names.isEmpty
                ? "no plugins are loaded" : "loaded: " + names.joined(separator: ", ")
            throw CommandFailure("no plugin '\(name)' (\(known))")
        }
        return plugin
    }

    /// Throws when a command, generator, format or hook of `plugin` has a name that an enabled
    /// plugin or hubsh itself already uses.
    private func checkClashes(_ plugin: LoadedPlugin) throws {
        for command in plugin.commands {
            guard let other = registry.overlapping(command.spec.path) else { continue }
            let owner = context.plugins.owner(ofCommand: other.spec.path)
            let described = owner.map { "command '\(other.spec.name)' of plugin '\($0.name)'" }
                ?? "the built-in command '\(other.spec.name)'"
            throw PluginLoadError.commandClash(
                plugin: PluginLoadError.label(name: plugin.name, path: plugin.path),
                command: command.spec.name, clashesWith: described)
        }
        let others = context.plugins.enabled.filter { $0 !== plugin }
        let kinds: [(String, (LoadedPlugin) -> [String])] = [
            ("generator", \.generatorNames), ("format", \.formatNames), ("hook", \.hookNames),
        ]
        for (kind, names) in kinds {
            for name in names(plugin) {
                if let owner = others.first(where: { names($0).contains(name) }) {
                    throw PluginLoadError.nameClash(
                        plugin: PluginLoadError.label(name: plugin.name, path: plugin.path),
                        kind: kind, name: name, owner: owner.name)
                }
            }
        }
    }
}
