import HubCore

/// One validation of one instance against a compiled schema.
///
/// Two modes share the code: `collecting` gathers every error with its locations (paths are
/// kept only then), and the quick mode stops at the first failure. Subtrees whose errors
/// never reach the user (`not`, `if`, `contains`, `propertyNames`) always run quick.
/// A value type: each validation makes its own, so nothing is shared between threads.
struct Evaluator {
    let options: JSONSchemaValidationOptions
    let usesDynamicScope: Bool
    var collecting: Bool
    var errors: [ValidationError] = []
    var instancePath: [PathToken] = []
    var keywordPath: [String] = []
    var dynamicScope: [SchemaResource] = []
    var depth = 0
    var reportedDepth = false

    enum PathToken {
        case key(String)
        case index(Int)
    }

    init(options: JSONSchemaValidationOptions, usesDynamicScope: Bool, collecting: Bool) {
        self.options = options
        self.usesDynamicScope = usesDynamicScope
        self.collecting = collecting
    }

    /// True once `maxErrors` errors are in: evaluation then winds down.
    var isFull: Bool { collecting && errors.count >= options.maxErrors }

    // MARK: - Nodes

    /// Evaluates `node` against `instance`. When `annotations` is non-nil and the node is
    /// valid, what the node evaluated is merged into it.
    mutating func evaluate(
        _ node: SchemaNode, _ instance: JSONValue, _ annotations: inout Annotations?
    ) -> Bool {
        if let constant = node.constant {
            if !constant { reportFalseSchema(node, instance) }
            return constant
        }
        depth += 1
        defer { depth -= 1 }
        if depth > options.maxDepth { return reportDepth(node) }
        let entersResource = usesDynamicScope && dynamicScope.last !== node.resource
        if entersResource { dynamicScope.append(node.resource) }
        defer { if entersResource { dynamicScope.removeLast() } }

        var local: Annotations? = annotations != nil || node.gathersAnnotations
            ? Annotations() : nil
        var number: ExactDecimal?
        var valid = true
        for keyword in node.keywords {
            if collecting { keywordPath.append(keyword.name) }
            let passed = evaluate(keyword, of: node, instance, &local, &number)
            if collecting { keywordPath.removeLast() }
            if !passed {
                valid = false
                if !collecting || isFull { break }
            }
        }
        if valid, let local, annotations != nil { annotations!.merge(local) }
        return valid
    }

    /// Evaluates a subschema that applies to a part of the instance (an item or a property
    /// value): its annotations are its own and are not passed up.
    mutating func evaluateChild(
        _ node: SchemaNode, _ instance: JSONValue, at token: PathToken
    ) -> Bool {
        if collecting { instancePath.append(token) }
        var none: Annotations?
        let valid = evaluate(node, instance, &none)
        if collecting { instancePath.removeLast() }
        return valid
    }

    /// Evaluates `node` in quick mode, discarding errors, as `not`, `if`, `contains` and
    /// `propertyNames` need.
    mutating func evaluateQuietly(
        _ node: SchemaNode, _ instance: JSONValue, _ annotations: inout Annotations?
    ) -> Bool {
        let wasCollecting = collecting
        collecting = false
        defer { collecting = wasCollecting }
        return evaluate(node, instance, &annotations)
    }

    private mutating func evaluate(
        _ keyword: CompiledKeyword, of node: SchemaNode, _ instance: JSONValue,
        _ annotations: inout Annotations?, _ number: inout ExactDecimal?
    ) -> Bool {
        switch keyword.rule {
        case .ref(let target):
            return evaluate(target.node, instance, &annotations)
        case .dynamicRef(let reference):
            return evaluate(dynamicTarget(reference), instance, &annotations)
        case .type, .enumeration, .constant, .multipleOf, .minimum, .exclusiveMinimum, .maximum,
             .exclusiveMaximum, .minLength, .maxLength, .pattern, .format:
            return evaluateValue(keyword, of: node, instance, &number)
        case .prefixItems, .items, .contains, .minItems, .maxItems, .uniqueItems,
             .unevaluatedItems:
            guard case .array(let items) = instance else { return true }
            return evaluateArray(keyword, of: node, items, &annotations)
        case .required, .properties, .propertyNames, .minProperties, .maxProperties,
             .dependentRequired, .dependentSchemas, .unevaluatedProperties:
            guard case .object(let members) = instance else { return true }
            return evaluateObject(keyword, of: node, instance, members, &annotations)
        case .allOf, .anyOf, .oneOf, .not, .conditional:
            return evaluateCombinator(keyword, of: node, instance, &annotations)
        }
    }

    private mutating func dynamicTarget(_ reference: DynamicReference) -> SchemaNode {
        guard let anchor = reference.anchor else { return reference.target.node }
        for resource in dynamicScope {
            if let found = resource.dynamicAnchors[anchor] { return found.node }
        }
        return reference.target.node
    }

    // MARK: - Reporting

    /// Records an error for `keyword` of `node` at the current instance location; returns
    /// false so callers can `return fail(...)`.
    @discardableResult
    mutating func fail(
        _ node: SchemaNode, _ keyword: String,
        _ message: @autoclosure () -> String, at token: PathToken? = nil
    ) -> Bool {
        guard collecting, errors.count < options.maxErrors else { return false }
        var instanceLocation = Self.pointer(instancePath)
        if let token { instanceLocation += "/" + Self.tokenText(token) }
        errors.append(ValidationError(
            instanceLocation: instanceLocation,
            keywordLocation: Self.pointer(keywordPath),
            absoluteKeywordLocation: node.absoluteLocation + "/" + JSONPointer.escape(keyword),
            keyword: keyword,
            message: message()))
        return false
    }

    private mutating func reportFalseSchema(_ node: SchemaNode, _ instance: JSONValue) {
        guard collecting, errors.count < options.maxErrors else { return }
        errors.append(ValidationError(
            instanceLocation: Self.pointer(instancePath),
            keywordLocation: Self.pointer(keywordPath),
            absoluteKeywordLocation: node.absoluteLocation,
            keyword: "false",
            message: "no value is allowed here (the schema is false), found "
                + Describe.value(instance)))
    }

    private mutating func reportDepth(_ node: SchemaNode) -> Bool {
        if !reportedDepth {
            reportedDepth = true
            let message = "schemas nest deeper than \(options.maxDepth) levels here; a $ref "
                + "cycle that never moves into the instance is the usual cause"
            fail(node, "$ref", message)
        }
        return false
    }

    static func pointer(_ tokens: [PathToken]) -> String {
        var out = ""
        for token in tokens {
            out += "/"
            out += tokenText(token)
        }
        return out
    }

    static func pointer(_ tokens: [String]) -> String {
        var out = ""
        for token in tokens {
            out += "/"
            out += JSONPointer.escape(token)
        }
        return out
    }

    static func tokenText(_ token: PathToken) -> String {
        switch token {
        case .key(let key): return JSONPointer.escape(key)
        case .index(let index): return String(index)
        }
    }
}
