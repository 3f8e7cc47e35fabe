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

/// The 8-byte key of one event in its partition's database: its sequence number, big-endian,
/// so that LMDB's byte-wise order is sequence order and each new event sorts after every key
/// already stored, which lets LMDB append it (`MDB_APPEND`) instead of searching for its place.
///
/// The bytes live inline, not in an array, and one key is reused for a whole batch, so
/// appending allocates and retains nothing per event.
struct EventKey {
    static let size = 8

    private(set) var sequenceNumber: Int64
    private var storage: UInt64

    init(sequenceNumber: Int64) {
        self.sequenceNumber = sequenceNumber
        storage = UInt64(bitPattern: sequenceNumber).bigEndian
    }

    /// Makes this the key of event `sequenceNumber`.
    mutating func set(sequenceNumber: Int64) {
        self.sequenceNumber = sequenceNumber
        storage = UInt64(bitPattern: sequenceNumber).bigEndian
    }

    /// Runs `body` with the key's 8 bytes.
    func withUnsafeBytes<T>(_ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        var copy = storage
        return try Swift.withUnsafeBytes(of: &copy, body)
    }

    /// The key's bytes as an array.
    var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// The sequence number in an event key read from the database.
    static func sequenceNumber(of key: UnsafeRawBufferPointer) throws -> Int64 {
        guard key.count == size else {
            throw StoreDamage("an event key of \(key.count) bytes is malformed")
        }
        let bits = key.loadUnaligned(as: UInt64.self)
        return Int64(bitPattern: UInt64(bigEndian: bits))
    }
}
