import HubPluginAPI

/// The plugin: three publish hooks, run in this order on every event.
final class CorrelationPlugin: HubPlugin {
    let name = "correlation"
    let version = "1.0.0"
    let summary = "publish hooks: refuse empty events, mask card numbers, add a correlation id"

    var hooks: [PublishHook] {
        [Hooks.refuseEmpty, Hooks.maskCards, Hooks.correlationId]
    }
}

@_cdecl("hubsh_plugin_api_version")
public func hubshPluginAPIVersion() -> Int32 {
    PluginAPIVersion.current
}

@_cdecl("hubsh_plugin_entry")
public func hubshPluginEntry() -> UnsafeMutableRawPointer {
    PluginEntry.export(CorrelationPlugin())
}
