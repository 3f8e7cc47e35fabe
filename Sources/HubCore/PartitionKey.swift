/// Maps a partition key to a partition exactly as Azure Event Hubs does.
///
/// The key's UTF-8 bytes go through Bob Jenkins' lookup3 `hashlittle2` with both seeds 0; the
/// hash is the low 16 bits of `c ^ b` read as a signed 16-bit number, and the partition is the
/// absolute value of the truncating remainder by the partition count. Swift's `Hasher` is seeded
/// per process and would scatter one key across partitions from run to run, so it is never used.
///
///     PartitionKey.hash("7")                          // -15263
///     PartitionKey.partition(for: "7", partitionCount: 4)  // 3
public enum PartitionKey {
    public static func hash(_ key: String) -> Int16 {
        let (c, b) = hashlittle2(Array(key.utf8))
        return Int16(truncatingIfNeeded: c ^ b)
    }

    public static func partition(for key: String, partitionCount: Int) -> Int {
        abs(Int(hash(key)) % partitionCount)
    }

    /// lookup3's `hashlittle2` over bytes, with both seeds 0; returns `(c, b)`.
    static func hashlittle2(_ key: [UInt8]) -> (UInt32, UInt32) {
        var a: UInt32 = 0xdead_beef &+ UInt32(truncatingIfNeeded: key.count)
        var b = a
        var c = a
        var length = key.count
        var index = 0

        func word(_ at: Int, _ count: Int) -> UInt32 {
            var value: UInt32 = 0
            for byte in 0..<count {
                value |= UInt32(key[at + byte]) << (8 * UInt32(byte))
            }
            return value
        }

        while length > 12 {
            a &+= word(index, 4)
            b &+= word(index + 4, 4)
            c &+= word(index + 8, 4)
            mix(&a, &b, &c)
            length -= 12
            index += 12
        }
        if length == 0 { return (c, b) }

        // The last block: up to 12 bytes, added little-endian into a, b and c.
        a &+= word(index, min(length, 4))
        if length > 4 { b &+= word(index + 4, min(length - 4, 4)) }
        if length > 8 { c &+= word(index + 8, length - 8) }
        final(&a, &b, &c)
        return (c, b)
    }

    @inline(__always)
    static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value << count) | (value >> (32 - count))
    }

    static func mix(_ a: inout UInt32, _ b: inout UInt32, _ c: inout UInt32) {
        a &-= c; a ^= rotate(c, 4); c &+= b
        b &-= a; b ^= rotate(a, 6); a &+= c
        c &-= b; c ^= rotate(b, 8); b &+= a
        a &-= c; a ^= rotate(c, 16); c &+= b
        b &-= a; b ^= rotate(a, 19); a &+= c
        c &-= b; c ^= rotate(b, 4); b &+= a
    }

    static func final(_ a: inout UInt32, _ b: inout UInt32, _ c: inout UInt32) {
        c ^= b; c &-= rotate(b, 14)
        a ^= c; a &-= rotate(c, 11)
        b ^= a; b &-= rotate(a, 25)
        c ^= b; c &-= rotate(b, 16)
        a ^= c; a &-= rotate(c, 4)
        b ^= a; b &-= rotate(a, 14)
        c ^= b; c &-= rotate(b, 24)
    }
}
