/// Writes numbers, lengths and bytes into raw memory from the front, without allocating.
///
/// Numbers in values are little-endian; numbers in keys are big-endian so that LMDB's byte-wise
/// key order is their numeric order. The caller sizes the buffer exactly: writing past its end
/// is a bug and traps.
struct RawWriter {
    private let buffer: UnsafeMutableRawBufferPointer
    private(set) var position = 0

    init(_ buffer: UnsafeMutableRawBufferPointer) {
        self.buffer = buffer
    }

    /// The number of bytes `writeLength` takes for `value`.
    static func lengthSize(_ value: Int) -> Int {
        var size = 1
        var rest = UInt64(value) >> 7
        while rest != 0 {
            size += 1
            rest >>= 7
        }
        return size
    }

    mutating func write(_ value: UInt8) {
        precondition(position < buffer.count, "record overflows its \(buffer.count) bytes")
        buffer[position] = value
        position += 1
    }

    mutating func write(_ value: Int64) {
        writeFixed(value.littleEndian)
    }

    mutating func write(_ value: UInt32) {
        writeFixed(value.littleEndian)
    }

    mutating func write(bigEndian value: UInt64) {
        writeFixed(value.bigEndian)
    }

    mutating func write(bigEndian value: UInt32) {
        writeFixed(value.bigEndian)
    }

    mutating func write(bigEndian value: UInt16) {
        writeFixed(value.bigEndian)
    }

    /// A non-negative length, seven bits per byte, low bits first (LEB128).
    mutating func writeLength(_ value: Int) {
        var rest = UInt64(value)
        while rest >= 0x80 {
            write(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        write(UInt8(rest))
    }

    mutating func write(bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else { return }
        precondition(
            position + bytes.count <= buffer.count, "record overflows its \(buffer.count) bytes")
        UnsafeMutableRawBufferPointer(rebasing: buffer[position..<position + bytes.count])
            .copyMemory(from: bytes)
        position += bytes.count
    }

    mutating func write(bytes: [UInt8]) {
        bytes.withUnsafeBytes { write(bytes: $0) }
    }

    /// The UTF-8 bytes of `text`, without a length.
    mutating func write(utf8 text: String) {
        var text = text
        text.withUTF8 { write(bytes: UnsafeRawBufferPointer($0)) }
    }

    private mutating func writeFixed<T: FixedWidthInteger>(_ value: T) {
        let size = MemoryLayout<T>.size
        precondition(position + size <= buffer.count, "record overflows its \(buffer.count) bytes")
        buffer.storeBytes(of: value, toByteOffset: position, as: T.self)
        position += size
    }
}

extension Array where Element == UInt8 {
    /// An array of exactly `size` bytes, filled in by `fill`.
    init(encodedSize size: Int, _ fill: (inout RawWriter) -> Void) {
        self.init(unsafeUninitializedCapacity: size) { buffer, count in
            var writer = RawWriter(UnsafeMutableRawBufferPointer(buffer))
            fill(&writer)
            precondition(writer.position == size, "record of \(size) bytes got \(writer.position)")
            count = size
        }
    }
}
