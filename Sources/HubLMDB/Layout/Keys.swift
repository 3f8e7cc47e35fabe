/// The keys of the named databases, built so that LMDB's byte-wise order is the order hubsh
/// lists things in: numbers big-endian, names as UTF-8.
///
/// A hub is keyed by its internal id (4 bytes), never by its name, so that the records of a
/// deleted hub can never be mistaken for those of a new hub with the same name.
enum Keys {
    /// LMDB's default limit on key size (`mdb_env_get_maxkeysize`); longer names cannot exist.
    static let maxKeySize = 511

    /// `hubs`: the hub's name.
    static func hub(_ name: String) -> [UInt8] {
        Array(name.utf8)
    }

    /// The first 4 bytes of every key that belongs to hub `hubId`.
    static func hubPrefix(_ hubId: UInt32) -> [UInt8] {
        [UInt8](encodedSize: 4) { $0.write(bigEndian: hubId) }
    }

    /// `groups`: hub id, then the group's name.
    static func group(_ hubId: UInt32, _ name: String) -> [UInt8] {
        hubPrefix(hubId) + Array(name.utf8)
    }

    /// `partitions`: hub id, then the partition (2 bytes).
    static func partition(_ hubId: UInt32, _ partition: Int) -> [UInt8] {
        [UInt8](encodedSize: 6) {
            $0.write(bigEndian: hubId)
            $0.write(bigEndian: UInt16(partition))
        }
    }

    /// `checkpoints`: hub id, the group's name, a zero byte, then the partition (2 bytes).
    ///
    /// The zero byte ends the name, which cannot contain one, so a group's checkpoints sort
    /// together and before those of any longer name that starts with the same letters.
    static func checkpoint(_ hubId: UInt32, _ group: String, _ partition: Int) -> [UInt8] {
        checkpointPrefix(hubId, group) + [UInt8](encodedSize: 2) {
            $0.write(bigEndian: UInt16(partition))
        }
    }

    /// The first bytes of every checkpoint key of `group`.
    static func checkpointPrefix(_ hubId: UInt32, _ group: String) -> [UInt8] {
        hubPrefix(hubId) + Array(group.utf8) + [0]
    }

    /// The group name and partition of a checkpoint key.
    static func decodeCheckpoint(_ key: UnsafeRawBufferPointer) throws -> (String, Int) {
        guard key.count >= 7, key[key.count - 3] == 0 else {
            throw StoreDamage("a checkpoint key of \(key.count) bytes is malformed")
        }
        let name = String(decoding: UnsafeRawBufferPointer(rebasing: key[4..<key.count - 3]),
                          as: UTF8.self)
        var reader = RawReader(UnsafeRawBufferPointer(rebasing: key[(key.count - 2)...]))
        return (name, Int(try reader.readBigEndianUInt16()))
    }

    /// Whether `key` starts with `prefix`.
    static func hasPrefix(_ key: UnsafeRawBufferPointer, _ prefix: [UInt8]) -> Bool {
        guard key.count >= prefix.count else { return false }
        for index in prefix.indices where key[index] != prefix[index] { return false }
        return true
    }

    /// Whether `name` can be a key at all; a longer or empty name names nothing stored.
    static func fits(_ name: String) -> Bool {
        let count = name.utf8.count
        return count > 0 && count <= maxKeySize - 7
    }
}

/// The 14-byte key of one event in `events`: hub id (4 bytes), partition (2 bytes) and sequence
/// number (8 bytes), all big-endian, so that a partition's events are contiguous and in order.
///
/// The bytes live inline, not in an array, and one key is reused for a whole batch, so
/// appending allocates and retains nothing per event.
struct EventKey {
    static let size = 14

    let hubId: UInt32
    let partition: UInt16
    private(set) var sequenceNumber: Int64
    /// The 14 bytes of the key, followed by 2 unused ones.
    private var storage: (UInt64, UInt64) = (0, 0)

    init(hubId: UInt32, partition: Int, sequenceNumber: Int64) {
        self.hubId = hubId
        self.partition = UInt16(partition)
        self.sequenceNumber = sequenceNumber
        withUnsafeMutableBytes(of: &storage) { bytes in
            bytes.storeBytes(of: hubId.bigEndian, toByteOffset: 0, as: UInt32.self)
            bytes.storeBytes(of: UInt16(partition).bigEndian, toByteOffset: 4, as: UInt16.self)
            bytes.storeBytes(
                of: UInt64(sequenceNumber).bigEndian, toByteOffset: 6, as: UInt64.self)
        }
    }

    /// Makes this the key of the same partition's event `sequenceNumber`.
    mutating func set(sequenceNumber: Int64) {
        self.sequenceNumber = sequenceNumber
        let value = UInt64(sequenceNumber).bigEndian
        withUnsafeMutableBytes(of: &storage) {
            $0.storeBytes(of: value, toByteOffset: 6, as: UInt64.self)
        }
    }

    /// Runs `body` with the key's 14 bytes.
    func withUnsafeBytes<T>(_ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        var copy = storage
        return try Swift.withUnsafeBytes(of: &copy) {
            try body(UnsafeRawBufferPointer(rebasing: $0[0..<EventKey.size]))
        }
    }

    /// The key's bytes as an array.
    var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// The first 6 bytes: every event of the partition starts with them.
    var partitionPrefix: [UInt8] { Array(bytes[0..<6]) }

    /// Whether `key`, read from the database, is an event key of this key's partition.
    func isSamePartition(as key: UnsafeRawBufferPointer) -> Bool {
        guard key.count == EventKey.size else { return false }
        let hub = UInt32(bigEndian: key.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
        let partition = UInt16(bigEndian: key.loadUnaligned(fromByteOffset: 4, as: UInt16.self))
        return hub == hubId && partition == self.partition
    }

    /// The sequence number in an event key read from the database.
    static func sequenceNumber(of key: UnsafeRawBufferPointer) throws -> Int64 {
        guard key.count == size else {
            throw StoreDamage("an event key of \(key.count) bytes is malformed")
        }
        let bits = key.loadUnaligned(fromByteOffset: 6, as: UInt64.self)
        return Int64(bitPattern: UInt64(bigEndian: bits))
    }
}
