import HubCore

/// A partition's state as `partitions` stores it.
///
/// Value layout, little-endian Int64s: first sequence number, next sequence number, next
/// offset, retained bytes, last enqueued time (`Int64.min` before the first event).
enum PartitionRecord {
    static let size = 40
    private static let noTime = Int64.min

    static func encode(_ state: PartitionState) -> [UInt8] {
        [UInt8](encodedSize: size) {
            $0.write(state.firstSequenceNumber)
            $0.write(state.nextSequenceNumber)
            $0.write(state.nextOffset)
            $0.write(state.bytes)
            $0.write(state.lastEnqueuedTime ?? noTime)
        }
    }

    static func decode(_ value: UnsafeRawBufferPointer, partition: Int) throws -> PartitionState {
        var reader = RawReader(value)
        let first = try reader.readInt64()
        let next = try reader.readInt64()
        let nextOffset = try reader.readInt64()
        let bytes = try reader.readInt64()
        let time = try reader.readInt64()
        guard first >= 0, first <= next, nextOffset >= 0, bytes >= 0 else {
            throw StoreDamage("the state of partition \(partition) is inconsistent")
        }
        return PartitionState(
            partition: partition, firstSequenceNumber: first, nextSequenceNumber: next,
            nextOffset: nextOffset, bytes: bytes, lastEnqueuedTime: time == noTime ? nil : time)
    }
}
