import CLMDB

extension Transaction {
    /// Calls `body` with every entry whose key starts with `prefix`, in key order:
    /// `mdb_cursor_get` with `MDB_SET_RANGE`, then `MDB_NEXT`.
    func forEach(
        prefix: [UInt8], in dbi: MDB_dbi, _ body: (Cursor.Entry) throws -> Void
    ) throws {
        try withCursor(on: dbi) { cursor in
            var entry = try cursor.seek(atLeast: prefix)
            while let current = entry, Keys.hasPrefix(current.key, prefix) {
                try body(current)
                entry = try cursor.next()
            }
        }
    }

    /// Removes every entry whose key starts with `prefix` and returns how many there were:
    /// `mdb_cursor_get` with `MDB_SET_RANGE`, then `mdb_cursor_del`, until none is left.
    ///
    /// The cursor seeks again after each removal rather than relying on where a deletion
    /// leaves it; each seek costs one descent of the tree.
    @discardableResult
    func deleteAll(prefix: [UInt8], in dbi: MDB_dbi) throws -> Int {
        try withCursor(on: dbi) { cursor in
            var removed = 0
            while let entry = try cursor.seek(atLeast: prefix), Keys.hasPrefix(entry.key, prefix) {
                try cursor.deleteCurrent()
                removed += 1
            }
            return removed
        }
    }
}
