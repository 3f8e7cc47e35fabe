/// Decodes Avro binary into an `AvroDatum`, trusting nothing in the input: every length and
/// count is checked against the bytes left, varints against their width, enum indexes and union
/// branches against the schema, strings against UTF-8, and nesting against a depth limit. A
/// corrupt or foreign event therefore fails with a message instead of hanging, exhausting memory
/// or crashing.
struct AvroBinaryReader {
    static let maxDepth = 512
    /// The most items a block of zero-byte items (such as nulls) may claim.
    static let maxEmptyItems = 1 << 20

    let definitions: [String: AvroType]
    private let bytes: [UInt8]
    private var offset = 0

    init(bytes: [UInt8], definitions: [String: AvroType]) {
        self.bytes = bytes
        self.definitions = definitions
    }

    /// Reads one value of `type` that must span all the bytes.
    mutating func readAll(as type: AvroType) throws -> AvroDatum {
        let datum = try read(type, at: AvroPath(), depth: 0)
        guard offset == bytes.count else {
            throw AvroDatumError(
                path: "/",
                message: "\(bytes.count - offset) bytes left after the value (byte \(offset));"
                    + " the data was written with another schema")
        }
        return datum
    }

    private mutating func read(_ type: AvroType, at path: AvroPath, depth: Int) throws -> AvroDatum
    {
        guard depth < Self.maxDepth else { throw failure(path, "values nest too deeply") }
        switch type {
        case .null: return .null
        case .boolean:
            guard let byte = try take(1, path).first else { return .boolean(false) }
            guard byte <= 1 else { throw failure(path, "boolean byte is \(byte), not 0 or 1") }
            return .boolean(byte == 1)
        case .int:
            let value = try varint(path, maxBytes: 5)
            guard let narrowed = Int32(exactly: value) else {
                throw failure(path, "int value \(value) is out of range")
            }
            return .int(narrowed)
        case .long: return .long(try varint(path, maxBytes: 10))
        case .float:
            let raw = try littleEndian(4, path)
            return .float(Float(bitPattern: UInt32(truncatingIfNeeded: raw)))
        case .double: return .double(Double(bitPattern: try littleEndian(8, path)))
        case .bytes: return .bytes(try lengthPrefixed(path))
        case .string:
            let raw = try lengthPrefixed(path)
            guard let text = String(validating: raw, as: UTF8.self) else {
                throw failure(path, "string is not valid UTF-8")
            }
            return .string(text)
        case .record(let record):
            var values: [AvroDatum] = []
            values.reserveCapacity(record.fields.count)
            for field in record.fields {
                values.append(
                    try read(field.type, at: path.appending(field.name), depth: depth + 1))
            }
            return .record(values)
        case .enumeration(let enumeration):
            let index = try varint(path, maxBytes: 10)
            guard index >= 0, index < enumeration.symbols.count else {
                throw failure(
                    path,
                    "enum index \(index) is outside \(enumeration.name)'s"
                        + " \(enumeration.symbols.count) symbols")
            }
            return .enumSymbol(Int(index))
        case .array(let items):
            var values: [AvroDatum] = []
            while case let count = try blockCount(of: items, read: values.count, path), count > 0 {
                for _ in 0..<count {
                    let itemPath = path.appending(values.count)
                    values.append(try read(items, at: itemPath, depth: depth + 1))
                }
            }
            return .array(values)
        case .map(let valueType):
            var entries: [(key: String, value: AvroDatum)] = []
            while case let count = try blockCount(
                of: valueType, read: entries.count, path, keyed: true), count > 0
            {
                for _ in 0..<count {
                    let keyBytes = try lengthPrefixed(path)
                    guard let key = String(validating: keyBytes, as: UTF8.self) else {
                        throw failure(path, "map key is not valid UTF-8")
                    }
                    let value = try read(valueType, at: path.appending(key), depth: depth + 1)
                    entries.append((key, value))
                }
            }
            return .map(entries)
        case .union(let branches):
            let index = try varint(path, maxBytes: 10)
            guard index >= 0, index < branches.count else {
                throw failure(
                    path,
                    "union branch \(index) does not exist (\(branches.count)"
                        + " branches)")
            }
            return .union(Int(index), try read(branches[Int(index)], at: path, depth: depth + 1))
        case .fixed(let fixed):
            return .fixed(Array(try take(fixed.size, path)))
        case .reference(let name):
            guard let definition = definitions[name.fullName] else {
                throw failure(path, "schema has no type named \(name)")
            }
            return try read(definition, at: path, depth: depth + 1)
        case .logical(_, let base):
            return try read(base, at: path, depth: depth)
        }
    }

    /// The item count of the next block of an array or map (0 at the end), checked against the
    /// bytes left; `read` items came before it.
    private mutating func blockCount(
        of itemType: AvroType, read: Int, _ path: AvroPath, keyed: Bool = false
    ) throws -> Int {
        var count = try varint(path, maxBytes: 10)
        if count == 0 { return 0 }
        if count < 0 {
            guard count != Int64.min else { throw failure(path, "invalid block count") }
            count = -count
            let size = try varint(path, maxBytes: 10)
            guard size >= 0 else { throw failure(path, "negative block size \(size)") }
        }
        let itemBytes = minimumSize(itemType, depth: 0) + (keyed ? 1 : 0)
        let limit =
            itemBytes == 0
            ? Self.maxEmptyItems - read : (bytes.count - offset) / itemBytes
        guard count <= limit else {
            throw failure(
                path,
                "block claims \(count) items; the \(bytes.count - offset)"
                    + " bytes left cannot hold them")
        }
        return Int(count)
    }

    /// The fewest bytes a value of `type` can take, so that a block count can be bounded.
    private func minimumSize(_ type: AvroType, depth: Int) -> Int {
        guard depth < 32 else { return 0 }
        switch type {
        case .null: return 0
        case .float: return 4
        case .double: return 8
        case .fixed(let fixed): return fixed.size
        case .record(let record):
            return record.fields.reduce(0) { $0 + minimumSize($1.type, depth: depth + 1) }
        case .reference(let name):
            guard let definition = definitions[name.fullName] else { return 0 }
            return minimumSize(definition, depth: depth + 1)
        case .logical(_, let base): return minimumSize(base, depth: depth)
        default: return 1
        }
    }

    // MARK: - Primitives

    private mutating func take(_ count: Int, _ path: AvroPath) throws -> ArraySlice<UInt8> {
        guard count <= bytes.count - offset else {
            throw failure(path, "needs \(count) bytes; only \(bytes.count - offset) left")
        }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    private mutating func lengthPrefixed(_ path: AvroPath) throws -> [UInt8] {
        let length = try varint(path, maxBytes: 10)
        guard length >= 0 else { throw failure(path, "negative length \(length)") }
        guard length <= bytes.count - offset else {
            throw failure(path, "length \(length) exceeds the \(bytes.count - offset) bytes left")
        }
        return Array(try take(Int(length), path))
    }

    private mutating func littleEndian(_ count: Int, _ path: AvroPath) throws -> UInt64 {
        var value: UInt64 = 0
        for (shift, byte) in try take(count, path).enumerated() {
            value |= UInt64(byte) << (8 * UInt64(shift))
        }
        return value
    }

    /// A zigzag varint of at most `maxBytes` bytes.
    private mutating func varint(_ path: AvroPath, maxBytes: Int) throws -> Int64 {
        let start = offset
        var raw: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count else {
                throw failure(path, "number at byte \(start) is cut off")
            }
            let byte = bytes[offset]
            offset += 1
            guard offset - start <= maxBytes, shift < 64 else {
                throw failure(path, "number at byte \(start) is longer than \(maxBytes) bytes")
            }
            raw |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { break }
            shift += 7
        }
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    private func failure(_ path: AvroPath, _ message: String) -> AvroDatumError {
        AvroDatumError(path, message + " (at byte \(offset))")
    }
}
