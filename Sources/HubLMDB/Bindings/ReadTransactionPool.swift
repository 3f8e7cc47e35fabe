import CLMDB

/// Read transactions of one environment kept for reuse: `mdb_txn_reset` when a read ends,
/// `mdb_txn_renew` when the next one begins.
///
/// LMDB allocates a new read transaction with a table of every possible database
/// (`mdb_env_set_maxdbs`, about 50 bytes a slot) and clears it; with room for thousands of
/// partition databases that clearing costs more than a short read itself. A renewed
/// transaction keeps its table. A reset transaction pins no pages, but under `MDB_NOTLS` it
/// keeps its reader slot, so only a few are kept.
///
/// Thread-safety: `take` and `give` may be called from any thread; a transaction taken
/// belongs to the taker until given back. `drain` runs while no transaction of the
/// environment is active.
final class ReadTransactionPool: @unchecked Sendable {
    /// How many idle transactions are kept, and so how many reader slots they hold.
    static let capacity = 4

    private let lock = Lock()
    /// Guarded by `lock`.
    private var idle: [OpaquePointer] = []

    /// Begins a read transaction, renewing an idle one when there is one: `mdb_txn_renew`,
    /// else `mdb_txn_begin` with `MDB_RDONLY`. Returns LMDB's code and, on success, the
    /// transaction.
    func take(_ env: OpaquePointer) -> (Int32, OpaquePointer?) {
        if let txn = lock.withLock({ idle.popLast() }) {
            let code = mdb_txn_renew(txn)
            if code == MDB_SUCCESS { return (code, txn) }
            mdb_txn_abort(txn)
            return (code, nil)
        }
        var begun: OpaquePointer?
        let code = mdb_txn_begin(env, nil, UInt32(MDB_RDONLY), &begun)
        return (code, code == MDB_SUCCESS ? begun : nil)
    }

    /// Ends a read transaction taken from `take`: `mdb_txn_reset` to keep it, or
    /// `mdb_txn_abort` when enough are kept.
    func give(_ txn: OpaquePointer) {
        mdb_txn_reset(txn)
        let kept = lock.withLock {
            guard idle.count < ReadTransactionPool.capacity else { return false }
            idle.append(txn)
            return true
        }
        if !kept { mdb_txn_abort(txn) }
    }

    /// Frees every idle transaction and its reader slot: `mdb_txn_abort`.
    func drain() {
        for txn in lock.withLock({ () -> [OpaquePointer] in
            defer { idle = [] }
            return idle
        }) {
            mdb_txn_abort(txn)
        }
    }
}
