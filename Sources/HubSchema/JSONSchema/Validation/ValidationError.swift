/// One way an instance fails its schema, located in both the instance and the schema.
///
///     /lines/2/unitPrice: -3 is less than the minimum of 0
///
/// `keywordLocation` is the path the evaluation took through the schema, `$ref` included
/// (`/properties/lines/items/properties/unitPrice/minimum`); `absoluteKeywordLocation` is where
/// that keyword is written, as a URI (`https://schemas.example/orders.schema.json#/$defs/...`).
public struct ValidationError: Sendable, Equatable, CustomStringConvertible {
    /// JSON Pointer to the failing value; empty for the whole instance.
    public var instanceLocation: String
    /// JSON Pointer through the schema along the evaluation path.
    public var keywordLocation: String
    /// The failing keyword's canonical URI.
    public var absoluteKeywordLocation: String
    /// The keyword that failed, such as `minimum`; `false` for a schema that is `false`.
    public var keyword: String
    /// What is wrong, in words a person can act on.
    public var message: String

    public init(instanceLocation: String, keywordLocation: String,
                absoluteKeywordLocation: String, keyword: String, message: String) {
        self.instanceLocation = instanceLocation
        self.keywordLocation = keywordLocation
        self.absoluteKeywordLocation = absoluteKeywordLocation
        self.keyword = keyword
        self.message = message
    }

    /// `instance location: message`, with `(root)` for the whole instance.
    public var description: String {
        (instanceLocation.isEmpty ? "(root)" : instanceLocation) + ": " + message
    }
}

/// How one validation runs.
public struct JSONSchemaValidationOptions: Sendable, Equatable {
    /// Validation stops once this many errors are found.
    public var maxErrors: Int
    /// Whether `format` rejects strings that are not of the named format. Off by default, as
    /// both drafts treat `format` as an annotation; a meta-schema with the 2020-12
    /// format-assertion vocabulary turns it on for its schemas whatever this says.
    public var assertFormats: Bool
    /// How deeply schemas may nest during one evaluation (each subschema and `$ref` is a
    /// level). A schema whose `$ref` cycle never moves into the instance fails here with an
    /// error instead of exhausting the stack.
    public var maxDepth: Int

    public init(maxErrors: Int = 100, assertFormats: Bool = false, maxDepth: Int = 256) {
        self.maxErrors = max(1, maxErrors)
        self.assertFormats = assertFormats
        self.maxDepth = max(1, maxDepth)
    }
}
