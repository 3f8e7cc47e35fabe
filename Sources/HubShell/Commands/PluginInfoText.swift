import HubPluginAPI

/// The text of `plugin info NAME`: the plugin, then each thing it adds with its summary, and a
/// generator's options as `publish --generator NAME --help` shows them.
enum PluginInfoText {
    static func text(_ plugin: LoadedPlugin) -> String {
        var lines = [
            "plugin \(plugin.name) \(plugin.version) (\(plugin.isEnabled ? "enabled" : "disabled"))"
        ]
        if !plugin.summary.isEmpty { lines += HelpText.wrap(plugin.summary, width: HelpText.width) }
        lines.append("loaded from \(plugin.path.isEmpty ? "code" : plugin.path),"
            + " plugin API version \(PluginAPIVersion.current)")

        let commands = plugin.commands.map { ($0.spec.name, $0.spec.summary) }
        let generators = plugin.generators.map { ($0.name, $0.summary) }
        let formats = plugin.formats.map { ($0.name, $0.summary) }
        let hooks = plugin.hooks.map { ($0.name, $0.summary) }
        let width = (commands + generators + formats + hooks).map(\.0.count).max() ?? 0
        let sections = [
            ("Commands", commands), ("Generators (publish HUB --generator NAME)", generators),
            ("Formats (read HUB --format NAME, tail HUB --format NAME)", formats),
            ("Publish hooks (run on every publish, before schema validation)", hooks),
        ]
        for (title, entries) in sections where !entries.isEmpty {
            lines += ["", title + ":"]
            lines += entries.map { HelpText.entry($0.0, $0.1, nameWidth: width) }
        }
        for generator in plugin.generators where !generator.options.isEmpty {
            lines += ["", "Options of generator \(generator.name):"]
            let options = generator.options.map { option in
                var name = option.short.map { "\($0), \(option.name)" } ?? option.name
                if let value = option.valueName { name += " " + value }
                return (name, option.help)
            }
            let optionWidth = options.map(\.0.count).max() ?? 0
            lines += options.map { HelpText.entry($0.0, $0.1, nameWidth: optionWidth) }
        }
        return lines.joined(separator: "\n")
    }
}
