/// The environments this process has open, one per data directory.
///
/// LMDB must not open one environment twice in a process: closing either handle would drop the
/// file locks the other relies on. Every `LMDBEventLog` therefore gets its environment here,
/// keyed by the directory's real path, and a second open of the same directory, by whatever
/// path, shares the first one's environment. The environment closes when the last log that
/// uses it closes.
///
/// Caveat: the first open decides the mode. While a read-only log of a directory is open, a
/// later read-write open of the same directory shares the read-only environment and its
/// writes fail with `HubError.readOnly`. Fix: close the read-only log first.
final class EnvironmentRegistry: @unchecked Sendable {
    static let shared = EnvironmentRegistry()

    private struct Entry {
        let environment: Environment
        var users: Int
    }

    private let lock = Lock()
    /// Read and written only while holding `lock`.
    private var entries: [String: Entry] = [:]

    /// The environment of the directory at `realPath`, opened with `open` when this process
    /// has none yet. Each call must be balanced by one `release`.
    func acquire(realPath: String, open: () throws -> Environment) throws -> Environment {
        try lock.withLock {
            if var entry = entries[realPath] {
                entry.users += 1
                entries[realPath] = entry
                return entry.environment
            }
            let environment = try open()
            entries[realPath] = Entry(environment: environment, users: 1)
            return environment
        }
    }

    /// Gives back one use of `environment`, closing it when it was the last.
    func release(_ environment: Environment) {
        lock.withLock {
            guard var entry = entries[environment.directory],
                  entry.environment === environment
            else { return }
            entry.users -= 1
            if entry.users > 0 {
                entries[environment.directory] = entry
                return
            }
            entries[environment.directory] = nil
            environment.close()
        }
    }
}
