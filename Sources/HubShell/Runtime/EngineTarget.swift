import Foundation
import HubCore

/// Which engine, and which namespace in it, a target names: what `--engine` and `open` take.
///
///     try EngineTarget.parse("nats://127.0.0.1:4222,127.0.0.1:4223/team")
///     // .nats(NATSAddress(servers: ["127.0.0.1:4222", "127.0.0.1:4223"], namespace: "team"))
///     try EngineTarget.parse("lmdb:/var/lib/hubsh")   // .lmdb(directory: "/var/lib/hubsh")
///     try EngineTarget.parse("~/streams")             // .lmdb(directory: "~/streams")
///
/// Parsing only reads the text: it neither expands `~` nor connects anywhere. Whoever opens
/// the engine makes a directory absolute.
public enum EngineTarget: Equatable, Sendable, CustomStringConvertible {
    /// The embedded log in a data directory; one directory is one namespace.
    case lmdb(directory: String)
    /// A NATS JetStream cluster, and a namespace in it.
    case nats(NATSAddress)

    /// The prefix that names the embedded log outright, for a path that looks like a URL.
    static let lmdbPrefix = "lmdb:"

    /// The target `text` names; throws `EngineTargetError` with one line saying what is wrong.
    public static func parse(_ text: String) throws -> EngineTarget {
        guard !text.isEmpty else {
            throw EngineTargetError("an engine target is empty: give a data directory or"
                + " nats://HOST:PORT")
        }
        if text.lowercased().hasPrefix(NATSAddress.scheme) {
            return .nats(try NATSAddress.parse(text))
        }
        if text.hasPrefix(lmdbPrefix) {
            let directory = String(text.dropFirst(lmdbPrefix.count))
            guard !directory.isEmpty else {
                throw EngineTargetError("'\(text)' names no directory: use lmdb:DIR")
            }
            return .lmdb(directory: directory)
        }
        // Near misses of a NATS address would otherwise name a data directory, created
        // silently in the working directory.
        let lowered = text.lowercased()
        if lowered.hasPrefix("nats:") || lowered.hasPrefix("nats/") {
            throw EngineTargetError(
                "'\(text)' is not a NATS address: write nats://HOST:PORT (two slashes), or"
                    + " lmdb:\(text) for a data directory of that name")
        }
        if looksLikeHostAndPort(text) {
            throw EngineTargetError(
                "'\(text)' looks like a server, not a data directory: write nats://\(text),"
                    + " or lmdb:\(text) for a data directory of that name")
        }
        if let range = text.range(of: "://") {
            let scheme = text[..<range.lowerBound]
            if !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" }) {
                throw EngineTargetError("unknown engine '\(scheme)' in '\(text)': use"
                    + " nats://HOST:PORT[,HOST:PORT...][/NAMESPACE] or a data directory")
            }
        }
        return .lmdb(directory: text)
    }

    /// `HOST:PORT` alone, such as `127.0.0.1:4222` or `localhost:4222`.
    private static func looksLikeHostAndPort(_ text: String) -> Bool {
        guard !text.contains("/"), let colon = text.lastIndex(of: ":") else { return false }
        let host = text[..<colon]
        let port = text[text.index(after: colon)...]
        return !host.isEmpty && !port.isEmpty && port.allSatisfy(\.isASCII)
            && port.allSatisfy(\.isNumber)
    }

    /// The hubsh arguments that open this same target in another process, such as the
    /// publishing process of `bench e2e --processes 2`.
    public var commandLineArguments: [String] {
        switch self {
        case .lmdb(let directory): return ["--data", directory]
        case .nats(let address): return ["--engine", address.url]
        }
    }

    /// How messages name the target: the directory, or the NATS URL.
    public var description: String {
        switch self {
        case .lmdb(let directory): return directory
        case .nats(let address): return address.url
        }
    }
}
