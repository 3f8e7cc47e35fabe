import HubPluginAPI

/// Declares `skew`, which the skew-report sample plugin adds.
final class ClashSkew: HubPlugin {
    let name = "clash-skew"
    let version = "1.0.0"

    var commands: [PluginCommand] {
        [PluginCommand(PluginCommandSpec(["skew"], summary: "another skew")) { _, _ in }]
    }
}

@_cdecl("hubsh_plugin_api_version")
public func hubshPluginAPIVersion() -> Int32 {
    PluginAPIVersion.current
}

@_cdecl("hubsh_plugin_entry")
public func hubshPluginEntry() -> UnsafeMutableRawPointer {
    PluginEntry.export(ClashSkew())
}
