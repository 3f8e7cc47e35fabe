import HubPluginAPI

/// Declares `hub list`, which hubsh has built in.
final class ClashBuiltin: HubPlugin {
    let name = "clash-builtin"
    let version = "1.0.0"

    var commands: [PluginCommand] {
        [PluginCommand(PluginCommandSpec(["hub", "list"], summary: "list hubs again")) { _, _ in }]
    }
}

@_cdecl("hubsh_plugin_api_version")
public func hubshPluginAPIVersion() -> Int32 {
    PluginAPIVersion.current
}

@_cdecl("hubsh_plugin_entry")
public func hubshPluginEntry() -> UnsafeMutableRawPointer {
    PluginEntry.export(ClashBuiltin())
}
