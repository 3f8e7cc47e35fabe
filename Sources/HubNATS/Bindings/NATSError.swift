import CNATS

/// A failure reported by libnats or by the JetStream API, with a name for each kind hubsh
/// treats differently and the library's own text.
///
/// `retrySafe` says whether sending the same request again can do no harm: the request may not
/// have reached the server, or reached a server that was between leaders.
public enum NATSError: Error, Equatable, CustomStringConvertible, Sendable {
    /// No server of the address answered (`NATS_NO_SERVER`).
    case noServer(String)
    /// No answer in time (`NATS_TIMEOUT`).
    case timeout(String)
    /// Nobody listens on the subject: JetStream is off, or a stream has no leader right now
    /// (`NATS_NO_RESPONDERS`).
    case noResponders(String)
    /// The connection is closed, or lost while the request was out.
    case connectionClosed(String)
    /// The stream, message or key does not exist (`NATS_NOT_FOUND`).
    case notFound(String)
    /// The JetStream API refused the request with this error code (`JSStreamNotFoundErr`...).
    case jetStream(code: Int, description: String)
    /// Any other status, with `natsStatus_GetText` and the library's last error.
    case status(code: UInt32, text: String)

    public var description: String {
        switch self {
        case .noServer(let text), .timeout(let text), .noResponders(let text),
             .connectionClosed(let text), .notFound(let text):
            return text
        case .jetStream(let code, let description):
            return "\(description) (JetStream error \(code))"
        case .status(_, let text):
            return text
        }
    }

    public var retrySafe: Bool {
        switch self {
        case .timeout, .noResponders, .connectionClosed: return true
        case .jetStream(let code, _):
            return NATSError.transientCodes.contains(code)
        default: return false
        }
    }

    /// JetStream codes that mean "not now": no leader, cluster busy, stream offline.
    static let transientCodes: Set<Int> = [
        Int(JSClusterNotAvailErr.rawValue), Int(JSClusterNotLeaderErr.rawValue),
        Int(JSStreamOfflineErr.rawValue), Int(JSClusterNotActiveErr.rawValue),
    ]

    /// Throws unless `status` is `NATS_OK`; `jsCode` is the JetStream error code the call
    /// filled in, 0 when none.
    static func check(_ status: natsStatus, jsCode: jsErrCode = jsErrCode(rawValue: 0)) throws {
        guard status != NATS_OK else { return }
        throw make(status, jsCode: jsCode)
    }

    static func make(_ status: natsStatus, jsCode: jsErrCode = jsErrCode(rawValue: 0))
        -> NATSError
    {
        let text = lastErrorText(status)
        if jsCode.rawValue != 0 {
            return .jetStream(code: Int(jsCode.rawValue), description: text)
        }
        switch status {
        case NATS_NO_SERVER: return .noServer(text)
        case NATS_TIMEOUT: return .timeout(text)
        case NATS_NO_RESPONDERS: return .noResponders(text)
        case NATS_CONNECTION_CLOSED, NATS_CONNECTION_DISCONNECTED, NATS_STALE_CONNECTION,
             NATS_IO_ERROR:
            return .connectionClosed(text)
        case NATS_NOT_FOUND: return .notFound(text)
        default: return .status(code: status.rawValue, text: text)
        }
    }

    /// The thread's last libnats error text, else the status's generic text.
    private static func lastErrorText(_ status: natsStatus) -> String {
        var last = natsStatus(rawValue: 0)
        if let text = nats_GetLastError(&last), text.pointee != 0, last == status {
            return withoutSourcePosition(String(cString: text))
        }
        return String(cString: natsStatus_GetText(status))
    }

    /// libnats starts its texts with where in its sources they came from, `(jsm.c:1033): `;
    /// that means nothing to a hubsh user.
    static func withoutSourcePosition(_ text: String) -> String {
        guard text.hasPrefix("("), let end = text.range(of: "): ") else { return text }
        let inside = text[text.index(after: text.startIndex)..<end.lowerBound]
        guard inside.contains(".c:") else { return text }
        return String(text[end.upperBound...])
    }
}
