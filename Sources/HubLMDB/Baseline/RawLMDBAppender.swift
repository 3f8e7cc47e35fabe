import CLMDB
import Glibc
import HubCore
import Synchronization

/// The raw LMDB append loop that hubsh's publish path is measured against.
///
/// It does what a careful C program would do to append records to LMDB, and nothing more: one
/// write transaction per batch, `mdb_cursor_put` with `MDB_APPEND` of each record under an
/// 8-byte big-endian counter, then `mdb_txn_commit`. No hubs, no routing, no encoding, no
/// partition state. Its environment lives in a scratch directory inside the data directory, so
/// it shares the log's disk, and is opened with `MDB_NOTLS` like the log's, plus `MDB_NOSYNC`
/// for a no-sync pattern (the log sets that flag per commit; the effect on a commit is the same).
///
/// Used by one thread at a time. `close` (or releasing it) removes the scratch directory.
final class RawLMDBAppender: RawAppender {
    private let directory: String
    private let pattern: RawAppendPattern
    private var env: OpaquePointer?
    private var dbi: MDB_dbi = 0
    private var nextKey: UInt64 = 0
    private let record: [UInt8]

    /// Creates the scratch environment `bench-baseline-PID-N` inside `parent`:
    /// `mdb_env_create`, `mdb_env_set_mapsize`, `mdb_env_open`, then `mdb_dbi_open` of the
    /// main database.
    init(parent: String, pattern: RawAppendPattern) throws {
        self.pattern = pattern
        record = (0..<pattern.recordSize).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        directory = parent + "/" + RawLMDBAppender.scratchPrefix
            + "\(OwnerProcess.current)-\(RawLMDBAppender.nextId())"
        guard mkdir(directory, 0o755) == 0 else { throw LMDBError(code: errno) }
        do {
            try open()
        } catch {
            close()
            throw error
        }
    }

    deinit {
        close()
    }

    private func open() throws {
        var created: OpaquePointer?
        try LMDBError.check(mdb_env_create(&created))
        guard let created else { throw LMDBError.badTransaction }
        env = created
        try LMDBError.check(mdb_env_set_mapsize(created, RawLMDBAppender.mapSize(for: pattern)))
        var flags = UInt32(MDB_NOTLS)
        if pattern.durability == .noSync { flags |= UInt32(MDB_NOSYNC) }
        try LMDBError.check(mdb_env_open(created, directory, flags, 0o644))
        try inTransaction { txn in
            try LMDBError.check(mdb_dbi_open(txn, nil, 0, &dbi))
        }
    }

    /// One transaction of `count` records: `mdb_txn_begin`, `mdb_cursor_open`,
    /// `mdb_cursor_put` with `MDB_APPEND` per record, `mdb_txn_commit`.
    func appendBatch(count: Int) throws {
        try inTransaction { txn in
            var cursor: OpaquePointer?
            try LMDBError.check(mdb_cursor_open(txn, dbi, &cursor))
            defer { mdb_cursor_close(cursor) }
            var key = UInt64(0)
            try record.withUnsafeBytes { value in
                try withUnsafeMutableBytes(of: &key) { keyBytes in
                    for _ in 0..<count {
                        keyBytes.storeBytes(of: nextKey.bigEndian, as: UInt64.self)
                        var keyVal = MDB_val(bytes: UnsafeRawBufferPointer(keyBytes))
                        var dataVal = MDB_val(bytes: value)
                        let flags = UInt32(MDB_APPEND)
                        try LMDBError.check(mdb_cursor_put(cursor, &keyVal, &dataVal, flags))
                        nextKey += 1
                    }
                }
            }
        }
    }

    /// Empties the database in one transaction, its pages going to LMDB's free list for the
    /// next records: `mdb_drop` without deleting the database.
    func reset() throws {
        try inTransaction { txn in try LMDBError.check(mdb_drop(txn, dbi, 0)) }
        nextKey = 0
    }

    /// `mdb_env_close`, then the scratch files and directory are removed.
    func close() {
        if let env { mdb_env_close(env) }
        env = nil
        RawLMDBAppender.removeScratch(directory)
    }

    // MARK: - Leftovers

    /// How scratch directories are named, before `PID-N`.
    static let scratchPrefix = "bench-baseline-"

    /// Removes the scratch directories in `parent` whose owner process is gone (a run killed
    /// before `close`), and returns their names: `opendir(3)`, `readdir(3)`, then `unlink(2)`
    /// of LMDB's two files and `rmdir(2)`. A directory holding anything else stays.
    static func removeAbandoned(in parent: String) -> [String] {
        guard let folder = opendir(parent) else { return [] }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            names.append(name)
        }
        closedir(folder)
        return names.filter { name in
            guard let owner = owner(ofScratch: name), !OwnerProcess.isAlive(owner) else {
                return false
            }
            return removeScratch(parent + "/" + name)
        }.sorted()
    }

    /// The owner process of scratch directory `name`, `bench-baseline-PID-N`; nil for a
    /// name of another shape.
    static func owner(ofScratch name: String) -> Int32? {
        guard name.hasPrefix(scratchPrefix) else { return nil }
        let parts = name.dropFirst(scratchPrefix.count).split(
            separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, Int(parts[1]) != nil else { return nil }
        return Int32(parts[0])
    }

    /// Removes LMDB's files in `directory` and the directory; false when it is still there.
    @discardableResult
    private static func removeScratch(_ directory: String) -> Bool {
        unlink(directory + "/data.mdb")
        unlink(directory + "/lock.mdb")
        return rmdir(directory) == 0
    }

    private func inTransaction(_ body: (OpaquePointer) throws -> Void) throws {
        guard let env else { throw HubError.storage("the raw LMDB baseline is closed") }
        var begun: OpaquePointer?
        try LMDBError.check(mdb_txn_begin(env, nil, 0, &begun))
        guard let txn = begun else { throw LMDBError.badTransaction }
        do {
            try body(txn)
        } catch {
            mdb_txn_abort(txn)
            throw error
        }
        try LMDBError.check(mdb_txn_commit(txn))
    }

    /// Room for the expected records twice over: a record costs its value, its key and about
    /// 16 bytes of node and page overhead, or whole pages when it is larger than a page.
    private static func mapSize(for pattern: RawAppendPattern) -> Int {
        let page = 4096
        let perRecord = pattern.recordSize + 8 + 16
        let stored = perRecord > page / 2 ? (perRecord + page - 1) / page * page : perRecord
        let records = max(1, pattern.expectedRecords)
        let (total, overflow) = stored.multipliedReportingOverflow(by: records)
        let wanted = overflow ? Int.max / 4 : total * 2 + 64 * 1_048_576
        return (wanted + page - 1) / page * page
    }

    private static let lastId = Atomic<Int>(0)

    private static func nextId() -> Int {
        lastId.add(1, ordering: .relaxed).newValue
    }
}
