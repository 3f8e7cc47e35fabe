import Foundation

/// Where hubsh looks for plugins at start-up: `$HUBSH_PLUGIN_PATH`, then the `plugins` folder of
/// the XDG data directory.
///
///     HUBSH_PLUGIN_PATH=~/dev/hello/.build/debug/libHello.so:/opt/hubsh-plugins hubsh
///
/// An entry of `$HUBSH_PLUGIN_PATH` is a plugin library or a folder of them (every `*.so` in it,
/// by name). A missing entry is passed on, so that loading it reports the missing file; a
/// missing default folder is not an error. `libHubPluginAPI.so`, which a plugin's build folder
/// also holds, is skipped: it is the API, not a plugin.
public enum PluginSearchPath {
    /// The name of the API library, never loaded as a plugin.
    static let apiLibrary = "libHubPluginAPI.so"

    /// The plugin files to load, in order, each once.
    public static func files(environment: [String: String]) -> [String] {
        var files: [String] = []
        let entries = (environment["HUBSH_PLUGIN_PATH"] ?? "").split(separator: ":")
        for entry in entries.map(String.init) where !entry.isEmpty {
            files += expand(absolute(entry, environment: environment), missingIsError: true)
        }
        files += expand(defaultFolder(environment: environment), missingIsError: false)

        var seen = Set<String>()
        return files.filter { seen.insert(($0 as NSString).resolvingSymlinksInPath).inserted }
    }

    /// `$XDG_DATA_HOME/hubsh/plugins`, else `~/.local/share/hubsh/plugins` (`~` as
    /// `HomeDirectory` says: `$HOME` first).
    public static func defaultFolder(environment: [String: String]) -> String {
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty {
            return (absolute(data, environment: environment) as NSString)
                .appendingPathComponent("hubsh/plugins")
        }
        return HomeDirectory.expand("~/.local/share/hubsh/plugins", environment: environment)
    }

    /// The libraries in a folder, or the entry itself when it is not a folder.
    private static func expand(_ path: String, missingIsError: Bool) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            return missingIsError ? [path] : []
        }
        guard isFolder.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasSuffix(".so") && $0 != apiLibrary }.sorted()
            .map { (path as NSString).appendingPathComponent($0) }
    }

    private static func absolute(_ path: String, environment: [String: String]) -> String {
        let expanded = (HomeDirectory.expand(path, environment: environment) as NSString)
            .expandingTildeInPath
        if expanded.hasPrefix("/") { return expanded }
        return (FileManager.default.currentDirectoryPath as NSString)
            .appendingPathComponent(expanded)
    }
}
