import HubCore

/// Keywords about objects.
extension Evaluator {
    mutating func evaluateObject(
        _ keyword: CompiledKeyword, of node: SchemaNode, _ instance: JSONValue,
        _ members: [(String, JSONValue)], _ annotations: inout Annotations?
    ) -> Bool {
        switch keyword.rule {
        case .required(let names):
            var valid = true
            for name in names where !Self.has(members, name) {
                valid = fail(node, "required", "the required property \"\(name)\" is missing")
                if !collecting || isFull { return false }
            }
            return valid
        case .properties(let rules):
            return evaluateProperties(rules, of: node, members, &annotations)
        case .propertyNames(let schema):
            var valid = true
            for (name, _) in members {
                var none: Annotations?
                let passed = evaluateQuietly(schema.node, .string(name), &none)
                if !passed {
                    valid = fail(node, "propertyNames", "the property name \"\(name)\" does not "
                                 + "match the \"propertyNames\" schema", at: .key(name))
                    if !collecting || isFull { return false }
                }
            }
            return valid
        case .minProperties(let minimum):
            if members.count >= minimum { return true }
            return fail(node, "minProperties", "the object has "
                        + "\(Describe.plural(members.count, "property", "properties"))"
                        + ", fewer than the minimum of \(minimum)")
        case .maxProperties(let maximum):
            if members.count <= maximum { return true }
            return fail(node, "maxProperties", "the object has "
                        + "\(Describe.plural(members.count, "property", "properties"))"
                        + ", more than the maximum of \(maximum)")
        case .dependentRequired(let rules):
            var valid = true
            for rule in rules where Self.has(members, rule.property) {
                for name in rule.required where !Self.has(members, name) {
                    valid = fail(node, keyword.name, "the property \"\(name)\" is required when "
                                 + "\"\(rule.property)\" is present")
                    if !collecting || isFull { return false }
                }
            }
            return valid
        case .dependentSchemas(let rules):
            var valid = true
            for rule in rules where Self.has(members, rule.property) {
                if collecting { keywordPath.append(rule.property) }
                let passed = evaluate(rule.node.node, instance, &annotations)
                if collecting { keywordPath.removeLast() }
                if !passed {
                    valid = false
                    if !collecting || isFull { return false }
                }
            }
            return valid
        case .unevaluatedProperties(let schema):
            var valid = true
            for (name, value) in members where !(annotations?.evaluatedProperty(name) ?? false) {
                if schema.node.constant == false {
                    valid = fail(node, "unevaluatedProperties", "the property \"\(name)\" is not "
                                 + "allowed: no other keyword of the schema covers it",
                                 at: .key(name))
                } else if !evaluateChild(schema.node, value, at: .key(name)) {
                    valid = false
                }
                if !valid && (!collecting || isFull) { return false }
            }
            annotations?.allProperties = true
            return valid
        default:
            return true
        }
    }

    /// True when the object has a member named exactly `name`.
    static func has(_ members: [(String, JSONValue)], _ name: String) -> Bool {
        members.contains { $0.0.isIdentical(to: name) }
    }

    /// `properties`, `patternProperties` and `additionalProperties` in one pass: each member
    /// goes to its named schema, every matching pattern schema, or else the additional one.
    private mutating func evaluateProperties(
        _ rules: PropertyRules, of node: SchemaNode, _ members: [(String, JSONValue)],
        _ annotations: inout Annotations?
    ) -> Bool {
        var valid = true
        for (name, value) in members {
            var covered = false
            if let schema = rules.named[ExactString(name)] {
                covered = true
                if !evaluateMember(schema.node, "properties", name, value) {
                    valid = false
                    if !collecting || isFull { return false }
                }
            }
            for (regex, schema) in rules.patterns where regex.matches(name) {
                covered = true
                if !evaluateMember(schema.node, "patternProperties", regex.source, value,
                                   instanceKey: name) {
                    valid = false
                    if !collecting || isFull { return false }
                }
            }
            if !covered, let additional = rules.additional {
                covered = true
                let passed: Bool
                if additional.node.constant == false {
                    passed = reportAdditional(name, rules, of: node)
                } else {
                    passed = evaluateMember(additional.node, "additionalProperties", nil, value,
                                            instanceKey: name)
                }
                if !passed {
                    valid = false
                    if !collecting || isFull { return false }
                }
            }
            if covered { annotations?.properties.insert(ExactString(name)) }
        }
        return valid
    }

    /// Evaluates one member's value; the keyword path becomes `keyword/token`.
    private mutating func evaluateMember(
        _ schema: SchemaNode, _ keyword: String, _ token: String?, _ value: JSONValue,
        instanceKey: String? = nil
    ) -> Bool {
        guard collecting else {
            var none: Annotations?
            return evaluate(schema, value, &none)
        }
        let saved = keywordPath[keywordPath.count - 1]
        keywordPath[keywordPath.count - 1] = keyword
        if let token { keywordPath.append(token) }
        let passed = evaluateChild(schema, value, at: .key(instanceKey ?? token ?? ""))
        if token != nil { keywordPath.removeLast() }
        keywordPath[keywordPath.count - 1] = saved
        return passed
    }

    private mutating func reportAdditional(
        _ name: String, _ rules: PropertyRules, of node: SchemaNode
    ) -> Bool {
        guard collecting else { return false }
        let saved = keywordPath[keywordPath.count - 1]
        keywordPath[keywordPath.count - 1] = "additionalProperties"
        defer { keywordPath[keywordPath.count - 1] = saved }
        var allowed = ""
        if !rules.declaredNames.isEmpty {
            allowed = "; the schema allows " + Describe.names(rules.declaredNames)
        }
        if !rules.patterns.isEmpty {
            allowed += (allowed.isEmpty ? "; the schema allows" : " and") + " names matching "
                + rules.patterns.map(\.regex.source).joined(separator: ", ")
        }
        return fail(node, "additionalProperties",
                    "the property \"\(name)\" is not allowed\(allowed)", at: .key(name))
    }
}
