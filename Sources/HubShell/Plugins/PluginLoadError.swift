import HubPluginAPI

/// Why a plugin was not loaded, as one line a person can act on.
///
/// Every case leaves the shell as it was: nothing of the plugin is added.
public enum PluginLoadError: Error, Equatable, CustomStringConvertible, Sendable {
    case fileNotFound(path: String)
    case isFolder(path: String)
    case notALibrary(path: String, reason: String)
    /// The library needs a symbol the running plugin API does not have.
    case builtAgainstOtherAPI(path: String, reason: String)
    case cannotOpen(path: String, reason: String)
    case missingEntryPoint(path: String, symbol: String)
    case versionMismatch(path: String, plugin: Int32, host: Int32)
    /// The entry point returned something that is not a `HubPlugin` of hubsh's API library.
    case notAPlugin(path: String)
    case alreadyLoaded(name: String, path: String)
    case nameTaken(name: String, path: String, loadedFrom: String)
    /// `plugin` is the plugin's `label`: its name, and where it came from when known.
    case invalid(plugin: String, reason: String)
    case commandClash(plugin: String, command: String, clashesWith: String)
    case nameClash(plugin: String, kind: String, name: String, owner: String)

    /// How the errors name a plugin: `'hello' from /path/libHello.so`.
    static func label(name: String, path: String) -> String {
        path.isEmpty ? "'\(name)'" : "'\(name)' from \(path)"
    }

    public var description: String {
        switch self {
        case .fileNotFound(let path):
            return "cannot load plugin '\(path)': no such file"
        case .isFolder(let path):
            return "cannot load plugin '\(path)': it is a folder; give the plugin's .so file,"
                + " such as .build/debug/libHello.so"
        case .notALibrary(let path, let reason):
            return "cannot load plugin '\(path)': not a shared library (\(reason)); build the"
                + " plugin with 'swift build' and give its .so file"
        case .builtAgainstOtherAPI(let path, let reason):
            return "cannot load plugin '\(path)': it was built against another plugin API"
                + " (\(reason)); rebuild it against this hubsh's plugins/PluginAPI"
        case .cannotOpen(let path, let reason):
            return "cannot load plugin '\(path)': \(reason)"
        case .missingEntryPoint(let path, let symbol):
            return "cannot load plugin '\(path)': it is a shared library but not a hubsh"
                + " plugin, as it exports no entry point '\(symbol)'; a plugin exports"
                + " '\(PluginAPIVersion.versionSymbol)' and '\(PluginAPIVersion.entrySymbol)'"
                + " with @_cdecl (see 'Write a plugin' in the README)"
        case .versionMismatch(let path, let plugin, let host):
            return "cannot load plugin '\(path)': it was built for plugin API version \(plugin),"
                + " but this hubsh has version \(host); rebuild it against this hubsh's"
                + " plugins/PluginAPI"
        case .notAPlugin(let path):
            return "cannot load plugin '\(path)': its entry point returned no HubPlugin of this"
                + " hubsh's API; the plugin must link libHubPluginAPI.so dynamically, not a"
                + " copy of its own"
        case .alreadyLoaded(let name, let path):
            return "plugin '\(name)' is already loaded from '\(path)'"
        case .nameTaken(let name, let path, let loadedFrom):
            return "cannot load plugin '\(path)': a plugin named '\(name)' is already loaded"
                + " from '\(loadedFrom)'"
        case .invalid(let plugin, let reason):
            return "cannot load plugin \(plugin): \(reason)"
        case .commandClash(let plugin, let command, let other):
            return "cannot load plugin \(plugin): its command '\(command)' clashes with"
                + " \(other); nothing of the plugin was added"
        case .nameClash(let plugin, let kind, let name, let owner):
            return "cannot load plugin \(plugin): its \(kind) '\(name)' clashes with the"
                + " \(kind) of plugin '\(owner)'; nothing of the plugin was added"
        }
    }
}
