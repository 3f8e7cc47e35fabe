import HubCore

/// A hub as `hubs` stores it: its properties and the internal id its other records are keyed
/// by.
///
/// Value layout, little-endian: id UInt32, partition count UInt32, retention Int64 (ms),
/// maximum event size Int64, created at Int64 (ms). The name is the key.
struct HubRecord: Equatable {
    static let size = 32

    /// Never reused: a hub deleted and created again gets a new id and starts empty.
    let id: UInt32
    let properties: HubProperties

    var name: String { properties.name }

    var encoded: [UInt8] {
        [UInt8](encodedSize: HubRecord.size) {
            $0.write(id)
            $0.write(UInt32(properties.partitionCount))
            $0.write(properties.retentionMillis)
            $0.write(Int64(properties.maxEventSize))
            $0.write(properties.createdAt)
        }
    }

    init(id: UInt32, properties: HubProperties) {
        self.id = id
        self.properties = properties
    }

    init(name: String, decoding value: UnsafeRawBufferPointer) throws {
        var reader = RawReader(value)
        do {
            id = try reader.readUInt32()
            let partitionCount = Int(try reader.readUInt32())
            let retention = try reader.readInt64()
            let maxEventSize = try reader.readInt64()
            let createdAt = try reader.readInt64()
            guard (1...HubSpec.maxPartitionCount).contains(partitionCount),
                  maxEventSize > 0, maxEventSize <= Int64(HubSpec.maxEventSizeLimit)
            else { throw StoreDamage("its numbers are out of range") }
            properties = HubProperties(
                name: name, partitionCount: partitionCount, retentionMillis: retention,
                maxEventSize: Int(maxEventSize), createdAt: createdAt)
        } catch let damage as StoreDamage {
            throw StoreDamage("the record of hub '\(name)' is damaged: \(damage.detail)")
        }
    }
}
