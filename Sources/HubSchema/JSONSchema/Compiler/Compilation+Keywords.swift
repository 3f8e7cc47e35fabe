import HubCore

/// Turning one schema object into the keywords of its node, checking each keyword's value.
extension Compilation {
    func fill(_ node: SchemaNode, at address: SchemaAddress) throws {
        guard let value = value(at: address) else { return }
        switch value {
        case .bool(let flag):
            node.constant = flag
        case .object:
            var reader = KeywordReader(compilation: self, node: node, address: address,
                                       schema: value, dialect: info(at: address).dialect)
            try reader.readAll()
            node.keywords = reader.keywords
            node.gathersAnnotations = reader.keywords.contains {
                switch $0.rule {
                case .unevaluatedItems, .unevaluatedProperties: return true
                default: return false
                }
            }
        default:
            throw JSONSchemaError.invalidSchema(
                location: node.absoluteLocation,
                message: "a schema must be an object or a boolean, not \(value.text)")
        }
    }
}

/// Reads the keywords of one schema object in evaluation order.
struct KeywordReader {
    let compilation: Compilation
    let node: SchemaNode
    let address: SchemaAddress
    let schema: JSONValue
    let dialect: Dialect
    var keywords: [CompiledKeyword] = []

    var isDraft7: Bool { dialect.draft == .draft7 }

    mutating func readAll() throws {
        if isDraft7, let reference = schema["$ref"] {
            // Draft-07: "$ref" replaces every other keyword of its object.
            try readReference(reference, keyword: "$ref")
            return
        }
        if let reference = schema["$ref"] { try readReference(reference, keyword: "$ref") }
        if !isDraft7, let reference = schema["$dynamicRef"] {
            try readDynamicReference(reference)
        }
        if dialect.has(.validation) {
            try readGenericValidation()
            try readNumberValidation()
            try readStringValidation()
        }
        try readFormat()
        try readArrayKeywords()
        try readObjectKeywords()
        if dialect.has(.applicator) { try readCombinators() }
        if !isDraft7, dialect.has(.unevaluated) {
            if schema["unevaluatedItems"] != nil {
                add("unevaluatedItems", .unevaluatedItems(child("unevaluatedItems")))
            }
            if schema["unevaluatedProperties"] != nil {
                add("unevaluatedProperties",
                    .unevaluatedProperties(child("unevaluatedProperties")))
            }
        }
    }

    // MARK: - Helpers

    mutating func add(_ name: String, _ rule: KeywordRule) {
        keywords.append(CompiledKeyword(name: name, rule: rule))
    }

    func child(_ keyword: String) -> NodeLink {
        NodeLink(compilation.node(at: address.appending(keyword)))
    }

    func child(_ keyword: String, _ token: String) -> NodeLink {
        NodeLink(compilation.node(at: address.appending(keyword).appending(token)))
    }

    func invalid(_ keyword: String, _ message: String) -> JSONSchemaError {
        .invalidSchema(location: node.absoluteLocation + "/" + JSONPointer.escape(keyword),
                       message: message)
    }

    func number(_ keyword: String) throws -> (ExactDecimal, String)? {
        guard let value = schema[keyword] else { return nil }
        guard case .number(let literal) = value, let number = ExactDecimal(literal) else {
            throw invalid(keyword, "\"\(keyword)\" must be a number, not \(value.text)")
        }
        return (number, literal)
    }

    func count(_ keyword: String) throws -> Int? {
        guard let value = schema[keyword] else { return nil }
        guard case .number(let literal) = value, let number = ExactDecimal(literal),
              number.isInteger, !number.isNegative
        else {
            throw invalid(keyword,
                          "\"\(keyword)\" must be a non-negative integer, not \(value.text)")
        }
        return number.intValue ?? Int.max
    }

    func stringArray(_ keyword: String, _ value: JSONValue) throws -> [String] {
        guard case .array(let items) = value else {
            throw invalid(keyword, "\"\(keyword)\" must be an array of strings, not \(value.text)")
        }
        return try items.map {
            guard case .string(let text) = $0 else {
                throw invalid(keyword, "\"\(keyword)\" must hold only strings, not \($0.text)")
            }
            return text
        }
    }

    func schemaArray(_ keyword: String, allowEmpty: Bool = false) throws -> [NodeLink] {
        guard case .array(let items)? = schema[keyword], allowEmpty || !items.isEmpty else {
            throw invalid(keyword, "\"\(keyword)\" must be a non-empty array of schemas")
        }
        return items.indices.map { child(keyword, String($0)) }
    }

    func schemaMap(_ keyword: String) throws -> [(String, NodeLink)] {
        guard case .object(let entries)? = schema[keyword] else {
            throw invalid(keyword, "\"\(keyword)\" must be an object whose values are schemas")
        }
        return entries.map { ($0.0, child(keyword, $0.0)) }
    }

    func regex(_ pattern: String, keyword: String) throws -> ECMARegex {
        do {
            return try compilation.regexCache.regex(pattern)
        } catch {
            let location = node.absoluteLocation + "/" + JSONPointer.escape(keyword)
            if error.isUnsupported {
                throw JSONSchemaError.unsupportedPattern(
                    pattern: pattern, location: location, reason: error.message,
                    offset: error.offset)
            }
            throw JSONSchemaError.invalidPattern(
                pattern: pattern, location: location,
                reason: "\(error.message) at character \(error.offset + 1)")
        }
    }

    // MARK: - References

    mutating func readReference(_ value: JSONValue, keyword: String) throws {
        guard case .string(let reference) = value else {
            throw invalid(keyword, "\"\(keyword)\" must be a URI reference string")
        }
        let target = try compilation.resolveReference(reference, from: address, keyword: keyword)
        add(keyword, .ref(NodeLink(target)))
    }

    mutating func readDynamicReference(_ value: JSONValue) throws {
        guard case .string(let reference) = value else {
            throw invalid("$dynamicRef", "\"$dynamicRef\" must be a URI reference string")
        }
        let target = try compilation.resolveReference(reference, from: address,
                                                      keyword: "$dynamicRef")
        let anchor = compilation.dynamicAnchorName(reference, from: address)
        if anchor != nil { compilation.usesDynamicScope = true }
        add("$dynamicRef", .dynamicRef(DynamicReference(target: NodeLink(target), anchor: anchor)))
    }

    // MARK: - Validation vocabulary

    mutating func readGenericValidation() throws {
        if let value = schema["type"] {
            var types: JSONTypeSet = []
            let names: [JSONValue]
            if case .array(let list) = value { names = list } else { names = [value] }
            for name in names {
                guard case .string(let text) = name,
                      let type = JSONTypeSet.names.first(where: { $0.0 == text })?.1
                else {
                    throw invalid("type", "\"type\" must name types among null, boolean, "
                                  + "object, array, number, string, integer; not \(name.text)")
                }
                types.insert(type)
            }
            add("type", .type(types))
        }
        if let value = schema["enum"] {
            guard case .array(let items) = value else {
                throw invalid("enum", "\"enum\" must be an array of the allowed values")
            }
            var values = EnumValues()
            values.all = items
            for item in items {
                if case .string(let text) = item {
                    values.strings.insert(ExactString(text))
                } else {
                    values.others.append(item)
                }
            }
            add("enum", .enumeration(values))
        }
        if let value = schema["const"] { add("const", .constant(value)) }
    }

    mutating func readNumberValidation() throws {
        if let (divisor, literal) = try number("multipleOf") {
            guard divisor > .zero else {
                throw invalid("multipleOf", "\"multipleOf\" must be greater than 0, not \(literal)")
            }
            add("multipleOf", .multipleOf(divisor, literal: literal))
        }
        if let (bound, literal) = try number("minimum") {
            add("minimum", .minimum(bound, literal: literal))
        }
        if let (bound, literal) = try number("exclusiveMinimum") {
            add("exclusiveMinimum", .exclusiveMinimum(bound, literal: literal))
        }
        if let (bound, literal) = try number("maximum") {
            add("maximum", .maximum(bound, literal: literal))
        }
        if let (bound, literal) = try number("exclusiveMaximum") {
            add("exclusiveMaximum", .exclusiveMaximum(bound, literal: literal))
        }
    }

    mutating func readStringValidation() throws {
        if let length = try count("minLength") { add("minLength", .minLength(length)) }
        if let length = try count("maxLength") { add("maxLength", .maxLength(length)) }
        if let value = schema["pattern"] {
            guard case .string(let pattern) = value else {
                throw invalid("pattern", "\"pattern\" must be a regular expression string")
            }
            add("pattern", .pattern(try regex(pattern, keyword: "pattern")))
        }
    }

    mutating func readFormat() throws {
        guard let value = schema["format"] else { return }
        guard case .string(let name) = value else {
            throw invalid("format", "\"format\" must be a string, not \(value.text)")
        }
        let asserted = !isDraft7 && dialect.vocabularies.contains(.formatAssertion)
        guard isDraft7 || asserted || dialect.has(.formatAnnotation) else { return }
        guard let format = StringFormat(rawValue: name) else { return }
        add("format", .format(format, alwaysAsserted: asserted))
    }

    // MARK: - Arrays

    mutating func readArrayKeywords() throws {
        if dialect.has(.applicator) {
            if isDraft7 {
                try readDraft7Items()
            } else {
                var prefixCount = 0
                if schema["prefixItems"] != nil {
                    let prefix = try schemaArray("prefixItems")
                    prefixCount = prefix.count
                    add("prefixItems", .prefixItems(prefix))
                }
                if schema["items"] != nil {
                    if case .array = schema["items"] {
                        throw invalid("items", "in 2020-12 \"items\" is one schema; write a "
                                      + "list of schemas as \"prefixItems\"")
                    }
                    add("items", .items(child("items"), start: prefixCount))
                }
            }
            if schema["contains"] != nil {
                var minimum = 1
                var maximum: Int?
                if !isDraft7, dialect.has(.validation) {
                    minimum = try count("minContains") ?? 1
                    maximum = try count("maxContains")
                }
                add("contains", .contains(child("contains"), minimum: minimum, maximum: maximum))
            }
        }
        guard dialect.has(.validation) else { return }
        if let size = try count("minItems") { add("minItems", .minItems(size)) }
        if let size = try count("maxItems") { add("maxItems", .maxItems(size)) }
        if let value = schema["uniqueItems"] {
            guard case .bool(let unique) = value else {
                throw invalid("uniqueItems", "\"uniqueItems\" must be true or false")
            }
            if unique { add("uniqueItems", .uniqueItems) }
        }
    }

    mutating func readDraft7Items() throws {
        switch schema["items"] {
        case .array?:
            let tuple = try schemaArray("items", allowEmpty: true)
            add("items", .prefixItems(tuple))
            if schema["additionalItems"] != nil {
                add("additionalItems", .items(child("additionalItems"), start: tuple.count))
            }
        case .some:
            add("items", .items(child("items"), start: 0))
        case nil:
            break
        }
    }

    // MARK: - Objects

    mutating func readObjectKeywords() throws {
        if dialect.has(.validation), let value = schema["required"] {
            let names = try stringArray("required", value)
            if !names.isEmpty { add("required", .required(names)) }
        }
        if dialect.has(.applicator) { try readPropertyRules() }
        if dialect.has(.applicator), schema["propertyNames"] != nil {
            add("propertyNames", .propertyNames(child("propertyNames")))
        }
        if dialect.has(.validation) {
            if let size = try count("minProperties") { add("minProperties", .minProperties(size)) }
            if let size = try count("maxProperties") { add("maxProperties", .maxProperties(size)) }
        }
        if isDraft7 {
            try readDependencies()
            return
        }
        if dialect.has(.validation), let value = schema["dependentRequired"] {
            guard case .object(let entries) = value else {
                throw invalid("dependentRequired", "\"dependentRequired\" must be an object of "
                              + "property name arrays")
            }
            let rules = try entries.map {
                (property: $0.0, required: try stringArray("dependentRequired", $0.1))
            }
            add("dependentRequired", .dependentRequired(rules))
        }
        if dialect.has(.applicator), schema["dependentSchemas"] != nil {
            let rules = try schemaMap("dependentSchemas").map { (property: $0.0, node: $0.1) }
            add("dependentSchemas", .dependentSchemas(rules))
        }
    }

    mutating func readPropertyRules() throws {
        let rules = PropertyRules()
        if schema["properties"] != nil {
            rules.hasProperties = true
            for (name, link) in try schemaMap("properties") {
                rules.named[ExactString(name)] = link
                rules.declaredNames.append(name)
            }
        }
        if schema["patternProperties"] != nil {
            rules.hasPatternProperties = true
            for (pattern, link) in try schemaMap("patternProperties") {
                rules.patterns.append((try regex(pattern, keyword: "patternProperties"), link))
            }
        }
        if schema["additionalProperties"] != nil {
            rules.additional = child("additionalProperties")
        }
        guard rules.hasProperties || rules.hasPatternProperties || rules.additional != nil else {
            return
        }
        add("properties", .properties(rules))
    }

    mutating func readDependencies() throws {
        guard let value = schema["dependencies"] else { return }
        guard case .object(let entries) = value else {
            throw invalid("dependencies", "\"dependencies\" must be an object")
        }
        var required: [(property: String, required: [String])] = []
        var schemas: [(property: String, node: NodeLink)] = []
        for (name, entry) in entries {
            if case .array = entry {
                required.append((name, try stringArray("dependencies", entry)))
            } else {
                schemas.append((name, child("dependencies", name)))
            }
        }
        if !required.isEmpty { add("dependencies", .dependentRequired(required)) }
        if !schemas.isEmpty { add("dependencies", .dependentSchemas(schemas)) }
    }

    // MARK: - Combinators

    mutating func readCombinators() throws {
        if schema["allOf"] != nil { add("allOf", .allOf(try schemaArray("allOf"))) }
        if schema["anyOf"] != nil { add("anyOf", .anyOf(try schemaArray("anyOf"))) }
        if schema["oneOf"] != nil { add("oneOf", .oneOf(try schemaArray("oneOf"))) }
        if schema["not"] != nil { add("not", .not(child("not"))) }
        if schema["if"] != nil {
            let then = schema["then"] != nil ? child("then") : nil
            let otherwise = schema["else"] != nil ? child("else") : nil
            // An "if" without "then" or "else" still counts its annotations for the
            // unevaluated keywords, so it is kept.
            add("if", .conditional(condition: child("if"), then: then, otherwise: otherwise))
        }
    }
}
