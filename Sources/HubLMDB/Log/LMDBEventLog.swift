import HubCore

/// The embedded event log: every hub of one namespace in one LMDB environment.
///
/// One data directory is one environment is one namespace. The directory holds `data.mdb` and
/// `lock.mdb`; `Databases` describes what is inside. Several hubsh processes may share a
/// directory, one publishing while others read: LMDB coordinates them through the lock file.
///
/// Thread-safety: every method may be called from any thread at the same time. Reads run in
/// parallel, each in its own short read transaction; writes of this process take turns (see
/// `Environment.write`). No transaction is held between calls.
///
///     let log = try LMDBEventLog.open(directory: "/var/lib/hubsh/dev")
///     _ = try log.createHub(HubSpec(name: "orders"))
///
/// Caveats, each with its fix:
/// - LMDB does not work on network file systems: keep the directory on a local disk.
/// - A process killed in the middle of a read leaves a stale reader slot, which keeps old pages
///   from being reused: every open clears such slots (`mdb_reader_check`), and so does a read
///   that finds every slot taken.
/// - The data file never shrinks: pages freed by retention are reused by later events, so the
///   file stays at its high-water mark. Copy the store with `mdb_copy -c` to compact it.
public final class LMDBEventLog: EventLog, @unchecked Sendable {
    /// The namespace's display name: `Options.namespace`, or the last component of the
    /// directory as given.
    public let namespace: String
    /// The data directory, as it was given to `open`.
    public let directory: String
    /// Whether writes are refused with `HubError.readOnly`.
    public let isReadOnly: Bool

    let environment: Environment
    let options: Options

    private let stateLock = Lock()
    /// Read and written only while holding `stateLock`.
    private var isClosed = false

    /// A log over `environment`, which the caller got from `EnvironmentRegistry.acquire`.
    init(directory: String, environment: Environment, options: Options) {
        self.directory = directory
        self.environment = environment
        self.options = options
        self.isReadOnly = options.readOnly || environment.isReadOnly
        self.namespace = options.namespace
            ?? LMDBEventLog.baseName(of: directory, realPath: environment.directory)
    }

    deinit {
        close()
    }

    /// The last component of `directory` as given, or of its real path when that says nothing
    /// (`.`, `..`, `/`).
    private static func baseName(of directory: String, realPath: String) -> String {
        let given = directory.split(separator: "/").last.map(String.init)
        if let given, given != ".", given != ".." { return given }
        return realPath.split(separator: "/").last.map(String.init) ?? "/"
    }

    // MARK: - Opening and closing

    /// Opens the log in `directory`, creating the directory and an empty store when missing.
    ///
    /// A directory hubsh may read but not write, such as one on a read-only mount, opens
    /// read-only: reads work and every write throws `HubError.readOnly`. A directory that
    /// cannot even be created or locked throws `HubError.readOnly`; a data file that is not a
    /// hubsh store throws `HubError.corrupt`.
    ///
    /// Opening a directory this process already has open shares its environment, whatever path
    /// names it: LMDB must not open one environment twice in a process.
    public static func open(directory: String, options: Options = Options()) throws
        -> LMDBEventLog
    {
        do {
            let mapSize = try options.effectiveMapSize()
            if !options.readOnly { try DataDirectory.create(directory) }
            let realPath = try DataDirectory.realPath(directory)
            let notice = options.notice
            let environment = try EnvironmentRegistry.shared.acquire(realPath: realPath) {
                try openEnvironment(realPath, mapSize: mapSize, readOnly: options.readOnly) {
                    notice("data directory '\(directory)': \($0)")
                }
            }
            return LMDBEventLog(directory: directory, environment: environment, options: options)
        } catch {
            throw ErrorMapping.hubError(
                for: error, directory: directory, action: "open the event log")
        }
    }

    /// Opens the log in `directory` with default options and `namespace` as its display name
    /// (the directory's last component when nil): what `hubsh --data DIR` does.
    public static func open(directory: String, namespace: String?) throws -> LMDBEventLog {
        try open(directory: directory, options: Options(namespace: namespace))
    }

    /// Opens read-write, or read-only when asked to or when the files allow nothing more.
    private static func openEnvironment(
        _ path: String, mapSize: Int, readOnly: Bool, notice: (String) -> Void
    ) throws -> Environment {
        if readOnly {
            return try Environment.open(
                directory: path, mapSize: mapSize, readOnly: true, notice: notice)
        }
        do {
            return try Environment.open(
                directory: path, mapSize: mapSize, readOnly: false, notice: notice)
        } catch let error as LMDBError where error.meansReadOnly {
            // Without a data file there is nothing to read, and nothing can be created.
            guard DataDirectory.fileExists(path + "/data.mdb") else { throw error }
            return try Environment.open(
                directory: path, mapSize: mapSize, readOnly: true, notice: notice)
        }
    }

    /// Ends this log's use of the directory; the environment closes with the last log of the
    /// directory in this process. Later calls throw `HubError.storage`. Closing twice is
    /// harmless, and a log that is never closed closes when it is released.
    public func close() {
        let wasOpen = stateLock.withLock {
            defer { isClosed = true }
            return !isClosed
        }
        if wasOpen { EnvironmentRegistry.shared.release(environment) }
    }

    // MARK: - Running operations

    /// Runs one public operation: refuses it once the log is closed, and turns what LMDB or a
    /// damaged record throws into a `HubError` that names `action`, such as "read hub 'orders'".
    /// Other errors (`HubError`, `RegistryError`, a caller's own check) pass through unchanged.
    func perform<T>(_ action: @autoclosure () -> String, _ body: () throws -> T) throws -> T {
        do {
            let closed = stateLock.withLock { isClosed }
            if closed { throw HubError.storage("the event log of '\(directory)' is closed") }
            return try body()
        } catch let error as LMDBError {
            throw ErrorMapping.hubError(for: error, directory: directory, action: action())
        } catch let damage as StoreDamage {
            throw ErrorMapping.hubError(for: damage, directory: directory, action: action())
        }
    }

    /// Runs `body` in one short read transaction.
    func reading<T>(_ body: (Tables) throws -> T) throws -> T {
        let databases = environment.databases
        return try environment.read { try body(Tables($0, databases)) }
    }

    /// Runs `body` in one write transaction, committed with `durability`; `exclusive` keeps
    /// every other transaction of the process out meanwhile (see `Environment.write`).
    func writing<T>(
        _ durability: Durability = .durable, exclusive: Bool = false,
        _ body: (Tables) throws -> T
    ) throws -> T {
        if isReadOnly { throw HubError.readOnly(path: directory) }
        let databases = environment.databases
        return try environment.write(durability: durability, exclusive: exclusive) {
            try body(Tables($0, databases))
        }
    }
}
