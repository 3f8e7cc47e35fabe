extension EventLog {
    /// The portable scan: reads chunks with `read` and lends each event from the copy.
    ///
    /// Engines that can lend events straight from their storage implement `scan` themselves;
    /// this one keeps every other engine working, at the cost of one copy per event.
    public func scan(
        hub: String, partition: Int, from position: EventPosition, maxCount: Int,
        _ visit: (BorrowedEvent) throws -> Bool
    ) throws -> Int {
        var visited = 0
        var start = position
        while visited < maxCount {
            let requested = min(maxCount - visited, EventScanChunk.size)
            let chunk = try read(
                hub: hub, partition: partition, from: start, maxCount: requested)
            for event in chunk {
                visited += 1
                guard try Self.lend(event, to: visit) else { return visited }
            }
            guard let last = chunk.last, chunk.count == requested else { break }
            start = .sequenceNumber(last.sequenceNumber, inclusive: false)
        }
        return visited
    }

    private static func lend(_ event: ReceivedEvent, to visit: (BorrowedEvent) throws -> Bool)
        throws -> Bool
    {
        var key = event.data.partitionKey
        var type = event.data.contentType
        return try event.data.body.withUnsafeBytes { body in
            try withOptionalUTF8(&key) { keyBytes in
                try withOptionalUTF8(&type) { typeBytes in
                    try visit(
                        BorrowedEvent(
                            metadata: event.metadata, body: body, partitionKeyBytes: keyBytes,
                            contentTypeBytes: typeBytes, properties: event.data.properties))
                }
            }
        }
    }

    private static func withOptionalUTF8<T>(
        _ text: inout String?, _ body: (UnsafeRawBufferPointer?) throws -> T
    ) rethrows -> T {
        guard var value = text else { return try body(nil) }
        defer { text = value }
        return try value.withUTF8 { try body(UnsafeRawBufferPointer($0)) }
    }
}

/// How many events the portable scan reads per call of `read`.
enum EventScanChunk {
    static let size = 1024
}
