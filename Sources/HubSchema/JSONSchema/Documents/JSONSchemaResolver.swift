import HubCore

/// A schema document a resolver found: its JSON, and the URI its root `$id` (if any) is
/// resolved against.
///
/// For a file that is the file's URL. For a registered schema it is the URI it was registered
/// under, so `"$id": "common/user.schema.json"` registered at `https://example.com/schemas/`
/// becomes `https://example.com/schemas/common/user.schema.json`.
public struct JSONSchemaDocument: Sendable {
    public var json: JSONValue
    public var baseURI: String

    public init(json: JSONValue, baseURI: String) {
        self.json = json
        self.baseURI = baseURI
    }
}

/// Where the compiler finds the documents that `$ref` and `$schema` name by URI.
///
/// The compiler asks with an absolute URI without fragment, and only for documents it does not
/// already hold; the draft-07 and 2020-12 meta-schemas are built in and never asked for.
/// Implementations must not reach the network.
public protocol JSONSchemaResolver: Sendable {
    /// The document at `uri`, or nil when this resolver has none (the compiler then reports an
    /// unresolvable reference). Throw `JSONSchemaError.unreadableDocument` for a document that
    /// exists but cannot be read.
    func document(at uri: String) throws -> JSONSchemaDocument?
}

/// Asks each resolver in turn; the first that has the document wins.
public struct JSONSchemaResolverChain: JSONSchemaResolver {
    public var resolvers: [any JSONSchemaResolver]

    public init(_ resolvers: [any JSONSchemaResolver]) {
        self.resolvers = resolvers
    }

    public func document(at uri: String) throws -> JSONSchemaDocument? {
        for resolver in resolvers {
            if let document = try resolver.document(at: uri) { return document }
        }
        return nil
    }
}
