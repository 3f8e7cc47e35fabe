import HubCore

/// Turns what the engine throws into the `HubError` a user sees.
///
/// - `EACCES`, `EPERM`, `EROFS` → `readOnly`: the directory or its files cannot be written.
/// - a data directory that cannot be created → `storage` saying so, with the failing folder.
/// - `MDB_INVALID`, `MDB_CORRUPTED`, `MDB_VERSION_MISMATCH`, `MDB_PAGE_NOTFOUND` and
///   undecodable records → `corrupt`.
/// - anything else → `storage`, one line naming what failed, where, and what to do about it.
enum ErrorMapping {
    static func hubError(for error: any Error, directory: String, action: String) -> HubError {
        switch error {
        case let error as HubError:
            return error
        case let damage as StoreDamage:
            return .corrupt(path: directory, detail: damage.detail)
        case let failure as DataDirectoryCreationFailure:
            return .storage(
                "cannot create data directory '\(directory)':"
                    + " \(failure.reason(creating: directory)); create it yourself or give"
                    + " another with --data DIR")
        case let error as LMDBError:
            return hubError(for: error, directory: directory, action: action)
        default:
            return .storage("could not \(action) in '\(directory)': \(error)")
        }
    }

    private static func hubError(for error: LMDBError, directory: String, action: String)
        -> HubError
    {
        if error.meansReadOnly { return .readOnly(path: directory) }
        if error.meansCorruptFile { return .corrupt(path: directory, detail: error.description) }
        let failed = "could not \(action) in '\(directory)'"
        switch error {
        case .noSuchFile:
            return .storage("\(failed): the directory does not exist")
        case .notADirectory:
            return .storage(
                "\(failed): it is a file, not a directory; give a directory with --data DIR")
        case .noSpace:
            return .storage("\(failed): the disk is full; free some space or purge old events")
        case .mapFull:
            return .storage("\(failed): the data file cannot grow any further (\(error))")
        case .panic:
            return .storage(
                "\(failed): an earlier failure left the store unusable (\(error)); restart hubsh")
        case .databasesFull:
            return .storage(
                "\(failed): one transaction needs more than"
                    + " \(Environment.partitionHandleCapacity) partition databases open at once"
                    + " (\(error)); use fewer partitions per hub or fewer hubs per publish")
        case .readersFull:
            return .storage(
                "\(failed): every reader slot is taken (\(error)); close other hubsh processes")
        default:
            return .storage("\(failed): \(error)")
        }
    }
}
