import CLMDB

/// A position in one database of a transaction: a thin wrapper over `MDB_cursor`.
///
/// Only valid inside `Transaction.withCursor`. Keys and values it returns point into the memory
/// map and stay valid until the transaction ends or the cursor writes.
struct Cursor {
    /// A key and its value, both pointing into the memory map.
    typealias Entry = (key: UnsafeRawBufferPointer, value: UnsafeRawBufferPointer)

    let handle: OpaquePointer

    /// Moves to the first key at or after `key`: `mdb_cursor_get` with `MDB_SET_RANGE`.
    func seek(atLeast key: [UInt8]) throws -> Entry? {
        try key.withUnsafeBytes { try get(MDB_SET_RANGE, key: $0) }
    }

    /// Moves to exactly `key`: `mdb_cursor_get` with `MDB_SET_KEY`.
    func seek(exactly key: [UInt8]) throws -> Entry? {
        try key.withUnsafeBytes { try get(MDB_SET_KEY, key: $0) }
    }

    /// Moves to the next key: `mdb_cursor_get` with `MDB_NEXT`.
    func next() throws -> Entry? {
        try get(MDB_NEXT, key: UnsafeRawBufferPointer(start: nil, count: 0))
    }

    /// Moves to the first key of the database: `mdb_cursor_get` with `MDB_FIRST`.
    func first() throws -> Entry? {
        try get(MDB_FIRST, key: UnsafeRawBufferPointer(start: nil, count: 0))
    }

    /// Moves to the last key of the database: `mdb_cursor_get` with `MDB_LAST`.
    func last() throws -> Entry? {
        try get(MDB_LAST, key: UnsafeRawBufferPointer(start: nil, count: 0))
    }

    /// Removes the entry under the cursor: `mdb_cursor_del`.
    func deleteCurrent() throws {
        try LMDBError.check(mdb_cursor_del(handle, 0))
    }

    /// Makes room for a `size`-byte value under `key` and returns it to be filled in before
    /// the cursor or its transaction does anything else: `mdb_cursor_put` with `MDB_RESERVE`.
    ///
    /// `append` adds `MDB_APPEND`, which is only correct when `key` sorts after every key in the
    /// database; without it the put refuses to replace an existing key (`MDB_NOOVERWRITE`).
    func reserve(key: UnsafeRawBufferPointer, size: Int, append: Bool) throws
        -> UnsafeMutableRawBufferPointer
    {
        var keyVal = MDB_val(bytes: key)
        var dataVal = MDB_val(mv_size: size, mv_data: nil)
        let placement = append ? UInt32(MDB_APPEND) : UInt32(MDB_NOOVERWRITE)
        let flags = UInt32(MDB_RESERVE) | placement
        try LMDBError.check(mdb_cursor_put(handle, &keyVal, &dataVal, flags))
        return UnsafeMutableRawBufferPointer(start: dataVal.mv_data, count: size)
    }

    private func get(_ op: MDB_cursor_op, key: UnsafeRawBufferPointer) throws -> Entry? {
        var keyVal = MDB_val(bytes: key)
        var dataVal = MDB_val()
        let code = mdb_cursor_get(handle, &keyVal, &dataVal, op)
        if code == MDB_NOTFOUND { return nil }
        try LMDBError.check(code)
        return (keyVal.bytes, dataVal.bytes)
    }
}
