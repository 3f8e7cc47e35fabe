/// The 64-bit Rabin fingerprint of the Avro specification (CRC-64-AVRO), computed over the UTF-8
/// bytes of a schema's Parsing Canonical Form.
///
/// `AvroFingerprint.of(Array("\"int\"".utf8))` is `8247732601305521295`.
enum AvroFingerprint {
    /// The fingerprint of the empty input; also the polynomial the table is built from.
    static let empty: UInt64 = 0xC15D_213A_A4D7_A795

    private static let table: [UInt64] = (0..<256).map { index in
        var value = UInt64(index)
        for _ in 0..<8 {
            value = (value >> 1) ^ (empty & (0 &- (value & 1)))
        }
        return value
    }

    static func of(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var value = empty
        for byte in bytes {
            value = (value >> 8) ^ table[Int((value ^ UInt64(byte)) & 0xFF)]
        }
        return value
    }
}
