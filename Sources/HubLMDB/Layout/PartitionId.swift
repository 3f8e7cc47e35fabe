/// One partition of one hub, by the hub's internal id: what names a partition's database.
///
/// The database of hub 7's partition 3 is called `events.7.3` (decimal numbers). Hub ids are
/// never reused, so a deleted hub's database name never comes back for another hub.
struct PartitionId: Hashable, Sendable, CustomStringConvertible {
    static let namePrefix = "events."

    let hubId: UInt32
    let partition: Int

    /// The name of the partition's events database.
    var databaseName: String {
        PartitionId.namePrefix + String(hubId) + "." + String(partition)
    }

    var description: String { databaseName }

    init(hubId: UInt32, partition: Int) {
        self.hubId = hubId
        self.partition = partition
    }

    /// The partition whose database is called `name`, or nil when `name` names none.
    init?(databaseName name: String) {
        guard name.hasPrefix(PartitionId.namePrefix) else { return nil }
        let parts = name.dropFirst(PartitionId.namePrefix.count).split(
            separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let hubId = UInt32(parts[0]), let partition = UInt16(parts[1]),
              String(hubId) == parts[0], String(partition) == parts[1]
        else { return nil }
        self.init(hubId: hubId, partition: Int(partition))
    }
}
