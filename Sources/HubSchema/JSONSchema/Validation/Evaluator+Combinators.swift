import HubCore

/// `allOf`, `anyOf`, `oneOf`, `not` and `if`/`then`/`else`: subschemas applied to the same
/// instance, whose annotations count for the parent when they are valid.
extension Evaluator {
    mutating func evaluateCombinator(
        _ keyword: CompiledKeyword, of node: SchemaNode, _ instance: JSONValue,
        _ annotations: inout Annotations?
    ) -> Bool {
        switch keyword.rule {
        case .allOf(let schemas):
            var valid = true
            for (index, schema) in schemas.enumerated() {
                if !evaluateBranch(schema.node, index, instance, &annotations) {
                    valid = false
                    if !collecting || isFull { return false }
                }
            }
            return valid
        case .anyOf(let schemas):
            return evaluateAnyOf(schemas, of: node, instance, &annotations)
        case .oneOf(let schemas):
            return evaluateOneOf(schemas, of: node, instance, &annotations)
        case .not(let schema):
            var none: Annotations?
            let matched = evaluateQuietly(schema.node, instance, &none)
            if !matched { return true }
            return fail(node, "not", "\(Describe.value(instance)) must not match the \"not\" "
                        + "schema, but does")
        case .conditional(let condition, let then, let otherwise):
            var conditionAnnotations: Annotations? = annotations != nil ? Annotations() : nil
            let holds = evaluateQuietly(condition.node, instance, &conditionAnnotations)
            if holds, let conditionAnnotations { annotations?.merge(conditionAnnotations) }
            guard let branch = holds ? then : otherwise else { return true }
            guard collecting else { return evaluate(branch.node, instance, &annotations) }
            let saved = keywordPath[keywordPath.count - 1]
            keywordPath[keywordPath.count - 1] = holds ? "then" : "else"
            defer { keywordPath[keywordPath.count - 1] = saved }
            return evaluate(branch.node, instance, &annotations)
        default:
            return true
        }
    }

    /// Evaluates subschema `index` of a combinator in place; the keyword path gets the index.
    private mutating func evaluateBranch(
        _ schema: SchemaNode, _ index: Int, _ instance: JSONValue, _ annotations: inout Annotations?
    ) -> Bool {
        guard collecting else { return evaluate(schema, instance, &annotations) }
        keywordPath.append(String(index))
        defer { keywordPath.removeLast() }
        return evaluate(schema, instance, &annotations)
    }

    private mutating func evaluateAnyOf(
        _ schemas: [NodeLink], of node: SchemaNode, _ instance: JSONValue,
        _ annotations: inout Annotations?
    ) -> Bool {
        let firstError = errors.count
        var matched = false
        for (index, schema) in schemas.enumerated() {
            var branch: Annotations? = annotations != nil ? Annotations() : nil
            guard evaluateBranch(schema.node, index, instance, &branch) else { continue }
            matched = true
            if let branch { annotations?.merge(branch) }
            if annotations == nil { break }
        }
        if matched {
            errors.removeSubrange(firstError...)
            return true
        }
        return failBefore(firstError, node, "anyOf", "\(Describe.value(instance)) matches none "
                          + "of the \(schemas.count) schemas of \"anyOf\" (their errors follow)")
    }

    private mutating func evaluateOneOf(
        _ schemas: [NodeLink], of node: SchemaNode, _ instance: JSONValue,
        _ annotations: inout Annotations?
    ) -> Bool {
        let firstError = errors.count
        var matches: [Int] = []
        var matchedAnnotations: Annotations?
        for (index, schema) in schemas.enumerated() {
            var branch: Annotations? = annotations != nil ? Annotations() : nil
            guard evaluateBranch(schema.node, index, instance, &branch) else { continue }
            matches.append(index)
            matchedAnnotations = branch
            if matches.count > 1 && !collecting { return false }
        }
        if matches.count == 1 {
            errors.removeSubrange(firstError...)
            if let matchedAnnotations { annotations?.merge(matchedAnnotations) }
            return true
        }
        if matches.isEmpty {
            return failBefore(firstError, node, "oneOf", "\(Describe.value(instance)) matches "
                              + "none of the \(schemas.count) schemas of \"oneOf\" (their "
                              + "errors follow)")
        }
        errors.removeSubrange(firstError...)
        let indexes = matches.map(String.init).joined(separator: ", ")
        return fail(node, "oneOf", "\(Describe.value(instance)) matches the schemas at "
                    + "\(indexes) of \"oneOf\"; it must match exactly one")
    }

    /// Records an error ahead of the branch errors that explain it.
    private mutating func failBefore(
        _ position: Int, _ node: SchemaNode, _ keyword: String, _ message: String
    ) -> Bool {
        guard collecting else { return false }
        let branchErrors = Array(errors[position...])
        errors.removeSubrange(position...)
        fail(node, keyword, message)
        errors.append(contentsOf: branchErrors.prefix(max(0, options.maxErrors - errors.count)))
        return false
    }
}
