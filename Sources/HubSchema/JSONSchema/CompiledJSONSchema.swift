import HubCore

/// A schema compiled once and ready to validate any number of instances.
///
/// Immutable and safe to share between threads; each validation keeps its own state.
///
///     let errors = schema.validate(event)
///     errors.first?.description  // "/lines/0/quantity: 0 is less than the minimum of 1"
public final class CompiledJSONSchema: Sendable {
    /// The canonical URI of the schema (its `$id`, or the base URI it was compiled with).
    public let uri: String
    /// The draft the root schema is read in.
    public let draft: JSONSchemaDraft
    let root: NodeLink
    let usesDynamicScope: Bool
    // The owners of every node and resource that links point to.
    private let nodes: [SchemaNode]
    private let resources: [SchemaResource]

    init(compilation: Compilation, root: SchemaNode) {
        self.root = NodeLink(root)
        self.nodes = compilation.nodes
        self.resources = compilation.resourceList
        self.usesDynamicScope = compilation.usesDynamicScope
        self.uri = root.resource.uri
        let address = compilation.nodeAt.first { $0.value === root }?.key
        self.draft = address.map { compilation.info(at: $0).dialect.draft } ?? .draft2020_12
    }

    /// Every way `instance` fails the schema, up to `options.maxErrors`; empty when valid.
    public func validate(_ instance: JSONValue,
                         options: JSONSchemaValidationOptions = JSONSchemaValidationOptions())
        -> [ValidationError]
    {
        var evaluator = Evaluator(options: options, usesDynamicScope: usesDynamicScope,
                                  collecting: true)
        var none: Annotations?
        if !evaluator.evaluate(root.node, instance, &none) && evaluator.errors.isEmpty {
            // Every failure records an error in collecting mode; this keeps the promise that
            // an invalid instance never comes back with an empty list.
            evaluator.errors.append(ValidationError(
                instanceLocation: "", keywordLocation: "", absoluteKeywordLocation: uri,
                keyword: "", message: "the instance does not match the schema"))
        }
        return evaluator.errors
    }

    /// Whether `instance` is valid; stops at the first failure, without building messages.
    public func isValid(_ instance: JSONValue,
                        options: JSONSchemaValidationOptions = JSONSchemaValidationOptions())
        -> Bool
    {
        var evaluator = Evaluator(options: options, usesDynamicScope: usesDynamicScope,
                                  collecting: false)
        var none: Annotations?
        return evaluator.evaluate(root.node, instance, &none)
    }
}
