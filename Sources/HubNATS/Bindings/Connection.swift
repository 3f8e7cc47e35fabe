import Glibc
import CNATS

/// One connection to a NATS cluster, shared by every thread of a log.
///
/// A thin owner of `natsConnection`: libnats makes every call on it thread-safe, reconnects
/// on its own to any server of the list (and to servers the cluster announces), and keeps
/// what is published while reconnecting in a buffer. Requests that are out while the
/// connection is down wait for it until their own timeout.
public final class NATSConnection: @unchecked Sendable {
    let handle: OpaquePointer
    /// The server URLs as given, such as `nats://127.0.0.1:4222`.
    public let servers: [String]

    /// How long a connection attempt to one server may take.
    public static let connectTimeoutMillis: Int64 = 2000
    /// Reconnect attempts after a connection is lost (-1: without end, so that a shell left
    /// open through an outage works again once the cluster is back), and the pause between
    /// them. Requests made meanwhile fail on their own timeouts.
    static let maxReconnects: Int32 = -1
    public static let reconnectWaitMillis: Int64 = 250

    private init(handle: OpaquePointer, servers: [String]) {
        self.handle = handle
        self.servers = servers
    }

    deinit {
        natsConnection_Destroy(handle)
    }

    /// Connects to the first of `servers` that answers (`natsConnection_Connect`).
    public static func connect(
        servers: [String], name: String = "hubsh",
        reconnectWaitMillis: Int64 = NATSConnection.reconnectWaitMillis
    ) throws -> NATSConnection {
        var options: OpaquePointer?
        try NATSError.check(natsOptions_Create(&options))
        defer { natsOptions_Destroy(options) }
        try withCStrings(servers) { urls in
            try NATSError.check(natsOptions_SetServers(options, urls, Int32(servers.count)))
        }
        try NATSError.check(natsOptions_SetName(options, name))
        try NATSError.check(natsOptions_SetTimeout(options, connectTimeoutMillis))
        try NATSError.check(natsOptions_SetMaxReconnect(options, maxReconnects))
        try NATSError.check(natsOptions_SetReconnectWait(options, reconnectWaitMillis))
        try NATSError.check(natsOptions_SetNoRandomize(options, true))
        // Without a handler libnats prints asynchronous errors (a slow subscriber) to
        // stderr, which would land in the middle of command output.
        try NATSError.check(natsOptions_SetErrorHandler(options, { _, _, _, _ in }, nil))

        var connection: OpaquePointer?
        try NATSError.check(natsConnection_Connect(&connection, options))
        guard let connection else { throw NATSError.noServer("no connection was made") }
        return NATSConnection(handle: connection, servers: servers)
    }

    /// The largest message, headers included, the server accepts (`max_payload`).
    public var maxPayload: Int {
        Int(natsConnection_GetMaxPayload(handle))
    }

    /// The URL of the server this connection is on now, if connected.
    public var connectedURL: String? {
        var buffer = [CChar](repeating: 0, count: 256)
        guard natsConnection_GetConnectedUrl(handle, &buffer, buffer.count) == NATS_OK else {
            return nil
        }
        // The URL ends at the first NUL; the buffer is zeroed past it.
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        let text = String(decoding: bytes, as: UTF8.self)
        return text.isEmpty ? nil : text
    }

    /// Closes the connection (`natsConnection_Close`); later calls fail. Closing twice is
    /// harmless.
    public func close() {
        natsConnection_Close(handle)
    }

    /// Sends what is buffered and waits for the server to have read it
    /// (`natsConnection_FlushTimeout`).
    func flush(timeoutMillis: Int64) throws {
        try NATSError.check(natsConnection_FlushTimeout(handle, timeoutMillis))
    }

    /// Publishes `message` without waiting (`natsConnection_PublishMsg`).
    func publish(_ message: OutgoingMessage) throws {
        let built = try message.build()
        defer { natsMsg_Destroy(built) }
        try NATSError.check(natsConnection_PublishMsg(handle, built))
    }

    /// A new inbox subject, unique to this process (`natsInbox_Create`).
    static func newInbox() -> String {
        var inbox: UnsafeMutablePointer<CChar>?
        guard natsInbox_Create(&inbox) == NATS_OK, let inbox else {
            return "_INBOX.hubsh\(UInt64.random(in: 0...UInt64.max))"
        }
        defer { natsInbox_Destroy(inbox) }
        return String(cString: inbox)
    }
}

/// Runs `body` with `strings` as an array of C strings that lives as long as the call.
func withCStrings<T>(
    _ strings: [String], _ body: (UnsafeMutablePointer<UnsafePointer<CChar>?>) throws -> T
) rethrows -> T {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    var pointers: [UnsafePointer<CChar>?] = copies.map { $0.map { UnsafePointer($0) } }
    return try pointers.withUnsafeMutableBufferPointer { try body($0.baseAddress!) }
}
