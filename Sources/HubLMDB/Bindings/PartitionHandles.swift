import CLMDB

/// The handles of the partition databases this process has opened, shared by every
/// transaction of one environment.
///
/// LMDB's rules for handles shape how they are opened (see `PartitionDatabases`): a handle
/// opened in a transaction is private to it until it commits, and opening must never happen in
/// two transactions of the process at once. So only transactions begun while holding the
/// environment's writer lock open handles, and they publish them here once they commit.
///
/// Thread-safety: every method may be called from any thread.
final class PartitionHandles: @unchecked Sendable {
    private let lock = Lock()
    /// Guarded by `lock`.
    private var handles: [PartitionId: MDB_dbi] = [:]

    /// The published handle of `id`'s database, if any.
    func handle(_ id: PartitionId) -> MDB_dbi? {
        lock.withLock { handles[id] }
    }

    /// How many handles are published.
    var count: Int {
        lock.withLock { handles.count }
    }

    /// Makes handles that a committed transaction opened available to later transactions.
    func publish(_ opened: [PartitionId: MDB_dbi]) {
        guard !opened.isEmpty else { return }
        lock.withLock { handles.merge(opened) { _, new in new } }
    }

    /// Forgets the handles of the hubs in `hubIds`, whose databases were dropped (LMDB closes
    /// a dropped database's handle itself).
    func forget(hubIds: Set<UInt32>) {
        guard !hubIds.isEmpty else { return }
        lock.withLock { handles = handles.filter { !hubIds.contains($0.key.hubId) } }
    }

    /// Forgets every handle and returns them, for the caller to close.
    func takeAll() -> [MDB_dbi] {
        lock.withLock {
            defer { handles = [:] }
            return Array(handles.values)
        }
    }
}

/// Thrown out of a read transaction that needs a partition database it may not open itself;
/// the environment opens every database of the hub in a transaction of its own and runs the
/// read again, so a read over many partitions starts again once, not once per partition.
struct PartitionDatabasesNeeded: Error {
    let hubId: UInt32
}

/// Finds the database of each partition that one transaction touches.
///
/// A write transaction (begun while holding the writer lock) opens what is not open yet, and
/// creates a missing database when asked to; what it opened is published when it commits. A
/// read transaction only uses published handles: it throws `PartitionDatabasesNeeded` for an
/// existing database without one, and reports a database that does not exist as nil after
/// looking its name up in the main database.
///
/// Valid only inside its transaction, on the thread running it.
final class PartitionDatabases {
    let registry: PartitionHandles
    let isWrite: Bool
    /// Handles opened by this transaction, published on commit.
    private(set) var opened: [PartitionId: MDB_dbi] = [:]
    /// Hubs whose databases this transaction dropped.
    private(set) var droppedHubs: Set<UInt32> = []
    private let main: MDB_dbi

    init(registry: PartitionHandles, main: MDB_dbi, isWrite: Bool) {
        self.registry = registry
        self.main = main
        self.isWrite = isWrite
    }

    /// The handle of `id`'s database in `txn`, or nil when the database does not exist and
    /// `create` is not set. `create` needs a write transaction: `mdb_dbi_open` with
    /// `MDB_CREATE`.
    func database(_ id: PartitionId, in txn: OpaquePointer, create: Bool) throws -> MDB_dbi? {
        if let dbi = opened[id] { return dbi }
        if let dbi = registry.handle(id), isUsable(dbi, in: txn) { return dbi }
        guard isWrite else {
            guard try exists(id, in: txn) else { return nil }
            throw PartitionDatabasesNeeded(hubId: id.hubId)
        }
        var dbi: MDB_dbi = 0
        let flags = create ? UInt32(MDB_CREATE) : 0
        let code = mdb_dbi_open(txn, id.databaseName, flags, &dbi)
        if code == MDB_NOTFOUND { return nil }
        try LMDBError.check(code)
        opened[id] = dbi
        return dbi
    }

    /// Deletes `id`'s database with everything in it: `mdb_drop` with `del` set, which also
    /// closes the handle. The caller must hold the environment alone (`Environment.write`
    /// with `exclusive`), since no other transaction of the process may use a closed handle.
    func drop(_ id: PartitionId, in txn: OpaquePointer) throws {
        guard let dbi = try database(id, in: txn, create: false) else { return }
        droppedHubs.insert(id.hubId)
        opened[id] = nil
        try LMDBError.check(mdb_drop(txn, dbi, 1))
    }

    /// Whether `dbi` is open in `txn`: a handle published after `txn` began is not.
    /// `mdb_dbi_flags` refuses a handle the transaction does not know.
    private func isUsable(_ dbi: MDB_dbi, in txn: OpaquePointer) -> Bool {
        var flags: UInt32 = 0
        return mdb_dbi_flags(txn, dbi, &flags) == MDB_SUCCESS
    }

    /// Whether the main database has an entry named like `id`'s database: `mdb_get`.
    private func exists(_ id: PartitionId, in txn: OpaquePointer) throws -> Bool {
        var name = Array(id.databaseName.utf8)
        return try name.withUnsafeMutableBytes { bytes in
            var key = MDB_val(mv_size: bytes.count, mv_data: bytes.baseAddress)
            var value = MDB_val()
            let code = mdb_get(txn, main, &key, &value)
            if code == MDB_NOTFOUND { return false }
            try LMDBError.check(code)
            return true
        }
    }
}
