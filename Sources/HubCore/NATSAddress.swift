/// The servers of a NATS cluster and the hubsh namespace in it, as `--engine` and `open` take
/// them and as the NATS engine connects to them. Parsing only reads the text; it connects
/// nowhere.
///
///     let address = try NATSAddress.parse("nats://127.0.0.1:4222,127.0.0.1:4223/dev")
///     // address.servers == ["127.0.0.1:4222", "127.0.0.1:4223"], address.namespace == "dev"
///
/// The form: `nats://HOST:PORT[,HOST:PORT...][/NAMESPACE]`.
///
/// A server may repeat the scheme (`nats://a:4222,nats://b:4222`) and may leave out the port,
/// which is then NATS's 4222. The namespace defaults to `default`; it has 1-64 letters, digits,
/// '-' or '_', so that it fits into stream, subject and bucket names.
public struct NATSAddress: Equatable, Sendable {
    /// `HOST:PORT` of each server, in the order given.
    public var servers: [String]
    public var namespace: String

    /// The scheme every NATS address starts with.
    public static let scheme = "nats://"
    public static let defaultPort = 4222
    public static let defaultNamespace = "default"
    public static let maxNamespaceLength = 64

    public init(servers: [String], namespace: String = NATSAddress.defaultNamespace) {
        self.servers = servers
        self.namespace = namespace
    }

    /// `nats://HOST:PORT` of each server, as a NATS client takes them.
    public var serverURLs: [String] { servers.map { NATSAddress.scheme + $0 } }

    /// The address written out in full: `nats://a:4222,b:4223/team`; the default namespace is
    /// left out.
    public var url: String {
        NATSAddress.scheme + servers.joined(separator: ",")
            + (namespace == NATSAddress.defaultNamespace ? "" : "/" + namespace)
    }

    /// Parses a `nats://` address; throws `EngineTargetError` naming the part that is wrong.
    public static func parse(_ text: String) throws -> NATSAddress {
        // A scheme repeated before later servers goes, so that the first '/' ends the servers.
        let rest = Substring(
            text.dropFirst(NATSAddress.scheme.count)
                .replacingOccurrences(
                    of: "," + NATSAddress.scheme, with: ",", options: .caseInsensitive))
        var hosts = rest
        var namespace = defaultNamespace
        if let slash = rest.firstIndex(of: "/") {
            hosts = rest[..<slash]
            namespace = String(rest[rest.index(after: slash)...])
            try check(namespace: namespace, in: text)
        }
        guard !hosts.isEmpty else {
            throw EngineTargetError("'\(text)' names no server: use nats://HOST:PORT")
        }
        var servers: [String] = []
        for part in hosts.split(separator: ",", omittingEmptySubsequences: false) {
            servers.append(try server(part, in: text))
        }
        return NATSAddress(servers: servers, namespace: namespace)
    }

    /// One `HOST[:PORT]` made `HOST:PORT`, or an error naming it.
    private static func server(_ text: Substring, in address: String) throws -> String {
        guard !text.isEmpty else {
            throw EngineTargetError("'\(address)' has an empty server between commas")
        }
        guard !text.contains("@") else {
            throw EngineTargetError("'\(address)': credentials in the address are not"
                + " supported; hubsh connects without authentication")
        }
        var host = text
        var port = String(defaultPort)
        if text.hasPrefix("[") {
            // An IPv6 literal: [::1]:4222.
            guard let close = text.firstIndex(of: "]") else {
                throw EngineTargetError("'\(text)' in '\(address)' has no closing ']'")
            }
            host = text[...close]
            let after = text[text.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else {
                    throw EngineTargetError("'\(text)' in '\(address)': use [HOST]:PORT")
                }
                port = String(after.dropFirst())
            }
        } else if let colon = text.lastIndex(of: ":") {
            host = text[..<colon]
            port = String(text[text.index(after: colon)...])
        }
        guard isHost(host) else {
            throw EngineTargetError(
                "invalid host '\(host)' in '\(address)': use HOST:PORT, such as 127.0.0.1:4222")
        }
        guard let number = Int(port), (1...65535).contains(number) else {
            throw EngineTargetError(
                "invalid port '\(port)' in '\(address)': use a number from 1 to 65535")
        }
        return "\(host):\(number)"
    }

    /// A name or IPv4 address (letters, digits, '.', '-', '_'), or an IPv6 literal in brackets.
    private static func isHost(_ host: Substring) -> Bool {
        if host.hasPrefix("[") {
            let inside = host.dropFirst().dropLast()
            return !inside.isEmpty && inside.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
        }
        return !host.isEmpty && host.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || $0 == "." || $0 == "-" || $0 == "_"
        }
    }

    private static func check(namespace: String, in address: String) throws {
        let allowed = namespace.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || $0 == "-" || $0 == "_"
        }
        guard !namespace.isEmpty, namespace.count <= maxNamespaceLength, allowed else {
            throw EngineTargetError(
                "invalid namespace '\(namespace)' in '\(address)': use 1-\(maxNamespaceLength)"
                    + " letters, digits, '-' or '_'")
        }
    }
}

/// A target that names no engine hubsh knows, or a malformed address.
public struct EngineTargetError: Error, Equatable, CustomStringConvertible, Sendable {
    public var description: String

    public init(_ description: String) { self.description = description }
}
