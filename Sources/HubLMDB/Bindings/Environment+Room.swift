import CLMDB
import Glibc

extension Environment {
    /// Bytes the environment can still grow into: what the file system of `directory` has
    /// free for this user (`statvfs(3)`: `f_bavail` × `f_frsize`) plus the pages of the data
    /// file LMDB has freed and will reuse before it grows the file (`reusableBytes`).
    func roomToGrow() throws -> Int64 {
        var info = statvfs()
        guard statvfs(directory, &info) == 0 else { throw LMDBError(code: errno) }
        let (free, overflow) = Int64(clamping: info.f_bavail).multipliedReportingOverflow(
            by: Int64(clamping: info.f_frsize))
        return overflow ? .max : free &+ (try reusableBytes())
    }

    /// Bytes of the pages listed in LMDB's free-page database (`FREE_DBI`, database 0), read
    /// with a cursor in one read transaction: each value there is a count of page numbers
    /// followed by the numbers (`MDB_IDL`); `mdb_env_stat` gives the page size.
    ///
    /// A deleted throwaway hub's pages land here, so a run as large as the last one fits
    /// again although the file system shows the space as used.
    func reusableBytes() throws -> Int64 {
        try read { txn in
            var statistics = MDB_stat()
            try LMDBError.check(mdb_env_stat(mdb_txn_env(txn.handle), &statistics))
            var pages: Int64 = 0
            try txn.withCursor(on: MDB_dbi(0)) { cursor in
                var entry = try cursor.first()
                while let found = entry {
                    if found.value.count >= MemoryLayout<Int>.size {
                        pages += Int64(found.value.loadUnaligned(as: Int.self))
                    }
                    entry = try cursor.next()
                }
            }
            return pages * Int64(statistics.ms_psize)
        }
    }
}
