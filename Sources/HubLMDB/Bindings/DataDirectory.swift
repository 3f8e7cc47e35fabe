import Glibc

/// The file-system side of a data directory: creating it and naming it by its real path.
enum DataDirectory {
    /// Creates `path` and any missing parents, like `mkdir -p`: `mkdir(2)`.
    ///
    /// Throws `DataDirectoryCreationFailure` when a folder cannot be made (a parent that is a
    /// file, no permission, a read-only or immutable parent), and the `LMDBError` for
    /// `ENOTDIR` when `path` itself is a file.
    static func create(_ path: String) throws {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw DataDirectoryCreationFailure(folder: prefix, code: errno)
            }
            prefix += "/"
        }
        var info = stat()
        guard stat(path, &info) == 0 else { throw LMDBError(code: errno) }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw LMDBError(code: ENOTDIR) }
    }

    /// The absolute path of `path` with every symbolic link resolved: `realpath(3)`.
    static func realPath(_ path: String) throws -> String {
        guard let resolved = realpath(path, nil) else { throw LMDBError(code: errno) }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether `path` names an existing file: `access(2)` with `F_OK`.
    static func fileExists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }
}

/// A folder of the data directory's path that `mkdir(2)` could not make, and why.
struct DataDirectoryCreationFailure: Error, Equatable {
    /// The folder that failed: the data directory itself or one of its missing parents.
    let folder: String
    /// The `errno` of `mkdir(2)`.
    let code: Int32

    /// Why, for a message about the data directory `directory`: `Permission denied`, or
    /// `'/srv/file' is not a directory` when a parent on the way is a file.
    func reason(creating directory: String) -> String {
        if code == ENOTDIR {
            let parent = folder.split(separator: "/").dropLast().joined(separator: "/")
            return "'\(folder.hasPrefix("/") ? "/" : "")\(parent)' is not a directory"
        }
        let text = String(cString: strerror(code))
        return folder == directory ? text : "'\(folder)': \(text)"
    }
}
