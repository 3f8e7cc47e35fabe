import CLMDB
import Glibc

/// A failed LMDB call: its return code, which is one of LMDB's own codes or an errno value.
///
/// Compare against the named codes, the way a `switch` over errno reads:
///
///     if error == .mapFull { growTheMap() }
///
/// The text comes from `mdb_strerror`, which names LMDB's codes (`MDB_MAP_FULL: Environment
/// mapsize limit reached`) and falls back to `strerror` for errno values.
public struct LMDBError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The return code of the failed call.
    public let code: Int32

    public init(code: Int32) {
        self.code = code
    }

    // MARK: - LMDB's own codes

    /// `MDB_KEYEXIST`: the key is already in the database.
    public static let keyExists = LMDBError(code: MDB_KEYEXIST)
    /// `MDB_NOTFOUND`: no such key, or the cursor ran off the end.
    public static let notFound = LMDBError(code: MDB_NOTFOUND)
    /// `MDB_PAGE_NOTFOUND`: a page the tree points to is missing; the file is damaged.
    public static let pageNotFound = LMDBError(code: MDB_PAGE_NOTFOUND)
    /// `MDB_CORRUPTED`: a page has the wrong type; the file is damaged.
    public static let corrupted = LMDBError(code: MDB_CORRUPTED)
    /// `MDB_PANIC`: an earlier fatal error left the environment unusable.
    public static let panic = LMDBError(code: MDB_PANIC)
    /// `MDB_VERSION_MISMATCH`: the file was written by an incompatible LMDB version.
    public static let versionMismatch = LMDBError(code: MDB_VERSION_MISMATCH)
    /// `MDB_INVALID`: the file is not an LMDB file.
    public static let invalid = LMDBError(code: MDB_INVALID)
    /// `MDB_MAP_FULL`: the data no longer fits the memory map; grow it and retry.
    public static let mapFull = LMDBError(code: MDB_MAP_FULL)
    /// `MDB_DBS_FULL`: more named databases than `mdb_env_set_maxdbs` allowed.
    public static let databasesFull = LMDBError(code: MDB_DBS_FULL)
    /// `MDB_READERS_FULL`: every reader slot of the lock file is taken.
    public static let readersFull = LMDBError(code: MDB_READERS_FULL)
    /// `MDB_TXN_FULL`: the transaction has too many dirty pages.
    public static let transactionFull = LMDBError(code: MDB_TXN_FULL)
    /// `MDB_CURSOR_FULL`: the tree is too deep for a cursor.
    public static let cursorFull = LMDBError(code: MDB_CURSOR_FULL)
    /// `MDB_PAGE_FULL`: a page has no room left; an internal error.
    public static let pageFull = LMDBError(code: MDB_PAGE_FULL)
    /// `MDB_MAP_RESIZED`: another process grew the map; adopt its size and retry.
    public static let mapResized = LMDBError(code: MDB_MAP_RESIZED)
    /// `MDB_INCOMPATIBLE`: the database was opened with flags it was not created with.
    public static let incompatible = LMDBError(code: MDB_INCOMPATIBLE)
    /// `MDB_BAD_RSLOT`: a reader slot was used from the wrong thread.
    public static let badReaderSlot = LMDBError(code: MDB_BAD_RSLOT)
    /// `MDB_BAD_TXN`: the transaction must be aborted after an earlier error.
    public static let badTransaction = LMDBError(code: MDB_BAD_TXN)
    /// `MDB_BAD_VALSIZE`: a key is empty or longer than the maximum key size.
    public static let badValueSize = LMDBError(code: MDB_BAD_VALSIZE)
    /// `MDB_BAD_DBI`: the database handle was closed or changed.
    public static let badDatabase = LMDBError(code: MDB_BAD_DBI)

    // MARK: - errno values LMDB passes through

    /// `EACCES`: permission denied, or a write to an environment opened read-only.
    public static let accessDenied = LMDBError(code: EACCES)
    /// `EPERM`: the operation is not permitted, for example on an immutable file.
    public static let notPermitted = LMDBError(code: EPERM)
    /// `EROFS`: the file system is mounted read-only.
    public static let readOnlyFileSystem = LMDBError(code: EROFS)
    /// `ENOSPC`: the disk is full.
    public static let noSpace = LMDBError(code: ENOSPC)
    /// ENOTDIR: the data directory's path is a file.
    public static let notADirectory = LMDBError(code: ENOTDIR)
    /// `ENOENT`: the file or directory does not exist.
    public static let noSuchFile = LMDBError(code: ENOENT)

    /// The text of `mdb_strerror` for this code.
    public var description: String {
        guard let text = mdb_strerror(code) else { return "LMDB error \(code)" }
        return String(cString: text)
    }

    /// Whether the code says the data file is damaged or is not an LMDB file at all.
    public var meansCorruptFile: Bool {
        switch self {
        case .invalid, .corrupted, .versionMismatch, .pageNotFound: return true
        default: return false
        }
    }

    /// Whether the code says the files may be read but not written.
    public var meansReadOnly: Bool {
        switch self {
        case .accessDenied, .notPermitted, .readOnlyFileSystem: return true
        default: return false
        }
    }

    /// Throws the error for `code` unless it is `MDB_SUCCESS`.
    @inline(__always)
    static func check(_ code: Int32) throws {
        if code != MDB_SUCCESS { throw LMDBError(code: code) }
    }
}
