import HubCore

/// A checkpoint as `checkpoints` stores it; the hub, group and partition are in the key.
///
/// Value layout, little-endian: sequence number Int64, offset Int64, updated at Int64 (ms),
/// then the owner's UTF-8 bytes to the end.
enum CheckpointRecord {
    static func encode(_ checkpoint: Checkpoint) -> [UInt8] {
        [UInt8](encodedSize: 24 + checkpoint.owner.utf8.count) {
            $0.write(checkpoint.sequenceNumber)
            $0.write(checkpoint.offset)
            $0.write(checkpoint.updatedAt)
            $0.write(utf8: checkpoint.owner)
        }
    }

    static func decode(
        _ value: UnsafeRawBufferPointer, hub: String, group: String, partition: Int
    ) throws -> Checkpoint {
        var reader = RawReader(value)
        let sequenceNumber = try reader.readInt64()
        let offset = try reader.readInt64()
        let updatedAt = try reader.readInt64()
        let owner = String(decoding: reader.readRest(), as: UTF8.self)
        return Checkpoint(
            hub: hub, group: group, partition: partition, sequenceNumber: sequenceNumber,
            offset: offset, updatedAt: updatedAt, owner: owner)
    }
}
