/// The version of this API, and the two C symbols every plugin exports.
///
/// hubsh reads a plugin's version before it runs any other code of the plugin, and loads the
/// plugin only when the version equals its own. A plugin exports both symbols:
///
///     @_cdecl("hubsh_plugin_api_version")
///     public func hubshPluginAPIVersion() -> Int32 { PluginAPIVersion.current }
///
///     @_cdecl("hubsh_plugin_entry")
///     public func hubshPluginEntry() -> UnsafeMutableRawPointer {
///         PluginEntry.export(Hello())
///     }
public enum PluginAPIVersion {
    /// The version this code was compiled against.
    ///
    /// It is emitted into the code that uses it, so a plugin reports the version it was built
    /// with, not the version of the library it happens to run with. The number goes up with
    /// every change to a type or a requirement of this library: a plugin built against another
    /// version would lay out its values differently, and hubsh refuses it.
    @_alwaysEmitIntoClient
    public static var current: Int32 { 1 }

    /// The C symbol that returns the plugin's API version as an `Int32`.
    public static let versionSymbol = "hubsh_plugin_api_version"

    /// The C symbol that returns the plugin, made by `PluginEntry.export`.
    public static let entrySymbol = "hubsh_plugin_entry"
}

/// Hands a plugin to hubsh from the entry point.
public enum PluginEntry {
    /// A retained, opaque reference to `plugin`, for `hubsh_plugin_entry` to return.
    ///
    /// hubsh takes ownership of the reference and keeps the plugin for the life of the process:
    /// plugins are never unloaded.
    public static func export(_ plugin: any HubPlugin) -> UnsafeMutableRawPointer {
        Unmanaged.passRetained(plugin as AnyObject).toOpaque()
    }
}
