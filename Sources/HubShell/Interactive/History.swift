import Foundation

/// The history file of the interactive shell: one entry per line, oldest first.
///
/// hubsh keeps its own format instead of libedit's `write_history`, so that spaces, quotes and
/// UTF-8 come back exactly as typed: each entry is written as it is, with `\` written as `\\`
/// and a newline (which `SingleLine` normally removes) as `\n`. Entries are appended as they are
/// entered, so two shells at once both keep theirs; at start the file is cut to the newest
/// `limit` entries.
public enum History {
    /// How many entries are kept.
    public static let limit = 1000

    /// `$XDG_STATE_HOME/hubsh/history`, else `~/.local/state/hubsh/history` (`~` as
    /// `HomeDirectory` says: `$HOME` first).
    public static func defaultPath(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        var base = HomeDirectory.expand("~/.local/state", environment: environment)
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            base = state
        }
        return base + "/hubsh/history"
    }

    /// The entries stored at `path`; none when there is no file yet.
    public static func load(from path: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return String(decoding: data, as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: true)
            .map { decode(String($0)) }
    }

    /// Appends one entry, creating the file and its folder when missing.
    public static func append(_ entry: String, to path: String) throws {
        try makeFolder(for: path)
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw HistoryError(path: path, errno: errno) }
        defer { close(descriptor) }
        let bytes = Array((encode(entry) + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw HistoryError(path: path, errno: errno) }
    }

    /// Rewrites the file with only its newest `limit` entries, when it holds more.
    ///
    /// The entries go to a temporary file that then replaces the history in one rename, so a
    /// crash leaves either the old or the new file.
    public static func trim(_ path: String, to limit: Int = History.limit) throws {
        let entries = load(from: path)
        guard entries.count > limit else { return }
        let temporary = path + ".new"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw HistoryError(path: path, errno: errno) }
        let bytes = Array(entries.suffix(limit).map { encode($0) + "\n" }.joined().utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let writeError = errno
        close(descriptor)
        guard written == bytes.count else {
            unlink(temporary)
            throw HistoryError(path: path, errno: writeError)
        }
        guard rename(temporary, path) == 0 else {
            let renameError = errno
            unlink(temporary)
            throw HistoryError(path: path, errno: renameError)
        }
    }

    /// Creates the folders above `path` that are missing, readable only by the user.
    static func makeFolder(for path: String) throws {
        var folder = ""
        for component in (path as NSString).deletingLastPathComponent.split(separator: "/") {
            folder += "/" + component
            if mkdir(folder, 0o700) != 0 && errno != EEXIST {
                throw HistoryError(path: path, errno: errno)
            }
        }
    }

    static func encode(_ entry: String) -> String {
        entry.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    static func decode(_ line: String) -> String {
        var result = ""
        var escaped = false
        for character in line {
            if escaped {
                result.append(character == "n" ? "\n" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}

/// The history file could not be written; the shell warns once and keeps history in memory.
public struct HistoryError: Error, Sendable, CustomStringConvertible {
    public var path: String
    /// What the system said, such as "Permission denied".
    public var reason: String

    public init(path: String, errno code: Int32) {
        self.path = path
        self.reason = String(cString: strerror(code))
    }

    public var description: String {
        "cannot save history to '\(path)': \(reason);"
            + " set XDG_STATE_HOME to a writable folder to keep it"
    }
}
