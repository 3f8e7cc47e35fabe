import Glibc

/// The file-system side of a data directory: creating it and naming it by its real path.
enum DataDirectory {
    /// Creates `path` and any missing parents, like `mkdir -p`: `mkdir(2)`.
    ///
    /// Throws the `LMDBError` of the errno that stopped it, such as `EACCES` or `EROFS`.
    static func create(_ path: String) throws {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
                throw LMDBError(code: errno)
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
