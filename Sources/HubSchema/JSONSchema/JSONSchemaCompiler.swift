import HubCore

/// Compiles JSON Schemas (draft 2020-12 by default, draft-07 by `$schema`) into reusable
/// validators.
///
///     let compiler = JSONSchemaCompiler(resolver: registry)
///     let schema = try compiler.compile(orderSchema, baseURI: "https://schemas.example/orders")
///     schema.validate(event)   // [] when valid
///
/// Compiling resolves every `$ref` (through `resolver`, the built-in meta-schemas, and the
/// schema itself), checks keyword values, and compiles regular expressions once: all schema
/// mistakes surface here as `JSONSchemaError`, none during validation. The compiler keeps a
/// cache of compiled regular expressions shared by the schemas it compiles; it is safe to use
/// from several threads.
public struct JSONSchemaCompiler: Sendable {
    /// The base URI of a schema compiled without one and without `$id`.
    public static let anonymousBaseURI = "urn:hubsh:anonymous-schema"

    public var resolver: any JSONSchemaResolver
    /// The draft of schemas (and referenced documents) that have no `$schema`.
    public var defaultDraft: JSONSchemaDraft
    private let regexCache = ECMARegexCache()

    public init(resolver: any JSONSchemaResolver = JSONSchemaRegistry(),
                defaultDraft: JSONSchemaDraft = .draft2020_12) {
        self.resolver = resolver
        self.defaultDraft = defaultDraft
    }

    /// Compiles `schema`; relative `$id` and `$ref` values resolve against `baseURI`.
    public func compile(_ schema: JSONValue, baseURI: String = anonymousBaseURI) throws
        -> CompiledJSONSchema
    {
        guard SchemaURI.isAbsolute(baseURI) else {
            throw JSONSchemaError.invalidSchema(
                location: baseURI,
                message: "the base URI must be absolute, such as file:///schemas/orders.json "
                    + "or https://schemas.example/orders")
        }
        let compilation = Compilation(resolver: resolver, regexCache: regexCache)
        let document = try compilation.addDocument(
            schema, retrievalURI: baseURI, baseURI: baseURI, dialect: .standard(defaultDraft))
        return try finish(compilation, document: document)
    }

    /// Compiles the document the resolver has at `uri` (a fragment selects a subschema).
    public func compile(uri: String) throws -> CompiledJSONSchema {
        let compilation = Compilation(resolver: resolver, regexCache: regexCache)
        let (base, fragment) = SchemaURI.splitFragment(uri)
        try compilation.loadDocument(base, dialect: .standard(defaultDraft), reference: uri,
                                     location: uri)
        guard let document = compilation.documentByURI[base] else {
            throw JSONSchemaError.unresolvableReference(reference: uri, resolvedURI: uri,
                                                        location: uri)
        }
        if let fragment, !fragment.isEmpty {
            let root = SchemaAddress(document: document, pointer: "")
            let target = try compilation.resolveReference(uri, from: root, keyword: "$ref")
            compilation.queueAllSubschemas(ofDocument: document)
            try compilation.fillPending()
            return CompiledJSONSchema(compilation: compilation, root: target)
        }
        return try finish(compilation, document: document)
    }

    private func finish(_ compilation: Compilation, document: Int) throws -> CompiledJSONSchema {
        let root = compilation.node(at: SchemaAddress(document: document, pointer: ""))
        compilation.queueAllSubschemas(ofDocument: document)
        try compilation.fillPending()
        return CompiledJSONSchema(compilation: compilation, root: root)
    }
}
