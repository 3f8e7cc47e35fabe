/// A stored event lent to a scan's visitor: read it during the visit, copy what must outlive it.
///
/// Its byte fields point into storage the engine owns (for the LMDB log, the memory map of a
/// read transaction), so a scan decodes an event without allocating: the body, partition key
/// and content type are not copied, and properties are decoded only when the event has some.
///
///     try log.scan(hub: "orders", partition: 0, from: .earliest, maxCount: 1000) { event in
///         total += event.body.count
///         return true
///     }
public struct BorrowedEvent {
    public var metadata: EventMetadata
    /// The body, valid only during the visit.
    public var body: UnsafeRawBufferPointer
    /// The partition key's UTF-8 bytes, valid only during the visit; nil without a key.
    public var partitionKeyBytes: UnsafeRawBufferPointer?
    /// The content type's UTF-8 bytes, valid only during the visit; nil without one.
    public var contentTypeBytes: UnsafeRawBufferPointer?
    /// Application properties, in the order they were given; empty costs nothing.
    public var properties: [(String, PropertyValue)]

    public init(
        metadata: EventMetadata, body: UnsafeRawBufferPointer,
        partitionKeyBytes: UnsafeRawBufferPointer? = nil,
        contentTypeBytes: UnsafeRawBufferPointer? = nil,
        properties: [(String, PropertyValue)] = []
    ) {
        self.metadata = metadata
        self.body = body
        self.partitionKeyBytes = partitionKeyBytes
        self.contentTypeBytes = contentTypeBytes
        self.properties = properties
    }

    public var partition: Int { metadata.partition }
    public var sequenceNumber: Int64 { metadata.sequenceNumber }

    public var partitionKey: String? {
        partitionKeyBytes.map { String(decoding: $0, as: UTF8.self) }
    }

    public var contentType: String? {
        contentTypeBytes.map { String(decoding: $0, as: UTF8.self) }
    }

    /// The event copied out of the engine's storage, to keep after the visit.
    public func copy() -> ReceivedEvent {
        let data = EventData(
            body: Array(body), partitionKey: partitionKey, properties: properties,
            contentType: contentType)
        return ReceivedEvent(metadata: metadata, data: data)
    }
}
