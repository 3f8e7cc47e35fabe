import HubCore

/// Where a NATS log lives: `nats://HOST:PORT[,HOST:PORT...][/NAMESPACE]`.
///
/// The servers are tried in the order given; the namespace (`default` when none is given)
/// keeps the hubs of several hubsh namespaces apart on one cluster.
///
///     let address = try NATSAddress.parse("nats://127.0.0.1:4222,127.0.0.1:4223/dev")
///     // address.servers == ["nats://127.0.0.1:4222", "nats://127.0.0.1:4223"]
///     // address.namespace == "dev"
public struct NATSAddress: Sendable, Equatable {
    public var servers: [String]
    public var namespace: String

    public static let defaultNamespace = "default"
    public static let maxNamespaceLength = 32

    /// Parses the address; a bad one throws `HubError.invalidEngineAddress` with one line.
    public static func parse(_ text: String) throws -> NATSAddress {
        func refuse(_ reason: String) -> HubError {
            .invalidEngineAddress(text, reason: reason)
        }
        let scheme = "nats://"
        guard text.hasPrefix(scheme) else { throw refuse("it must start with nats://") }
        // Later servers may repeat the scheme: `nats://a:1,nats://b:2`.
        var rest = Substring(
            text.dropFirst(scheme.count).replacingOccurrences(of: "," + scheme, with: ","))
        var namespace = defaultNamespace
        if let slash = rest.firstIndex(of: "/") {
            namespace = String(rest[rest.index(after: slash)...])
            rest = rest[..<slash]
            if let problem = namespaceProblem(namespace) { throw refuse(problem) }
        }
        var servers: [String] = []
        for part in rest.split(separator: ",", omittingEmptySubsequences: false) {
            let entry = part
            guard let colon = entry.lastIndex(of: ":") else {
                throw refuse("'\(entry)' needs a port, as in HOST:4222")
            }
            let host = entry[..<colon]
            let port = entry[entry.index(after: colon)...]
            guard !host.isEmpty, !host.contains(where: { $0 == " " || $0 == "@" }) else {
                throw refuse("'\(entry)' has no host name")
            }
            guard let number = Int(port), (1...65535).contains(number) else {
                throw refuse("'\(port)' is not a port from 1 to 65535")
            }
            servers.append(scheme + host + ":" + String(number))
        }
        return NATSAddress(servers: servers, namespace: namespace)
    }

    /// Why `namespace` cannot name a namespace, or nil when it can.
    static func namespaceProblem(_ namespace: String) -> String? {
        guard !namespace.isEmpty else { return "the namespace after '/' is empty" }
        guard namespace.count <= maxNamespaceLength else {
            return "a namespace has at most \(maxNamespaceLength) characters"
        }
        let allowed = namespace.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || $0 == "-" || $0 == "_"
        }
        return allowed ? nil : "a namespace has only letters, digits, '-' and '_'"
    }

    /// The address as text, for messages.
    public var text: String {
        "nats://" + servers.map { $0.replacingOccurrences(of: "nats://", with: "") }
            .joined(separator: ",") + "/" + namespace
    }
}
