import HubCore

/// Keywords about arrays.
extension Evaluator {
    mutating func evaluateArray(
        _ keyword: CompiledKeyword, of node: SchemaNode, _ items: [JSONValue],
        _ annotations: inout Annotations?
    ) -> Bool {
        switch keyword.rule {
        case .prefixItems(let schemas):
            var valid = true
            for index in 0..<min(items.count, schemas.count) {
                if collecting { keywordPath.append(String(index)) }
                let passed = evaluateChild(schemas[index].node, items[index], at: .index(index))
                if collecting { keywordPath.removeLast() }
                if !passed {
                    valid = false
                    if !collecting || isFull { return false }
                }
            }
            if let previous = annotations?.itemPrefix {
                annotations?.itemPrefix = max(previous, min(items.count, schemas.count))
            }
            return valid
        case .items(let schema, let start):
            return evaluateItems(schema.node, keyword.name, of: node, items, from: start,
                                 &annotations)
        case .unevaluatedItems(let schema):
            var valid = true
            for index in items.indices where !(annotations?.evaluatedItem(index) ?? false) {
                if schema.node.constant == false {
                    return fail(node, "unevaluatedItems", "item \(index) is not allowed: no "
                                + "other keyword of the schema covers it", at: .index(index))
                }
                if !evaluateChild(schema.node, items[index], at: .index(index)) {
                    valid = false
                    if !collecting || isFull { return false }
                }
            }
            annotations?.allItems = true
            return valid
        case .contains(let schema, let minimum, let maximum):
            return evaluateContains(schema.node, of: node, items, minimum, maximum, &annotations)
        case .minItems(let minimum):
            if items.count >= minimum { return true }
            return fail(node, "minItems", "the array has \(Describe.plural(items.count, "item"))"
                        + ", fewer than the minimum of \(minimum)")
        case .maxItems(let maximum):
            if items.count <= maximum { return true }
            return fail(node, "maxItems", "the array has \(Describe.plural(items.count, "item"))"
                        + ", more than the maximum of \(maximum)")
        case .uniqueItems:
            guard let (first, second) = Self.firstDuplicate(items) else { return true }
            return fail(node, "uniqueItems", "items \(first) and \(second) are equal "
                        + "(\(Describe.value(items[first]))); items must be unique")
        default:
            return true
        }
    }

    private mutating func evaluateItems(
        _ schema: SchemaNode, _ name: String, of node: SchemaNode, _ items: [JSONValue],
        from start: Int, _ annotations: inout Annotations?
    ) -> Bool {
        var valid = true
        if start < items.count, schema.constant == false {
            return fail(node, name, "the array may have at most "
                        + "\(Describe.plural(start, "item")), found \(items.count)",
                        at: .index(start))
        }
        for index in start..<max(start, items.count) {
            if !evaluateChild(schema, items[index], at: .index(index)) {
                valid = false
                if !collecting || isFull { return false }
            }
        }
        annotations?.allItems = true
        return valid
    }

    private mutating func evaluateContains(
        _ schema: SchemaNode, of node: SchemaNode, _ items: [JSONValue], _ minimum: Int,
        _ maximum: Int?, _ annotations: inout Annotations?
    ) -> Bool {
        var matches = 0
        for (index, item) in items.enumerated() {
            var none: Annotations?
            guard evaluateQuietly(schema, item, &none) else { continue }
            matches += 1
            annotations?.items.insert(index)
            if annotations == nil, maximum == nil, matches >= minimum { break }
        }
        if matches < minimum {
            let found = matches == 0 ? "no item matches" : "only \(matches) of the items match"
            return fail(node, "contains", "\(found) the \"contains\" schema; at least "
                        + "\(minimum) must")
        }
        if let maximum, matches > maximum {
            if collecting { keywordPath[keywordPath.count - 1] = "maxContains" }
            return fail(node, "maxContains", "\(matches) items match the \"contains\" schema, "
                        + "more than the maximum of \(maximum)")
        }
        return true
    }

    /// The indexes of the first two JSON-equal items, if any.
    static func firstDuplicate(_ items: [JSONValue]) -> (Int, Int)? {
        if items.count <= 16 {
            for first in items.indices {
                for second in (first + 1)..<items.count
                where JSONEquality.equal(items[first], items[second]) {
                    return (first, second)
                }
            }
            return nil
        }
        var seen: [ExactString: Int] = [:]
        for (index, item) in items.enumerated() {
            let key = ExactString(JSONEquality.canonicalKey(item))
            if let earlier = seen[key] { return (earlier, index) }
            seen[key] = index
        }
        return nil
    }
}
