import HubCore

/// The stored form of one event: the value `events` holds under an `EventKey`.
///
/// Little-endian, in this order:
///
///     offset          Int64   the event's byte position in its partition
///     enqueuedTime    Int64   milliseconds since the epoch
///     flags           UInt8   1: a partition key follows, 2: a content type follows
///     partitionKey    length, UTF-8
///     contentType     length, UTF-8
///     propertyCount   length
///     each property   length, UTF-8 name, type tag, value
///                     (0 string: length, UTF-8; 1 int: Int64; 2 double: IEEE bits; 3 bool: UInt8)
///     body            every remaining byte
///
/// Lengths are LEB128 (`RawWriter.writeLength`). The fixed 16-byte header lets a search by
/// offset or time read two numbers without decoding the rest.
enum EventCodec {
    static let headerSize = 16

    private static let hasPartitionKey: UInt8 = 1
    private static let hasContentType: UInt8 = 2

    private enum Tag {
        static let string: UInt8 = 0
        static let int: UInt8 = 1
        static let double: UInt8 = 2
        static let bool: UInt8 = 3
    }

    /// The number of bytes `encode` writes for `event`: its stored size, which is also how far
    /// it moves its partition's offset.
    @inline(__always)
    static func storedSize(of event: EventData) -> Int {
        var size = headerSize + 1 + event.body.count
        if let key = event.partitionKey { size += sizeWithLength(key.utf8.count) }
        if let type = event.contentType { size += sizeWithLength(type.utf8.count) }
        // No properties: their count 0 takes one byte.
        guard !event.properties.isEmpty else { return size + 1 }
        return size + propertiesSize(event.properties)
    }

    /// The number of bytes of the property count and the properties that follow it.
    private static func propertiesSize(_ properties: [(String, PropertyValue)]) -> Int {
        var size = RawWriter.lengthSize(properties.count)
        for (name, value) in properties {
            size += sizeWithLength(name.utf8.count) + 1
            switch value {
            case .string(let text): size += sizeWithLength(text.utf8.count)
            case .int, .double: size += 8
            case .bool: size += 1
            }
        }
        return size
    }

    /// Writes the event at `event` into `buffer`, which has exactly `storedSize(of:)` bytes.
    ///
    /// The event is read where it lies, one field at a time, rather than passed as a value: the
    /// writes go through a raw pointer, which Swift cannot tell apart from the event's memory,
    /// so a value would be copied first, its storage retained and released around each
    /// encoding. Inlined into the writer's loop, the call costs nothing of its own.
    @inline(__always)
    static func encode(
        _ event: UnsafePointer<EventData>, offset: Int64, enqueuedTime: Int64,
        into buffer: UnsafeMutableRawBufferPointer
    ) {
        var writer = RawWriter(buffer)
        writer.write(offset)
        writer.write(enqueuedTime)
        var flags: UInt8 = 0
        if event.pointee.partitionKey != nil { flags |= hasPartitionKey }
        if event.pointee.contentType != nil { flags |= hasContentType }
        writer.write(flags)
        if let key = event.pointee.partitionKey { writeWithLength(key, &writer) }
        if let type = event.pointee.contentType { writeWithLength(type, &writer) }

        // An event without properties, the usual case, needs only the count 0: one byte.
        if event.pointee.properties.isEmpty {
            writer.write(0 as UInt8)
        } else {
            writeProperties(event.pointee.properties, &writer)
        }

        event.pointee.body.withUnsafeBytes { writer.write(bytes: $0) }
        precondition(writer.position == buffer.count, "event encoding size mismatch")
    }

    /// Writes `event` into `buffer`, which has exactly `storedSize(of: event)` bytes: the same
    /// bytes as the pointer form, for an event that is a value rather than in a batch.
    static func encode(
        _ event: EventData, offset: Int64, enqueuedTime: Int64,
        into buffer: UnsafeMutableRawBufferPointer
    ) {
        withUnsafePointer(to: event) {
            encode($0, offset: offset, enqueuedTime: enqueuedTime, into: buffer)
        }
    }

    /// The property count and each property.
    private static func writeProperties(
        _ properties: [(String, PropertyValue)], _ writer: inout RawWriter
    ) {
        writer.writeLength(properties.count)
        for (name, value) in properties {
            writeWithLength(name, &writer)
            switch value {
            case .string(let text):
                writer.write(Tag.string)
                writeWithLength(text, &writer)
            case .int(let number):
                writer.write(Tag.int)
                writer.write(number)
            case .double(let number):
                writer.write(Tag.double)
                writer.write(Int64(bitPattern: number.bitPattern))
            case .bool(let flag):
                writer.write(Tag.bool)
                writer.write(flag ? 1 as UInt8 : 0)
            }
        }
    }

    /// The offset and enqueued time of a stored event, without decoding the rest.
    static func header(of value: UnsafeRawBufferPointer) throws
        -> (offset: Int64, enqueuedTime: Int64)
    {
        var reader = RawReader(value)
        return (try reader.readInt64(), try reader.readInt64())
    }

    /// The event stored in `value`, copied out of the memory map.
    static func decode(_ value: UnsafeRawBufferPointer, partition: Int, sequenceNumber: Int64)
        throws -> ReceivedEvent
    {
        var reader = RawReader(value)
        let offset = try reader.readInt64()
        let enqueuedTime = try reader.readInt64()
        let flags = try reader.readUInt8()
        var partitionKey: String?
        if flags & hasPartitionKey != 0 { partitionKey = try readWithLength(&reader) }
        var contentType: String?
        if flags & hasContentType != 0 { contentType = try readWithLength(&reader) }

        let properties = try readProperties(&reader)

        let body = Array(reader.readRest())
        let data = EventData(
            body: body, partitionKey: partitionKey, properties: properties,
            contentType: contentType)
        let metadata = EventMetadata(
            partition: partition, sequenceNumber: sequenceNumber, offset: offset,
            enqueuedTime: enqueuedTime)
        return ReceivedEvent(metadata: metadata, data: data)
    }

    /// The event stored in `value`, lent rather than copied: its byte fields point into
    /// `value`, and only properties, when there are any, are decoded into values.
    static func borrow(_ value: UnsafeRawBufferPointer, partition: Int, sequenceNumber: Int64)
        throws -> BorrowedEvent
    {
        var reader = RawReader(value)
        let offset = try reader.readInt64()
        let enqueuedTime = try reader.readInt64()
        let flags = try reader.readUInt8()
        var partitionKey: UnsafeRawBufferPointer?
        if flags & hasPartitionKey != 0 { partitionKey = try readBytesWithLength(&reader) }
        var contentType: UnsafeRawBufferPointer?
        if flags & hasContentType != 0 { contentType = try readBytesWithLength(&reader) }
        let properties = try readProperties(&reader)
        let metadata = EventMetadata(
            partition: partition, sequenceNumber: sequenceNumber, offset: offset,
            enqueuedTime: enqueuedTime)
        return BorrowedEvent(
            metadata: metadata, body: reader.readRest(), partitionKeyBytes: partitionKey,
            contentTypeBytes: contentType, properties: properties)
    }

    /// The property count and the properties that follow it.
    private static func readProperties(_ reader: inout RawReader) throws
        -> [(String, PropertyValue)]
    {
        let count = try reader.readLength()
        guard count > 0 else { return [] }
        var properties: [(String, PropertyValue)] = []
        properties.reserveCapacity(count)
        for _ in 0..<count {
            let name = try readWithLength(&reader)
            switch try reader.readUInt8() {
            case Tag.string: properties.append((name, .string(try readWithLength(&reader))))
            case Tag.int: properties.append((name, .int(try reader.readInt64())))
            case Tag.double:
                let bits = UInt64(bitPattern: try reader.readInt64())
                properties.append((name, .double(Double(bitPattern: bits))))
            case Tag.bool: properties.append((name, .bool(try reader.readUInt8() != 0)))
            case let tag: throw StoreDamage("property '\(name)' has unknown type \(tag)")
            }
        }
        return properties
    }

    private static func sizeWithLength(_ count: Int) -> Int {
        RawWriter.lengthSize(count) + count
    }

    private static func writeWithLength(_ text: String, _ writer: inout RawWriter) {
        writer.writeLength(text.utf8.count)
        writer.write(utf8: text)
    }

    private static func readBytesWithLength(_ reader: inout RawReader) throws
        -> UnsafeRawBufferPointer
    {
        let count = try reader.readLength()
        return try reader.readBytes(count)
    }

    private static func readWithLength(_ reader: inout RawReader) throws -> String {
        try reader.readString(try reader.readLength())
    }
}
