import Foundation
import HubPluginAPI

/// Opens a plugin's shared library and performs the handshake; the one place hubsh calls the
/// dynamic loader.
///
/// The steps, each with its own error:
/// 1. the file must exist and start with an ELF header;
/// 2. `dlopen(RTLD_NOW | RTLD_LOCAL)` maps it. Its dependency on `libHubPluginAPI.so` is met by
///    the copy hubsh itself was started with (the loader matches the name against the libraries
///    already loaded), so the plugin's API types are hubsh's;
/// 3. `dlsym` finds `hubsh_plugin_api_version`; its value must equal `PluginAPIVersion.current`
///    as compiled into hubsh. No other code of the plugin has run yet;
/// 4. `dlsym` finds `hubsh_plugin_entry`, whose result must cast to `HubPlugin`.
///
/// Caveat: a library is never closed, not even when the handshake fails. Unloading Swift code
/// leaves its type metadata and conformances registered with the runtime, and the process
/// crashes later; `plugin disable` hides a plugin instead.
enum PluginLibrary {
    private typealias VersionFunction = @convention(c) () -> Int32
    private typealias EntryFunction = @convention(c) () -> UnsafeMutableRawPointer?

    /// The plugin in the library at `path`, which must be absolute.
    static func open(_ path: String) throws -> any HubPlugin {
        try checkFile(path)
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            throw openError(path: path, message: lastError())
        }
        guard let versionSymbol = dlsym(handle, PluginAPIVersion.versionSymbol) else {
            throw PluginLoadError.missingEntryPoint(
                path: path, symbol: PluginAPIVersion.versionSymbol)
        }
        let version = unsafeBitCast(versionSymbol, to: VersionFunction.self)()
        guard version == PluginAPIVersion.current else {
            throw PluginLoadError.versionMismatch(
                path: path, plugin: version, host: PluginAPIVersion.current)
        }
        guard let entrySymbol = dlsym(handle, PluginAPIVersion.entrySymbol) else {
            throw PluginLoadError.missingEntryPoint(
                path: path, symbol: PluginAPIVersion.entrySymbol)
        }
        guard let reference = unsafeBitCast(entrySymbol, to: EntryFunction.self)() else {
            throw PluginLoadError.notAPlugin(path: path)
        }
        let object = Unmanaged<AnyObject>.fromOpaque(reference).takeRetainedValue()
        guard let plugin = object as? any HubPlugin else {
            throw PluginLoadError.notAPlugin(path: path)
        }
        return plugin
    }

    /// The file exists, is not a folder, and starts with the ELF magic number.
    private static func checkFile(_ path: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw PluginLoadError.fileNotFound(path: path)
        }
        if isFolder.boolValue { throw PluginLoadError.isFolder(path: path) }
        guard let file = FileHandle(forReadingAtPath: path) else {
            throw PluginLoadError.cannotOpen(path: path, reason: "permission denied")
        }
        defer { try? file.close() }
        let magic = (try? file.read(upToCount: 4)).map { [UInt8]($0) } ?? []
        guard magic == [0x7F, 0x45, 0x4C, 0x46] else {
            throw PluginLoadError.notALibrary(path: path, reason: "it has no ELF header")
        }
    }

    /// The error for a library the loader refused, from the loader's message.
    private static func openError(path: String, message: String) -> PluginLoadError {
        // The loader starts its message with the path; the rest is the reason.
        var reason = message
        if reason.hasPrefix(path + ": ") { reason.removeFirst(path.count + 2) }
        if reason.contains("undefined symbol") {
            return .builtAgainstOtherAPI(path: path, reason: reason)
        }
        let notLibrary = ["invalid ELF header", "wrong ELF class", "executable", "ET_DYN",
                          "file too short", "ELF file"]
        if notLibrary.contains(where: { reason.contains($0) }) {
            return .notALibrary(path: path, reason: reason)
        }
        return .cannotOpen(path: path, reason: reason)
    }

    private static func lastError() -> String {
        guard let text = dlerror() else { return "the dynamic loader gave no reason" }
        return String(cString: text)
    }
}
