import CLMDB
import Glibc
import HubCore

/// One open LMDB environment: the `MDB_env` of a data directory and its named databases.
///
/// Shared by every `LMDBEventLog` of the directory in this process (`EnvironmentRegistry` makes
/// sure the directory is opened once), and safe to use from any thread: the environment is
/// opened with `MDB_NOTLS`, so a read transaction is not tied to the thread that began it.
///
/// Two process-local locks guard it, always taken in this order:
/// - `writerLock` serializes this process's write transactions. LMDB serializes writers too,
///   but the sync flag toggled around a no-sync commit belongs to the whole environment handle,
///   so no other writer of this process may commit while it is set.
/// - `gate` is shared by every transaction, read or write, and taken alone to change the map
///   size (`mdb_env_set_mapsize` requires that no transaction of the process is active), to
///   close handles of partition databases (a write that drops a hub's databases, or the
///   clearing of every handle when all `partitionHandleCapacity` are in use) or to close the
///   environment.
///
/// Partition databases are opened only by transactions begun while holding `writerLock`: every
/// write, and the short read transaction a read uses when it meets a partition database this
/// process has no handle for yet (`openPartitionDatabases`). LMDB forbids opening handles in
/// two transactions of a process at once, and a transaction that began before another one
/// opened a handle must not open one itself.
final class Environment: @unchecked Sendable {
    /// The real path of the data directory.
    let directory: String
    /// Whether the environment was opened with `MDB_RDONLY`; every write then fails with
    /// `EACCES`.
    let isReadOnly: Bool
    let databases: Databases
    /// Where appends of every log of this directory queue to share commits.
    let appendQueue = GroupCommit()
    /// Wakes readers of this process when appends commit; counts those commits.
    let appendSignal = AppendSignal()
    /// The partition databases this process has open.
    let partitionHandles = PartitionHandles()
    /// Read transactions kept for the next reads.
    private let readers = ReadTransactionPool()
    /// Drops the map's pages from this process's resident memory every so many bytes.
    private let mappedPages: MappedPages

    private let env: OpaquePointer
    private let gate = ReadWriteLock()
    private let writerLock = Lock()
    /// Set once by `close`; read and written only while holding `gate`.
    private var isClosed = false
    /// Set when a map size change failed: LMDB has then unmapped the file and the handle cannot
    /// be used again. Read and written only while holding `gate`.
    private var lostMap: LMDBError?

    /// How many times one write may double the map before giving up.
    private static let maxGrowthsPerWrite = 40
    /// How many partition databases one process may have open at once
    /// (`mdb_env_set_maxdbs` adds the fixed databases). When every slot is taken, the handles
    /// are closed and reopened as needed; one transaction cannot touch more partitions than
    /// this. LMDB allocates a read transaction's table of databases at this size (about 50
    /// bytes per slot), which is what keeps it from being larger.
    static let partitionHandleCapacity = 4096

    private init(env: OpaquePointer, directory: String, isReadOnly: Bool, databases: Databases) {
        self.env = env
        self.directory = directory
        self.isReadOnly = isReadOnly
        self.databases = databases
        self.mappedPages = MappedPages(directory: directory)
    }

    // MARK: - Opening and closing

    /// Opens the environment in `directory`, which must exist: `mdb_env_create`,
    /// `mdb_env_set_maxdbs`, `mdb_env_set_mapsize`, `mdb_env_open` with `MDB_NOTLS` (and
    /// `MDB_RDONLY` when `readOnly`), a check that the data file holds every page its meta
    /// page says is in use, then `mdb_reader_check` to free the reader slots of processes that
    /// died without ending their transactions.
    ///
    /// The files are `data.mdb` and `lock.mdb` inside the directory. Throws `LMDBError`, or
    /// `StoreDamage` when the file is cut short or is an LMDB file but not a hubsh store.
    static func open(
        directory: String, mapSize: Int, readOnly: Bool, notice: (String) -> Void = { _ in }
    ) throws -> Environment {
        try refuseEmptyDataFile(directory)
        var created: OpaquePointer?
        try LMDBError.check(mdb_env_create(&created))
        guard let env = created else { throw LMDBError.badTransaction }
        do {
            let maxDatabases = Databases.fixedCount + Environment.partitionHandleCapacity
            try LMDBError.check(mdb_env_set_maxdbs(env, MDB_dbi(maxDatabases)))
            try LMDBError.check(mdb_env_set_mapsize(env, mapSize))
            var flags = UInt32(MDB_NOTLS)
            if readOnly { flags |= UInt32(MDB_RDONLY) }
            try LMDBError.check(mdb_env_open(env, directory, flags, 0o644))
            try checkDataFileLength(env)
            var deadReaders: Int32 = 0
            try LMDBError.check(mdb_reader_check(env, &deadReaders))
            let (databases, opened) = try openDatabases(env, readOnly: readOnly, notice: notice)
            let environment = Environment(
                env: env, directory: directory, isReadOnly: readOnly, databases: databases)
            environment.partitionHandles.publish(opened)
            return environment
        } catch {
            mdb_env_close(env)
            throw error
        }
    }

    /// Refuses an existing `data.mdb` of zero bytes (`stat(2)`). LMDB writes its meta pages as
    /// soon as it creates the file, so an empty one is a store that was lost (a failed copy, a
    /// full disk) rather than a new one; opening it would silently start an empty namespace.
    private static func refuseEmptyDataFile(_ directory: String) throws {
        var file = stat()
        let path = directory + "/data.mdb"
        guard stat(path, &file) == 0, file.st_mode & S_IFMT == S_IFREG, file.st_size == 0
        else { return }
        throw StoreDamage(
            "data.mdb is empty (0 bytes), so its events are gone; restore it from a copy, or"
                + " delete data.mdb to start an empty namespace there")
    }

    /// Refuses a data file shorter than the pages in use: `mdb_env_info` (`me_last_pgno`),
    /// `mdb_env_stat` (`ms_psize`), `mdb_env_get_fd` and `fstat(2)`.
    ///
    /// LMDB maps the file and trusts its meta page, so touching a page past the end of a file
    /// that was cut short (a partial copy, a full disk during a restore, `truncate`) would end
    /// the process with SIGBUS instead of an error. The file only grows while it is in use, so
    /// another process writing at the same time cannot make this check fail.
    ///
    /// Caveat: only the length is checked. Damaged bytes inside the file can still make LMDB
    /// fail an assertion when it reads them; fix: restore the data file from a copy.
    private static func checkDataFileLength(_ env: OpaquePointer) throws {
        var info = MDB_envinfo()
        try LMDBError.check(mdb_env_info(env, &info))
        var statistics = MDB_stat()
        try LMDBError.check(mdb_env_stat(env, &statistics))
        var descriptor: mdb_filehandle_t = -1
        try LMDBError.check(mdb_env_get_fd(env, &descriptor))
        var file = stat()
        guard fstat(descriptor, &file) == 0 else { throw LMDBError(code: errno) }

        let pageSize = Int(statistics.ms_psize)
        let (pages, pagesOverflow) = info.me_last_pgno.addingReportingOverflow(1)
        let (needed, overflow) = pages.multipliedReportingOverflow(by: pageSize)
        let length = Int(file.st_size)
        guard pagesOverflow || overflow || length < needed else { return }
        throw StoreDamage(
            "data.mdb is \(length) bytes but its meta page says \(pages) pages of \(pageSize)"
                + " bytes (\(needed) bytes) are in use, so the file was cut short; restore"
                + " data.mdb from a copy")
    }

    /// Opens (or creates) the named databases in a transaction of their own and commits it, so
    /// the handles are shared by every later transaction: `mdb_txn_begin`, `mdb_dbi_open`,
    /// `mdb_txn_commit`. A store of an older format is converted in that same transaction
    /// (see `Databases.open`); the partition databases it opened are returned. No other thread
    /// can see `env` yet.
    private static func openDatabases(
        _ env: OpaquePointer, readOnly: Bool, notice: (String) -> Void
    ) throws -> (Databases, [PartitionId: MDB_dbi]) {
        var adoptedMapSize = false
        while true {
            var begun: OpaquePointer?
            let code = mdb_txn_begin(env, nil, readOnly ? UInt32(MDB_RDONLY) : 0, &begun)
            if code == MDB_MAP_RESIZED && !adoptedMapSize {
                try LMDBError.check(mdb_env_set_mapsize(env, 0))
                adoptedMapSize = true
                continue
            }
            try LMDBError.check(code)
            guard let txn = begun else { throw LMDBError.badTransaction }
            let opened: (Databases, [PartitionId: MDB_dbi])
            do {
                opened = try Databases.open(
                    in: Transaction(handle: txn), create: !readOnly, notice: notice)
            } catch {
                mdb_txn_abort(txn)
                throw error
            }
            try LMDBError.check(mdb_txn_commit(txn))
            return opened
        }
    }

    /// Closes the environment once every transaction in progress has ended: `mdb_env_close`.
    ///
    /// Only `EnvironmentRegistry` calls it, when the last log of the directory closes. Later
    /// calls of any method throw `HubError.storage`.
    func close() {
        gate.withExclusive {
            guard !isClosed else { return }
            isClosed = true
            readers.drain()
            mdb_env_close(env)
        }
    }

    private func requireOpen() throws {
        if isClosed { throw HubError.storage("the event log of '\(directory)' is closed") }
        if let lostMap {
            throw HubError.storage(
                "the data file of '\(directory)' could not be mapped again (\(lostMap));"
                    + " restart hubsh")
        }
    }

    // MARK: - Transactions

    /// Runs `body` in a read-only transaction and ends the transaction before returning:
    /// `mdb_txn_begin` with `MDB_RDONLY` (or `mdb_txn_renew` of one kept in
    /// `ReadTransactionPool`), then `mdb_txn_reset` (or `mdb_txn_abort`).
    ///
    /// No transaction outlives the call, so an idle log pins no pages. When another process
    /// grew the map (`MDB_MAP_RESIZED`), the new size is adopted and the read retried; when
    /// every reader slot is taken, stale slots are cleared once and the read retried.
    func read<T>(_ body: (Transaction) throws -> T) throws -> T {
        var clearedStaleReaders = false
        var openings = 0
        while true {
            let attempt: Attempt<T> = try gate.withShared {
                try requireOpen()
                let (code, begun) = readers.take(env)
                if code == MDB_MAP_RESIZED { return .mapResized }
                if code == MDB_READERS_FULL && !clearedStaleReaders { return .readersFull }
                try LMDBError.check(code)
                guard let txn = begun else { throw LMDBError.badTransaction }
                defer { readers.give(txn) }
                let partitions = PartitionDatabases(
                    registry: partitionHandles, main: databases.main, isWrite: false)
                do {
                    return .done(try body(Transaction(handle: txn, partitions: partitions)))
                } catch let needed as PartitionDatabasesNeeded {
                    return .needsPartitions(hubId: needed.hubId)
                }
            }
            switch attempt {
            case .needsPartitions(let hubId):
                // Each round opens every database of one hub; a read that keeps needing more
                // is being raced by handles closing as it opens them.
                openings += 1
                guard openings <= 64 else { throw LMDBError.databasesFull }
                try openPartitionDatabases(of: hubId)
            case .done(let value):
                return value
            case .mapResized:
                try adoptMapSize()
            case .readersFull:
                clearStaleReaders()
                clearedStaleReaders = true
            case .mapFull:
                throw LMDBError.mapFull
            case .handlesFull:
                throw LMDBError.databasesFull
            }
        }
    }

    /// Runs `body` in a write transaction and commits it: `mdb_txn_begin`, then
    /// `mdb_txn_commit`, or `mdb_txn_abort` when `body` throws.
    ///
    /// When the map is full (`MDB_MAP_FULL`), the transaction is aborted, the map doubled and
    /// `body` run again from the start in a new transaction, so what it writes still lands
    /// whole or not at all; `body` must therefore derive everything from the transaction.
    ///
    /// Durability. The environment stays in LMDB's default, fully synchronous mode, in which a
    /// commit flushes the data pages before it writes the meta page that makes them visible, so
    /// a durable commit can neither be lost nor torn by a power failure. A `.noSync` write
    /// sets `MDB_NOSYNC` with `mdb_env_set_flags` for its own commit only and clears it
    /// afterwards: the commit reaches the operating system, which survives `kill -9` of this
    /// process, but not the disk. The flag belongs to the environment handle of this process,
    /// so `writerLock` keeps every other writer of the process out while it is set; other
    /// processes have their own handle and are not affected. Read transactions beginning on
    /// other threads meanwhile read the same flag word, but only bits that never change.
    /// The alternative, opening with `MDB_NOSYNC` and calling `mdb_env_sync` after each
    /// durable commit, was rejected: the meta page could reach the disk before the pages it
    /// points to, so even durable commits could be damaged by a power failure.
    ///
    /// Caveat: after a power failure, the last `.noSync` commits can be lost, and on a file
    /// system that reorders writes, the newest of them can be damaged. Fix: publish with
    /// `.durable` where power loss matters; any later durable commit flushes the earlier
    /// no-sync ones too.
    ///
    /// Partition databases the transaction opened become available to every transaction of
    /// the process once it commits. `exclusive` keeps every other transaction of the process
    /// out while it runs: a write that drops partition databases needs it, since dropping
    /// closes their handles.
    func write<T>(
        durability: Durability, exclusive: Bool = false, _ body: (Transaction) throws -> T
    ) throws -> T {
        try writerLock.withLock {
            var growths = 0
            var clearedHandles = false
            while true {
                let attempt = try exclusive
                    ? gate.withExclusive { try attemptWrite(durability, body) }
                    : gate.withShared { try attemptWrite(durability, body) }
                switch attempt {
                case .done(let value):
                    return value
                case .handlesFull:
                    guard !clearedHandles else { throw LMDBError.databasesFull }
                    closePartitionHandles()
                    clearedHandles = true
                case .needsPartitions:
                    throw LMDBError.badTransaction
                case .mapResized:
                    try adoptMapSize()
                case .mapFull:
                    guard growths < Environment.maxGrowthsPerWrite else { throw LMDBError.mapFull }
                    try growMap()
                    growths += 1
                case .readersFull:
                    throw LMDBError.readersFull
                }
            }
        }
    }

    /// One try of `write`; the caller holds `writerLock` and shares `gate`.
    private func attemptWrite<T>(_ durability: Durability, _ body: (Transaction) throws -> T)
        throws -> Attempt<T>
    {
        try requireOpen()
        if durability == .noSync && !isReadOnly {
            try LMDBError.check(mdb_env_set_flags(env, UInt32(MDB_NOSYNC), 1))
        }
        defer {
            if durability == .noSync && !isReadOnly {
                mdb_env_set_flags(env, UInt32(MDB_NOSYNC), 0)
            }
        }

        var begun: OpaquePointer?
        let code = mdb_txn_begin(env, nil, 0, &begun)
        if code == MDB_MAP_RESIZED { return .mapResized }
        try LMDBError.check(code)
        guard let txn = begun else { throw LMDBError.badTransaction }

        let partitions = PartitionDatabases(
            registry: partitionHandles, main: databases.main, isWrite: true)
        // Handles of dropped databases are closed whether or not the transaction commits.
        defer { partitionHandles.forget(hubIds: partitions.droppedHubs) }
        let value: T
        do {
            value = try body(Transaction(handle: txn, partitions: partitions))
        } catch let error as LMDBError where error == .mapFull {
            mdb_txn_abort(txn)
            return .mapFull
        } catch let error as LMDBError where error == .databasesFull {
            mdb_txn_abort(txn)
            return .handlesFull
        } catch {
            mdb_txn_abort(txn)
            throw error
        }

        // mdb_txn_commit frees the transaction whether or not it succeeds.
        let committed = mdb_txn_commit(txn)
        if committed == MDB_MAP_FULL { return .mapFull }
        try LMDBError.check(committed)
        partitionHandles.publish(partitions.opened)
        return .done(value)
    }

    // MARK: - Partition databases

    /// Opens every partition database of hub `hubId` for later transactions, in a read
    /// transaction of its own begun while holding `writerLock`, then commits it so that LMDB
    /// keeps the handles: `mdb_txn_begin` with `MDB_RDONLY`, a cursor over the main database
    /// for the names, `mdb_dbi_open`, `mdb_txn_commit`. When every slot is taken, every handle
    /// is closed first.
    private func openPartitionDatabases(of hubId: UInt32) throws {
        try writerLock.withLock {
            for round in 0..<2 {
                let full: Bool = try gate.withShared {
                    try requireOpen()
                    var begun: OpaquePointer?
                    let code = mdb_txn_begin(env, nil, UInt32(MDB_RDONLY), &begun)
                    if code == MDB_MAP_RESIZED { return false }
                    try LMDBError.check(code)
                    guard let txn = begun else { throw LMDBError.badTransaction }
                    var opened: [PartitionId: MDB_dbi] = [:]
                    let ids: [PartitionId]
                    do {
                        ids = try Databases.partitionDatabases(
                            of: hubId, in: Transaction(handle: txn), main: databases.main)
                    } catch {
                        mdb_txn_abort(txn)
                        throw error
                    }
                    for id in ids where partitionHandles.handle(id) == nil {
                        var dbi: MDB_dbi = 0
                        let code = mdb_dbi_open(txn, id.databaseName, 0, &dbi)
                        if code == MDB_NOTFOUND { continue }
                        if code == MDB_DBS_FULL {
                            mdb_txn_abort(txn)
                            return true
                        }
                        if code != MDB_SUCCESS { mdb_txn_abort(txn) }
                        try LMDBError.check(code)
                        opened[id] = dbi
                    }
                    try LMDBError.check(mdb_txn_commit(txn))
                    partitionHandles.publish(opened)
                    return false
                }
                guard full else { return }
                guard round == 0 else { throw LMDBError.databasesFull }
                closePartitionHandles()
            }
        }
    }

    /// Closes every partition database handle while no transaction of this process is
    /// active, so that their slots can be used again: `mdb_dbi_close`. Later transactions
    /// reopen the ones they need. The caller holds `writerLock`.
    private func closePartitionHandles() {
        gate.withExclusive {
            guard !isClosed else { return }
            for dbi in partitionHandles.takeAll() { mdb_dbi_close(env, dbi) }
        }
    }

    // MARK: - Map size and reader slots

    /// Drops the pages of the map this process touched from its resident memory now.
    func releaseMappedPages() {
        gate.withShared {
            guard !isClosed else { return }
            mappedPages.release()
        }
    }

    /// Counts `bytes` that a read or a write went through; every `MappedPages.budget` bytes,
    /// the pages of the map this process touched leave its resident memory.
    func noteMapped(bytes: Int) {
        gate.withShared {
            guard !isClosed else { return }
            mappedPages.note(bytes)
        }
    }

    /// The size of the memory map, in bytes: `mdb_env_info`.
    var mapSize: Int {
        gate.withShared {
            var info = MDB_envinfo()
            mdb_env_info(env, &info)
            return info.me_mapsize
        }
    }

    /// Whether commits currently skip the flush to disk (`MDB_NOSYNC`): `mdb_env_get_flags`.
    /// True only while a `.noSync` write is committing.
    var isSyncDeferred: Bool {
        gate.withShared {
            var flags: UInt32 = 0
            mdb_env_get_flags(env, &flags)
            return flags & UInt32(MDB_NOSYNC) != 0
        }
    }

    /// Doubles the map while no transaction of this process is active: `mdb_env_set_mapsize`.
    private func growMap() throws {
        try gate.withExclusive {
            try requireOpen()
            var info = MDB_envinfo()
            try LMDBError.check(mdb_env_info(env, &info))
            let (doubled, overflow) = info.me_mapsize.multipliedReportingOverflow(by: 2)
            guard !overflow else { throw LMDBError.mapFull }
            try setMapSize(doubled)
        }
    }

    /// Adopts the map size another process gave the file: `mdb_env_set_mapsize` with 0.
    private func adoptMapSize() throws {
        try gate.withExclusive {
            try requireOpen()
            try setMapSize(0)
        }
    }

    /// Remaps the file at `size` bytes, or at the size in the file when 0:
    /// `mdb_env_set_mapsize`. The caller holds `gate` alone.
    ///
    /// LMDB unmaps the file before mapping it at the new size, so a failure leaves no map at
    /// all; the environment then refuses every later call instead of touching the lost map.
    private func setMapSize(_ size: Int) throws {
        let code = mdb_env_set_mapsize(env, size)
        guard code == MDB_SUCCESS else {
            lostMap = LMDBError(code: code)
            throw LMDBError(code: code)
        }
    }

    /// Frees the reader slots of dead processes (`mdb_reader_check`) and those of the idle
    /// transactions this process keeps.
    private func clearStaleReaders() {
        gate.withShared {
            guard !isClosed else { return }
            readers.drain()
            var dead: Int32 = 0
            mdb_reader_check(env, &dead)
        }
    }
}

/// How one try at a transaction ended.
private enum Attempt<T> {
    case done(T)
    case mapFull
    case mapResized
    case readersFull
    /// Every slot for a database handle is taken (`MDB_DBS_FULL`).
    case handlesFull
    /// A read met a partition database of this hub that it has no handle for.
    case needsPartitions(hubId: UInt32)
}
