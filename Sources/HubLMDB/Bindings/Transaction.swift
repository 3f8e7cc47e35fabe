import CLMDB

/// A transaction in progress: a thin wrapper over `MDB_txn`.
///
/// Valid only inside the closure that `Environment.read` or `Environment.write` hands it to, and
/// only on the thread running that closure. The bytes it returns point into the memory map and
/// stay valid until the transaction ends: copy whatever must outlive it.
struct Transaction {
    let handle: OpaquePointer
    /// Finds partition databases; nil only in the transaction that opens the environment.
    let partitions: PartitionDatabases?

    init(handle: OpaquePointer, partitions: PartitionDatabases? = nil) {
        self.handle = handle
        self.partitions = partitions
    }

    /// The handle of `id`'s events database, or nil when it does not exist and `create` is
    /// not set (see `PartitionDatabases`).
    func partitionDatabase(_ id: PartitionId, create: Bool) throws -> MDB_dbi? {
        guard let partitions else { throw LMDBError.badTransaction }
        return try partitions.database(id, in: handle, create: create)
    }

    /// Deletes `id`'s events database, if it exists (see `PartitionDatabases.drop`).
    func dropPartitionDatabase(_ id: PartitionId) throws {
        guard let partitions else { throw LMDBError.badTransaction }
        try partitions.drop(id, in: handle)
    }

    /// Opens the named database, or the main one when `name` is nil, creating it when `create`
    /// is set: `mdb_dbi_open`.
    func openDatabase(named name: String?, create: Bool) throws -> MDB_dbi {
        var dbi: MDB_dbi = 0
        let flags = create ? UInt32(MDB_CREATE) : 0
        try LMDBError.check(mdb_dbi_open(handle, name, flags, &dbi))
        return dbi
    }

    /// The value stored under `key`, or nil when there is none: `mdb_get`.
    func value(forKey key: [UInt8], in dbi: MDB_dbi) throws -> UnsafeRawBufferPointer? {
        try key.withUnsafeBytes { keyBytes in
            var keyVal = MDB_val(bytes: keyBytes)
            var dataVal = MDB_val()
            let code = mdb_get(handle, dbi, &keyVal, &dataVal)
            if code == MDB_NOTFOUND { return nil }
            try LMDBError.check(code)
            return dataVal.bytes
        }
    }

    /// Stores `value` under `key`, replacing what was there: `mdb_put`.
    func put(_ value: [UInt8], forKey key: [UInt8], in dbi: MDB_dbi) throws {
        try key.withUnsafeBytes { keyBytes in
            try value.withUnsafeBytes { valueBytes in
                var keyVal = MDB_val(bytes: keyBytes)
                var dataVal = MDB_val(bytes: valueBytes)
                try LMDBError.check(mdb_put(handle, dbi, &keyVal, &dataVal, 0))
            }
        }
    }

    /// Removes `key` and its value; returns false when the key was absent: `mdb_del`.
    @discardableResult
    func delete(key: [UInt8], in dbi: MDB_dbi) throws -> Bool {
        try key.withUnsafeBytes { keyBytes in
            var keyVal = MDB_val(bytes: keyBytes)
            let code = mdb_del(handle, dbi, &keyVal, nil)
            if code == MDB_NOTFOUND { return false }
            try LMDBError.check(code)
            return true
        }
    }

    /// Runs `body` with a cursor over `dbi` and closes it afterwards: `mdb_cursor_open`, then
    /// `mdb_cursor_close` (a read-only transaction's cursors are never closed implicitly).
    func withCursor<T>(on dbi: MDB_dbi, _ body: (Cursor) throws -> T) throws -> T {
        var cursor: OpaquePointer?
        try LMDBError.check(mdb_cursor_open(handle, dbi, &cursor))
        guard let cursor else { throw LMDBError.badTransaction }
        defer { mdb_cursor_close(cursor) }
        return try body(Cursor(handle: cursor))
    }
}

extension MDB_val {
    /// A value that points at `bytes` without copying them.
    init(bytes: UnsafeRawBufferPointer) {
        let start = UnsafeMutableRawPointer(mutating: bytes.baseAddress)
        self.init(mv_size: bytes.count, mv_data: start)
    }

    /// The bytes this value points at.
    var bytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: mv_data, count: mv_size)
    }
}
