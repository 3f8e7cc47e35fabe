import CLMDB
import HubCore

/// The `meta` database: the counter that hands out hub ids.
struct MetaTable {
    let txn: Transaction
    let dbi: MDB_dbi

    /// The next unused hub id; the counter moves past it, so no id is ever given twice.
    func takeHubId() throws -> UInt32 {
        var next: UInt32 = 1
        if let stored = try txn.value(forKey: Databases.nextHubIdKey, in: dbi) {
            var reader = RawReader(stored)
            next = try reader.readUInt32()
        }
        guard next < UInt32.max else {
            throw HubError.storage(
                "this data directory has used all \(UInt32.max) hub ids; start a new one")
        }
        let following = [UInt8](encodedSize: 4) { $0.write(next + 1) }
        try txn.put(following, forKey: Databases.nextHubIdKey, in: dbi)
        return next
    }
}
