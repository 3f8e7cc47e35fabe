import CNATS
import HubCore

/// Turns NATS failures into one-line `HubError`s that name the cluster and what to do.
enum ErrorMapping {
    static func unreachable(_ address: NATSAddress, _ error: NATSError) -> HubError {
        let servers = address.serverURLs.joined(separator: ",")
        switch error {
        case .noServer:
            return .engineUnavailable(address: servers, detail: "no server answered")
        default:
            return .engineUnavailable(address: servers, detail: error.description)
        }
    }

    static func hubError(for error: NATSError, address: NATSAddress, action: String)
        -> HubError
    {
        let servers = address.serverURLs.joined(separator: ",")
        switch error {
        case .noServer, .connectionClosed:
            return .engineUnavailable(
                address: servers, detail: "the connection is lost (while trying to \(action))")
        case .timeout:
            return .storage(
                "cannot \(action): the NATS cluster at \(servers) did not answer in time (a"
                    + " server down, or a leader election under way?); try again")
        case .noResponders:
            return .storage(
                "cannot \(action): nothing answered at \(servers) (is JetStream enabled"
                    + " (-js), and does the stream have a leader?); try again")
        case .jetStream(let code, let description):
            if NATSError.transientCodes.contains(code) {
                return .storage(
                    "cannot \(action): the NATS cluster is not ready (\(description));"
                        + " try again in a moment")
            }
            return .storage("cannot \(action): \(description)")
        case .notFound(let text), .status(_, let text):
            return .storage("cannot \(action): \(text)")
        }
    }
}
