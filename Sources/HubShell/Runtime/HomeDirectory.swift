import Foundation

/// The home directory that `~` and hubsh's default folders start from: `$HOME` when it is set
/// to an absolute path, as shells do, else the account's home from the user database.
///
///     HomeDirectory.path(environment: ["HOME": "/tmp/x"])        // /tmp/x
///     HomeDirectory.expand("~/data", environment: ["HOME": "/h"])  // /h/data
public enum HomeDirectory {
    public static func path(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        if let home = environment["HOME"], home.hasPrefix("/") {
            return home.count > 1 && home.hasSuffix("/") ? String(home.dropLast()) : home
        }
        return NSHomeDirectory()
    }

    /// `path` with a leading `~` or `~/` replaced by the home directory; other paths (and
    /// `~user`) unchanged.
    public static func expand(
        _ path: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        let home = self.path(environment: environment)
        return home == "/" ? String(path.dropFirst()) : home + path.dropFirst()
    }
}
