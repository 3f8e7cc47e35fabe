import CNATS

/// A message to publish: subject, optional reply subject, headers and body.
struct OutgoingMessage {
    var subject: String
    var reply: String?
    var headers: [(String, String)]
    var body: [UInt8]

    /// A `natsMsg` the caller must destroy (`natsMsg_Create`, `natsMsgHeader_Set`).
    func build() throws -> OpaquePointer {
        var message: OpaquePointer?
        let status = body.withUnsafeBytes { bytes in
            natsMsg_Create(
                &message, subject, reply, bytes.baseAddress?.assumingMemoryBound(to: CChar.self),
                Int32(bytes.count))
        }
        try NATSError.check(status)
        guard let message else { throw NATSError.status(code: 0, text: "no message") }
        for (key, value) in headers {
            let status = natsMsgHeader_Add(message, key, value)
            if status != NATS_OK {
                natsMsg_Destroy(message)
                throw NATSError.make(status)
            }
        }
        return message
    }
}

/// A message received from the server; owns its `natsMsg` and destroys it when released.
///
/// Its body and headers are read in place: `body` is valid as long as the message lives.
final class IncomingMessage {
    let handle: OpaquePointer

    init(taking handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        natsMsg_Destroy(handle)
    }

    var subject: String { String(cString: natsMsg_GetSubject(handle)) }

    /// The body, valid while this message lives (`natsMsg_GetData`).
    var body: UnsafeRawBufferPointer {
        let count = Int(natsMsg_GetDataLength(handle))
        guard count > 0, let data = natsMsg_GetData(handle) else {
            return UnsafeRawBufferPointer(start: nil, count: 0)
        }
        return UnsafeRawBufferPointer(start: data, count: count)
    }

    /// The first value of header `key`, or nil (`natsMsgHeader_Get`).
    func header(_ key: String) -> String? {
        var value: UnsafePointer<CChar>?
        guard natsMsgHeader_Get(handle, key, &value) == NATS_OK, let value else { return nil }
        return String(cString: value)
    }

    /// Whether this is the server's "no responders" status (`natsMsg_IsNoResponders`).
    var isNoResponders: Bool { natsMsg_IsNoResponders(handle) }

    /// The stream sequence and store time of a message a JetStream consumer delivered
    /// (`natsMsg_GetMetaData`), or of one `js_GetMsg` fetched (`natsMsg_GetSequence`).
    func streamPosition() -> (sequence: UInt64, nanos: Int64)? {
        let direct = natsMsg_GetSequence(handle)
        if direct > 0 { return (direct, natsMsg_GetTime(handle)) }
        var meta: UnsafeMutablePointer<jsMsgMetaData>?
        guard natsMsg_GetMetaData(&meta, handle) == NATS_OK, let meta else { return nil }
        defer { jsMsgMetaData_Destroy(meta) }
        return (meta.pointee.Sequence.Stream, meta.pointee.Timestamp)
    }
}
