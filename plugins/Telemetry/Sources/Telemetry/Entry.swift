import HubPluginAPI

/// The plugin: one generator, `iot`.
final class TelemetryPlugin: HubPlugin {
    let name = "telemetry"
    let version = "1.0.0"
    let summary = "IoT telemetry from simulated devices, keyed by device id"

    var generators: [PluginGenerator] { [TelemetryGenerator.generator] }
}

@_cdecl("hubsh_plugin_api_version")
public func hubshPluginAPIVersion() -> Int32 {
    PluginAPIVersion.current
}

@_cdecl("hubsh_plugin_entry")
public func hubshPluginEntry() -> UnsafeMutableRawPointer {
    PluginEntry.export(TelemetryPlugin())
}
