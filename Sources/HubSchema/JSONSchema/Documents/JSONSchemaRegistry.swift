import HubCore

/// Schemas held in memory by URI: what a schema registry feeds the compiler.
///
/// A schema is found under the URI it was registered at, and under its root `$id` resolved
/// against that URI:
///
///     var registry = JSONSchemaRegistry()
///     try registry.register(userSchema, baseURI: "https://schemas.example/")
///     // userSchema's "$id": "common/user.schema.json" is now
///     // https://schemas.example/common/user.schema.json
public struct JSONSchemaRegistry: JSONSchemaResolver {
    private var documents: [String: JSONSchemaDocument] = [:]

    public init() {}

    /// Adds `schema`; returns the URI it is known by (its `$id` resolved against `baseURI`,
    /// or `baseURI` when it has none). A later schema with the same URI replaces the earlier.
    @discardableResult
    public mutating func register(_ schema: JSONValue, baseURI: String) throws -> String {
        guard SchemaURI.isAbsolute(baseURI) else {
            throw JSONSchemaError.invalidSchema(
                location: baseURI,
                message: "the base URI must be absolute, such as https://schemas.example/ or "
                    + "file:///path/")
        }
        let document = JSONSchemaDocument(json: schema, baseURI: baseURI)
        var canonical = SchemaURI.splitFragment(baseURI).base
        if case .string(let id)? = schema["$id"] {
            canonical = SchemaURI.splitFragment(SchemaURI.resolve(id, against: baseURI)).base
        }
        documents[canonical] = document
        if documents[SchemaURI.splitFragment(baseURI).base] == nil {
            documents[SchemaURI.splitFragment(baseURI).base] = document
        }
        return canonical
    }

    /// The URIs schemas are registered under.
    public var uris: [String] { documents.keys.sorted() }

    public func document(at uri: String) throws -> JSONSchemaDocument? {
        documents[uri]
    }
}
