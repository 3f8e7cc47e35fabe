import CNATS

/// A synchronous subscription: the owner pulls messages with `next` on its own thread
/// (`natsConnection_SubscribeSync`, `natsSubscription_NextMsg`).
final class SyncSubscription {
    private let handle: OpaquePointer

    init(_ connection: NATSConnection, subject: String) throws {
        var sub: OpaquePointer?
        try NATSError.check(natsConnection_SubscribeSync(&sub, connection.handle, subject))
        handle = sub!
    }

    deinit {
        natsSubscription_Unsubscribe(handle)
        natsSubscription_Destroy(handle)
    }

    /// The next message, or nil when none came within `timeoutMillis`.
    func next(timeoutMillis: Int64) throws -> IncomingMessage? {
        var message: OpaquePointer?
        let status = natsSubscription_NextMsg(&message, handle, max(1, timeoutMillis))
        if status == NATS_TIMEOUT { return nil }
        try NATSError.check(status)
        return message.map(IncomingMessage.init(taking:))
    }
}

/// A subscription whose messages run `handler` on a libnats delivery thread
/// (`natsConnection_Subscribe`). The handler gets the subject only; it must be quick.
final class CallbackSubscription: @unchecked Sendable {
    private let handle: OpaquePointer
    private let box: Unmanaged<Box>

    private final class Box {
        let handler: @Sendable (String) -> Void
        init(_ handler: @escaping @Sendable (String) -> Void) { self.handler = handler }
    }

    init(
        _ connection: NATSConnection, subject: String,
        handler: @escaping @Sendable (String) -> Void
    ) throws {
        let box = Unmanaged.passRetained(Box(handler))
        var sub: OpaquePointer?
        let status = natsConnection_Subscribe(
            &sub, connection.handle, subject,
            { _, _, message, closure in
                guard let message, let closure else { return }
                let box = Unmanaged<Box>.fromOpaque(closure).takeUnretainedValue()
                box.handler(String(cString: natsMsg_GetSubject(message)))
                natsMsg_Destroy(message)
            }, box.toOpaque())
        guard status == NATS_OK, let sub else {
            box.release()
            throw NATSError.make(status)
        }
        self.handle = sub
        self.box = box
    }

    /// Stops delivery (`natsSubscription_Unsubscribe`); the handler is not called afterwards.
    func cancel() {
        natsSubscription_Unsubscribe(handle)
    }

    deinit {
        natsSubscription_Unsubscribe(handle)
        natsSubscription_Destroy(handle)
        box.release()
    }
}
