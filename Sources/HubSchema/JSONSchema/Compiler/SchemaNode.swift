import HubCore

/// One compiled schema: a boolean, or an object's keywords ready to run against an instance.
///
/// Nodes link to each other through `NodeLink`s, which do not retain: every node of a
/// compiled schema is owned by its `CompiledJSONSchema`, so `$ref` cycles cost no reference
/// cycles and evaluation does no reference counting along links. Nodes are filled in while a
/// schema compiles and never change afterwards, which makes them safe to share between threads.
final class SchemaNode: @unchecked Sendable {
    /// Where the node is, as `canonical-resource-URI#/pointer/inside/it`.
    let absoluteLocation: String
    /// The schema resource the node belongs to, for `$dynamicRef`'s dynamic scope.
    unowned(unsafe) let resource: SchemaResource
    /// For a boolean schema, its value; nil for an object schema.
    var constant: Bool?
    var keywords: [CompiledKeyword] = []
    /// True when the node has `unevaluatedItems` or `unevaluatedProperties`, so it gathers
    /// which items and properties its other keywords looked at.
    var gathersAnnotations = false

    init(absoluteLocation: String, resource: SchemaResource) {
        self.absoluteLocation = absoluteLocation
        self.resource = resource
    }
}

/// A non-retaining link to a node owned by the same compiled schema.
struct NodeLink: @unchecked Sendable {
    unowned(unsafe) let node: SchemaNode

    init(_ node: SchemaNode) {
        self.node = node
    }
}

/// A schema resource (a document root or a subschema with `$id`), with its dynamic anchors.
final class SchemaResource: @unchecked Sendable {
    let uri: String
    var dynamicAnchors: [String: NodeLink] = [:]

    init(uri: String) {
        self.uri = uri
    }
}

/// A keyword of a node: its name (for error locations) and what it checks.
struct CompiledKeyword: Sendable {
    let name: String
    let rule: KeywordRule
}

/// JSON instance types as a set, for `type`.
struct JSONTypeSet: OptionSet, Sendable {
    let rawValue: UInt8

    static let null = JSONTypeSet(rawValue: 1 << 0)
    static let boolean = JSONTypeSet(rawValue: 1 << 1)
    static let object = JSONTypeSet(rawValue: 1 << 2)
    static let array = JSONTypeSet(rawValue: 1 << 3)
    static let number = JSONTypeSet(rawValue: 1 << 4)
    static let string = JSONTypeSet(rawValue: 1 << 5)
    static let integer = JSONTypeSet(rawValue: 1 << 6)

    static let names: [(String, JSONTypeSet)] = [
        ("null", .null), ("boolean", .boolean), ("object", .object), ("array", .array),
        ("number", .number), ("string", .string), ("integer", .integer),
    ]

    var names: [String] {
        JSONTypeSet.names.filter { contains($0.1) }.map(\.0)
    }
}

/// The values of an `enum`, with strings in a set for a fast lookup.
struct EnumValues: Sendable {
    var strings: Set<ExactString> = []
    var others: [JSONValue] = []
    var all: [JSONValue] = []

    func contains(_ value: JSONValue) -> Bool {
        if case .string(let text) = value { return strings.contains(ExactString(text)) }
        return others.contains { JSONEquality.equal($0, value) }
    }
}

/// `properties`, `patternProperties` and `additionalProperties` of one object schema, which
/// are evaluated together in one pass over the instance's members.
final class PropertyRules: @unchecked Sendable {
    var named: [ExactString: NodeLink] = [:]
    /// The names in schema order, for messages.
    var declaredNames: [String] = []
    var patterns: [(regex: ECMARegex, node: NodeLink)] = []
    var additional: NodeLink?
    var hasProperties = false
    var hasPatternProperties = false
}

/// How a `$dynamicRef` finds its target at run time.
struct DynamicReference: Sendable {
    /// The statically resolved target, used when no dynamic anchor applies.
    var target: NodeLink
    /// The anchor name to look up in the dynamic scope, when the static target has a
    /// `$dynamicAnchor` of that name; nil makes the reference behave like `$ref`.
    var anchor: String?
}

enum KeywordRule: Sendable {
    case ref(NodeLink)
    case dynamicRef(DynamicReference)
    case type(JSONTypeSet)
    case enumeration(EnumValues)
    case constant(JSONValue)
    case multipleOf(ExactDecimal, literal: String)
    case minimum(ExactDecimal, literal: String)
    case exclusiveMinimum(ExactDecimal, literal: String)
    case maximum(ExactDecimal, literal: String)
    case exclusiveMaximum(ExactDecimal, literal: String)
    case minLength(Int)
    case maxLength(Int)
    case pattern(ECMARegex)
    case format(StringFormat, alwaysAsserted: Bool)
    case prefixItems([NodeLink])
    /// `items` (2020-12, or draft-07's single schema) or draft-07's `additionalItems`: the
    /// schema for every item from `start` on.
    case items(NodeLink, start: Int)
    case contains(NodeLink, minimum: Int, maximum: Int?)
    case minItems(Int)
    case maxItems(Int)
    case uniqueItems
    case required([String])
    case properties(PropertyRules)
    case propertyNames(NodeLink)
    case minProperties(Int)
    case maxProperties(Int)
    case dependentRequired([(property: String, required: [String])])
    case dependentSchemas([(property: String, node: NodeLink)])
    case allOf([NodeLink])
    case anyOf([NodeLink])
    case oneOf([NodeLink])
    case not(NodeLink)
    case conditional(condition: NodeLink, then: NodeLink?, otherwise: NodeLink?)
    case unevaluatedItems(NodeLink)
    case unevaluatedProperties(NodeLink)
}
