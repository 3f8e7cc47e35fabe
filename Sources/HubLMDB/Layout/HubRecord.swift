import HubCore

/// A hub as `hubs` stores it: its properties and the internal id its other records are keyed
/// by.
///
/// Value layout, little-endian: id UInt32, partition count UInt32, retention Int64 (ms),
/// maximum event size Int64, created at Int64 (ms). The name is the key. A hub with a schema
/// binding adds: policy UInt8 (0 reject, 1 deadletter), then the schema group and the schema
/// name, each a length and UTF-8 bytes; a record without them has no binding.
struct HubRecord: Equatable {
    static let size = 32

    /// Never reused: a hub deleted and created again gets a new id and starts empty.
    let id: UInt32
    let properties: HubProperties

    var name: String { properties.name }

    var encoded: [UInt8] {
        var size = HubRecord.size
        let group = Array(properties.schema?.group.utf8 ?? "".utf8)
        let name = Array(properties.schema?.name.utf8 ?? "".utf8)
        if properties.schema != nil {
            size += 1 + RawWriter.lengthSize(group.count) + group.count
                + RawWriter.lengthSize(name.count) + name.count
        }
        return [UInt8](encodedSize: size) {
            $0.write(id)
            $0.write(UInt32(properties.partitionCount))
            $0.write(properties.retentionMillis)
            $0.write(Int64(properties.maxEventSize))
            $0.write(properties.createdAt)
            guard let schema = properties.schema else { return }
            $0.write(schema.onInvalid == .deadletter ? UInt8(1) : UInt8(0))
            $0.writeLength(group.count)
            $0.write(bytes: group)
            $0.writeLength(name.count)
            $0.write(bytes: name)
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
            var binding: SchemaBinding? = nil
            if reader.remaining > 0 {
                let policy: InvalidEventPolicy = try reader.readUInt8() == 1 ? .deadletter : .reject
                let group = try reader.readString(try reader.readLength())
                let schema = try reader.readString(try reader.readLength())
                binding = SchemaBinding(group: group, name: schema, onInvalid: policy)
            }
            properties = HubProperties(
                name: name, partitionCount: partitionCount, retentionMillis: retention,
                maxEventSize: Int(maxEventSize), createdAt: createdAt, schema: binding)
        } catch let damage as StoreDamage {
            throw StoreDamage("the record of hub '\(name)' is damaged: \(damage.detail)")
        }
    }
}
