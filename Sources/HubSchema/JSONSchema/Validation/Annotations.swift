/// Which items and properties of one instance the keywords of a schema evaluated, gathered
/// for `unevaluatedItems` and `unevaluatedProperties`.
///
/// A subschema's annotations count only when the subschema is valid; the evaluator merges
/// them into its parent's on success and drops them otherwise.
struct Annotations {
    /// Items `0..<itemPrefix` were evaluated (`prefixItems`).
    var itemPrefix = 0
    /// Every item was evaluated (`items`, `unevaluatedItems`).
    var allItems = false
    /// Items `contains` matched.
    var items: Set<Int> = []
    /// Every property was evaluated (`unevaluatedProperties`).
    var allProperties = false
    /// Properties `properties`, `patternProperties` or `additionalProperties` evaluated.
    var properties: Set<ExactString> = []

    mutating func merge(_ other: Annotations) {
        itemPrefix = max(itemPrefix, other.itemPrefix)
        allItems = allItems || other.allItems
        if !other.items.isEmpty { items.formUnion(other.items) }
        allProperties = allProperties || other.allProperties
        if !other.properties.isEmpty { properties.formUnion(other.properties) }
    }

    func evaluatedItem(_ index: Int) -> Bool {
        allItems || index < itemPrefix || items.contains(index)
    }

    func evaluatedProperty(_ name: String) -> Bool {
        allProperties || properties.contains(ExactString(name))
    }
}
