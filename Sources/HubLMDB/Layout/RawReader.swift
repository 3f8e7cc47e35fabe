/// Reads what `RawWriter` wrote, checking every length against the bytes that are there.
///
/// A record that ends early or claims more bytes than it has throws `StoreDamage`, never traps:
/// the bytes come from a file, and a damaged file is a user's problem, not a bug.
struct RawReader {
    private let buffer: UnsafeRawBufferPointer
    private(set) var position = 0

    init(_ buffer: UnsafeRawBufferPointer) {
        self.buffer = buffer
    }

    var remaining: Int { buffer.count - position }

    mutating func readUInt8() throws -> UInt8 {
        try require(1)
        defer { position += 1 }
        return buffer[position]
    }

    mutating func readInt64() throws -> Int64 {
        Int64(littleEndian: try readFixed())
    }

    mutating func readUInt32() throws -> UInt32 {
        UInt32(littleEndian: try readFixed())
    }

    mutating func readBigEndianUInt64() throws -> UInt64 {
        UInt64(bigEndian: try readFixed())
    }

    mutating func readBigEndianUInt32() throws -> UInt32 {
        UInt32(bigEndian: try readFixed())
    }

    mutating func readBigEndianUInt16() throws -> UInt16 {
        UInt16(bigEndian: try readFixed())
    }

    /// A length written by `RawWriter.writeLength`; at most the bytes that remain.
    mutating func readLength() throws -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readUInt8()
            guard shift < 63 else { throw StoreDamage("a length field is too long") }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        guard value <= UInt64(remaining) else {
            throw StoreDamage("a length of \(value) bytes runs past the record's end")
        }
        return Int(value)
    }

    /// The next `count` bytes, pointing into the record.
    mutating func readBytes(_ count: Int) throws -> UnsafeRawBufferPointer {
        try require(count)
        defer { position += count }
        return UnsafeRawBufferPointer(rebasing: buffer[position..<position + count])
    }

    /// The next `count` bytes as UTF-8 text.
    mutating func readString(_ count: Int) throws -> String {
        String(decoding: try readBytes(count), as: UTF8.self)
    }

    /// Every byte not read yet.
    mutating func readRest() -> UnsafeRawBufferPointer {
        defer { position = buffer.count }
        return UnsafeRawBufferPointer(rebasing: buffer[position...])
    }

    private mutating func readFixed<T: FixedWidthInteger>() throws -> T {
        let size = MemoryLayout<T>.size
        try require(size)
        defer { position += size }
        return buffer.loadUnaligned(fromByteOffset: position, as: T.self)
    }

    private func require(_ count: Int) throws {
        guard count <= remaining else {
            throw StoreDamage("a record of \(buffer.count) bytes ends early")
        }
    }
}
