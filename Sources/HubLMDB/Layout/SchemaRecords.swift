import HubCore

/// A schema group as `schemagroups` stores it; the name is the key.
///
/// Value layout, little-endian: format UInt8 (0 json, 1 avro), compatibility UInt8 (index in
/// `CompatibilityMode.allCases`), assert formats UInt8 (0 or 1), created at Int64 (ms).
enum SchemaGroupRecord {
    static func encode(_ group: SchemaGroup) -> [UInt8] {
        [UInt8](encodedSize: 11) {
            $0.write(UInt8(SchemaFormat.allCases.firstIndex(of: group.format)!))
            $0.write(UInt8(CompatibilityMode.allCases.firstIndex(of: group.compatibility)!))
            $0.write(group.assertFormats ? UInt8(1) : UInt8(0))
            $0.write(group.createdAt)
        }
    }

    static func decode(_ value: UnsafeRawBufferPointer, name: String) throws -> SchemaGroup {
        var reader = RawReader(value)
        let format = Int(try reader.readUInt8())
        let compatibility = Int(try reader.readUInt8())
        let assertFormats = try reader.readUInt8() == 1
        let createdAt = try reader.readInt64()
        guard format < SchemaFormat.allCases.count,
              compatibility < CompatibilityMode.allCases.count
        else { throw StoreDamage("the record of schema group '\(name)' is damaged") }
        return SchemaGroup(
            name: name, format: SchemaFormat.allCases[format],
            compatibility: CompatibilityMode.allCases[compatibility],
            assertFormats: assertFormats, createdAt: createdAt)
    }
}

/// A schema version as `schemas` stores it; group, name and version are the key.
///
/// Value layout: id (32 bytes of ASCII hex), registered at Int64 (ms), then the canonical form
/// and the definition, each a length and UTF-8 bytes.
enum SchemaVersionRecord {
    static func encode(_ version: SchemaVersion) -> [UInt8] {
        let id = Array(version.id.utf8)
        let canonical = Array(version.canonicalForm.utf8)
        let definition = Array(version.definition.utf8)
        let size = id.count + 8 + RawWriter.lengthSize(canonical.count) + canonical.count
            + RawWriter.lengthSize(definition.count) + definition.count
        return [UInt8](encodedSize: size) {
            $0.write(bytes: id)
            $0.write(version.registeredAt)
            $0.writeLength(canonical.count)
            $0.write(bytes: canonical)
            $0.writeLength(definition.count)
            $0.write(bytes: definition)
        }
    }

    static func decode(
        _ value: UnsafeRawBufferPointer, group: String, name: String, version: Int
    ) throws -> SchemaVersion {
        var reader = RawReader(value)
        let id = try reader.readString(32)
        let registeredAt = try reader.readInt64()
        let canonical = try reader.readString(try reader.readLength())
        let definition = try reader.readString(try reader.readLength())
        return SchemaVersion(
            group: group, name: name, version: version, id: id, definition: definition,
            canonicalForm: canonical, registeredAt: registeredAt)
    }
}

extension Keys {
    /// `schemas`: the group, a zero byte, the schema name, a zero byte, the version (4 bytes).
    static func schema(_ group: String, _ name: String, _ version: Int) -> [UInt8] {
        schemaPrefix(group, name) + [UInt8](encodedSize: 4) {
            $0.write(bigEndian: UInt32(version))
        }
    }

    /// The first bytes of every version key of one schema.
    static func schemaPrefix(_ group: String, _ name: String) -> [UInt8] {
        schemaGroupPrefix(group) + Array(name.utf8) + [0]
    }

    /// The first bytes of every schema key of a group.
    static func schemaGroupPrefix(_ group: String) -> [UInt8] {
        Array(group.utf8) + [0]
    }

    /// The group, name and version of a `schemas` key.
    static func decodeSchema(_ key: UnsafeRawBufferPointer) throws -> (String, String, Int) {
        let bytes = Array(key)
        guard bytes.count >= 8, let first = bytes.firstIndex(of: 0),
              bytes[bytes.count - 5] == 0, first < bytes.count - 5
        else { throw StoreDamage("a schema key of \(bytes.count) bytes is malformed") }
        let group = String(decoding: bytes[..<first], as: UTF8.self)
        let name = String(decoding: bytes[(first + 1)..<(bytes.count - 5)], as: UTF8.self)
        var version: UInt32 = 0
        for byte in bytes[(bytes.count - 4)...] { version = version << 8 | UInt32(byte) }
        return (group, name, Int(version))
    }
}
