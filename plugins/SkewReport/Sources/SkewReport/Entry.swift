import HubPluginAPI

/// The plugin: one command, `skew`.
final class SkewReportPlugin: HubPlugin {
    let name = "skew-report"
    let version = "1.0.0"
    let summary = "how evenly a hub's events spread over partitions and keys"

    var commands: [PluginCommand] { [SkewCommand.command] }
}

@_cdecl("hubsh_plugin_api_version")
public func hubshPluginAPIVersion() -> Int32 {
    PluginAPIVersion.current
}

@_cdecl("hubsh_plugin_entry")
public func hubshPluginEntry() -> UnsafeMutableRawPointer {
    PluginEntry.export(SkewReportPlugin())
}
