import HubPluginAPI

/// The plugin: two output formats, `csv` and `logfmt`.
final class TextFormatsPlugin: HubPlugin {
    let name = "text-formats"
    let version = "1.0.0"
    let summary = "CSV and logfmt output for read and tail"

    var formats: [PluginFormat] {
        [
            PluginFormat(
                "csv", summary: "RFC 4180 CSV with a header row, for spreadsheets",
                make: { _ in CSVFormatter() }),
            PluginFormat(
                "logfmt", summary: "one key=value line per event, for log tools",
                make: { _ in LogfmtFormatter() }),
        ]
    }
}

@_cdecl("hubsh_plugin_api_version")
public func hubshPluginAPIVersion() -> Int32 {
    PluginAPIVersion.current
}

@_cdecl("hubsh_plugin_entry")
public func hubshPluginEntry() -> UnsafeMutableRawPointer {
    PluginEntry.export(TextFormatsPlugin())
}
