/// Event bodies that carry the time they were published, for end-to-end latency.
///
/// Layout: the 8 bytes `hubsh-e2`, the publish time in nanoseconds of `MonotonicClock`
/// (little-endian UInt64), then filler up to the body size. The monotonic clock is shared by
/// every process of the machine, so a consumer in another process can time the event too.
public enum StampedBody {
    public static let minimumSize = 16
    private static let marker = Array("hubsh-e2".utf8)

    /// A body of `size` bytes (at least `minimumSize`) stamped with `nanos`.
    public static func make(size: Int, stampedAt nanos: UInt64) -> [UInt8] {
        var body = [UInt8](repeating: 0x2E, count: max(size, minimumSize))
        body.withUnsafeMutableBytes { bytes in
            for (index, byte) in marker.enumerated() { bytes[index] = byte }
            bytes.storeBytes(of: nanos.littleEndian, toByteOffset: 8, as: UInt64.self)
        }
        return body
    }

    /// The publish time stamped into `body`; nil for a body that `make` did not build.
    public static func stamp(of body: UnsafeRawBufferPointer) -> UInt64? {
        guard body.count >= minimumSize else { return nil }
        for (index, byte) in marker.enumerated() where body[index] != byte { return nil }
        return UInt64(littleEndian: body.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
    }
}
