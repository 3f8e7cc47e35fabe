import Foundation

/// What the embedded log will find in a data directory, looked at before it opens it.
///
/// Opening a directory that holds no store starts a new, empty namespace there, and a
/// directory that does not exist is created for it. A person who mistyped the path would not
/// notice, so the shell says when a namespace is new. Only the last folder of a path a person
/// gave is created, as `sqlite3` creates a missing database file but no missing folders: a
/// path whose parent is missing is more likely a typo than a plan (`/tmp/typo/deep`), and is
/// refused. The directory hubsh picks itself (`~/.local/share/hubsh`) is made with its parents.
struct DataDirectoryCheck {
    /// The directory did not exist: opening creates it.
    let isMissing: Bool
    /// No store in it yet: opening starts a new, empty namespace.
    let isNew: Bool

    /// Looks at `directory` (absolute); throws `MissingParent` when it is missing, its parent
    /// is missing too and `makesParents` is false.
    static func inspect(_ directory: String, makesParents: Bool) throws -> DataDirectoryCheck {
        let files = FileManager.default
        guard files.fileExists(atPath: directory) else {
            let parent = (directory as NSString).deletingLastPathComponent
            if !makesParents && !files.fileExists(atPath: parent) {
                throw MissingParent(directory: directory, parent: parent)
            }
            return DataDirectoryCheck(isMissing: true, isNew: true)
        }
        let store = (directory as NSString).appendingPathComponent("data.mdb")
        return DataDirectoryCheck(isMissing: false, isNew: !files.fileExists(atPath: store))
    }

    /// A data directory whose parent folder does not exist either.
    struct MissingParent: Error, CustomStringConvertible {
        let directory: String
        let parent: String

        var description: String {
            "cannot create data directory '\(directory)': '\(parent)' does not exist (check the"
                + " path, or create '\(parent)' first to start a namespace there)"
        }
    }
}
