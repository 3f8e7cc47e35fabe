/// Why a schema could not be compiled, with where in the schema and what to do about it.
///
/// `location` is an absolute schema location such as
/// `https://schemas.example/orders.schema.json#/properties/total/minimum`.
public enum JSONSchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A keyword's value is not what the draft allows (`"minimum": "5"`).
    case invalidSchema(location: String, message: String)
    /// A `$ref`, `$dynamicRef` or `$schema` names a document or fragment nobody has.
    case unresolvableReference(reference: String, resolvedURI: String, location: String)
    /// `$schema` names a draft other than draft-07 and 2020-12.
    case unsupportedDialect(uri: String, location: String)
    /// A meta-schema requires a vocabulary this validator does not implement.
    case unsupportedVocabulary(uri: String, location: String)
    /// A `pattern` or `patternProperties` key is not an ECMA-262 regular expression.
    case invalidPattern(pattern: String, location: String, reason: String)
    /// A `pattern` or `patternProperties` key is ECMA-262 but hubsh cannot run it, such as a
    /// lookbehind without a maximum length (`(?<=a+)`); `offset` is where that part starts.
    case unsupportedPattern(pattern: String, location: String, reason: String, offset: Int)
    /// A resolver found a document but could not read it as JSON.
    case unreadableDocument(uri: String, reason: String)

    public var description: String {
        switch self {
        case .invalidSchema(let location, let message):
            return "invalid schema at \(location): \(message)"
        case .unresolvableReference(let reference, let resolvedURI, let location):
            return "cannot resolve \"\(reference)\" (\(resolvedURI)) at \(location): register the "
                + "schema with that URI, or fix the reference"
        case .unsupportedDialect(let uri, let location):
            return "unsupported $schema \"\(uri)\" at \(location): use "
                + "\"\(JSONSchemaDraft.draft2020_12.metaschemaURI)\" or "
                + "\"\(JSONSchemaDraft.draft7.metaschemaURI)\""
        case .unsupportedVocabulary(let uri, let location):
            return "the meta-schema at \(location) requires vocabulary \"\(uri)\", which hubsh "
                + "does not implement; mark it optional (false) or drop it"
        case .invalidPattern(let pattern, let location, let reason):
            return "invalid regular expression \"\(pattern)\" at \(location): \(reason); "
                + "write an ECMA-262 pattern"
        case .unsupportedPattern(let pattern, let location, let reason, let offset):
            return "hubsh does not support regular expression \"\(pattern)\" at \(location):"
                + " it has, at character \(offset + 1), \(reason)"
        case .unreadableDocument(let uri, let reason):
            return "cannot read schema document \(uri): \(reason)"
        }
    }
}
