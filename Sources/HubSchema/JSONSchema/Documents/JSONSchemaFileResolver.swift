import Foundation
import HubCore

/// Reads schema documents from files: `file:` URLs as they are, and URLs under a prefix from a
/// folder that stands in for that prefix.
///
///     // http://localhost:1234/draft7/integer.json is read from <remotes>/draft7/integer.json
///     JSONSchemaFileResolver(mapping: "http://localhost:1234/", to: remotesFolder)
///
/// Nothing is fetched from the network: a URL outside every mapping is not found here.
public struct JSONSchemaFileResolver: JSONSchemaResolver {
    /// URL prefixes and the folders whose files stand for them.
    public var mappings: [(prefix: String, directory: URL)]
    /// Whether `file:` URLs are read from the local file system.
    public var readsFileURLs: Bool

    /// Reads `file:` URLs only.
    public init() {
        self.mappings = []
        self.readsFileURLs = true
    }

    /// Reads URLs under `prefix` from `directory` (and `file:` URLs when `readsFileURLs`).
    public init(mapping prefix: String, to directory: URL, readsFileURLs: Bool = false) {
        self.mappings = [(prefix, directory)]
        self.readsFileURLs = readsFileURLs
    }

    public func document(at uri: String) throws -> JSONSchemaDocument? {
        for (prefix, directory) in mappings where uri.hasPrefix(prefix) {
            guard let relative = SchemaURI.percentDecode(String(uri.dropFirst(prefix.count)))
            else { return nil }
            return try read(directory.appendingPathComponent(relative).path, uri: uri)
        }
        if readsFileURLs, uri.hasPrefix("file://") {
            let parts = SchemaURI.parse(uri)
            guard let path = SchemaURI.percentDecode(parts.path) else { return nil }
            return try read(path, uri: uri)
        }
        return nil
    }

    private func read(_ path: String, uri: String) throws -> JSONSchemaDocument? {
        guard FileManager.default.fileExists(atPath: path),
              let data = FileManager.default.contents(atPath: path)
        else { return nil }
        do {
            return JSONSchemaDocument(json: try JSONValue.parse(bytes: [UInt8](data)), baseURI: uri)
        } catch {
            throw JSONSchemaError.unreadableDocument(uri: uri, reason: "\(error)")
        }
    }
}
