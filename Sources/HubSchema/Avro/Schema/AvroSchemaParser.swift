import HubCore

/// Turns schema JSON into an `AvroType` tree, checking names, namespaces, unions and attributes as
/// it goes; every error carries the JSON Pointer of the offending node.
struct AvroSchemaParser {
    /// Named types by full name, each with the path where it was defined.
    private(set) var definitions: [String: AvroType] = [:]
    private var definedAt: [String: AvroPath] = [:]
    private(set) var warnings: [AvroSchemaWarning] = []
    /// Field defaults to check once every named type is known.
    private var pendingDefaults: [(path: AvroPath, type: AvroType, value: JSONValue)] = []

    mutating func parseRoot(_ json: JSONValue) throws -> AvroType {
        try type(json, at: AvroPath(), namespace: nil)
    }

    /// Checks the recorded field defaults against their types. With `strict` false an invalid
    /// default only adds a warning and stays in the tree as written.
    mutating func checkDefaults(strict: Bool) throws {
        let reader = AvroJSONReader(definitions: definitions, mode: .defaultValue)
        for pending in pendingDefaults {
            do {
                _ = try reader.read(pending.value, as: pending.type, at: pending.path)
            } catch let error as AvroDatumError {
                let message = "invalid default: \(error.message)"
                if strict { throw AvroSchemaError(path: error.path, message: message) }
                warnings.append(AvroSchemaWarning(path: error.path, message: message + "; kept"))
            }
        }
    }

    // MARK: - Any schema

    private mutating func type(
        _ json: JSONValue, at path: AvroPath, namespace: String?
    ) throws -> AvroType {
        switch json {
        case .string(let name):
            return try reference(name, at: path, namespace: namespace)
        case .array(let branches):
            return try union(branches, at: path, namespace: namespace)
        case .object:
            return try object(json, at: path, namespace: namespace)
        default:
            throw AvroSchemaError(
                path: path.description,
                message: "a schema is a type name, an object or a union array; got \(json.text)")
        }
    }

    private func reference(
        _ name: String, at path: AvroPath, namespace: String?
    ) throws -> AvroType {
        if let primitive = AvroType.primitiveNames[name] { return primitive }
        let full = AvroName(name, in: namespace)
        if definedAt[full.fullName] != nil { return .reference(full) }
        var message = "unknown type '\(name)'"
        if full.fullName != name { message += " (looked up as '\(full.fullName)')" }
        message += "; named types must be defined before they are used"
        throw AvroSchemaError(path: path.description, message: message)
    }

    private mutating func union(
        _ branches: [JSONValue], at path: AvroPath, namespace: String?
    ) throws -> AvroType {
        var types: [AvroType] = []
        var seen: [String: Int] = [:]
        for (index, branch) in branches.enumerated() {
            let branchPath = path.appending(index)
            let parsed = try type(branch, at: branchPath, namespace: namespace)
            if case .union = parsed {
                throw AvroSchemaError(
                    path: branchPath.description,
                    message: "a union cannot contain another union; list its branches directly")
            }
            let key = parsed.typeName
            if let first = seen[key] {
                throw AvroSchemaError(
                    path: branchPath.description,
                    message: "union repeats type '\(key)' (branches \(first) and \(index));"
                        + " a union holds each unnamed type and each name once")
            }
            seen[key] = index
            types.append(parsed)
        }
        return .union(types)
    }

    private mutating func object(
        _ json: JSONValue, at path: AvroPath, namespace: String?
    ) throws -> AvroType {
        guard let typeValue = json["type"] else {
            throw AvroSchemaError(path: path.description, message: "missing attribute 'type'")
        }
        guard case .string(let typeName) = typeValue else {
            return try type(typeValue, at: path.appending("type"), namespace: namespace)
        }
        switch typeName {
        case "record", "error":
            return try record(json, at: path, namespace: namespace)
        case "enum":
            return try enumeration(json, at: path, namespace: namespace)
        case "fixed":
            return try fixed(json, at: path, namespace: namespace)
        case "array":
            let items = try required("items", in: json, at: path)
            return .array(try type(items, at: path.appending("items"), namespace: namespace))
        case "map":
            let values = try required("values", in: json, at: path)
            return .map(try type(values, at: path.appending("values"), namespace: namespace))
        default:
            let base = try reference(typeName, at: path.appending("type"), namespace: namespace)
            return logical(json, over: base, at: path)
        }
    }

    // MARK: - Named types

    private mutating func record(
        _ json: JSONValue, at path: AvroPath, namespace: String?
    ) throws -> AvroType {
        let name = try define(json, at: path, namespace: namespace)
        let fieldsPath = path.appending("fields")
        guard case .array(let fieldValues) = try required("fields", in: json, at: path) else {
            throw AvroSchemaError(
                path: fieldsPath.description, message: "'fields' must be an array of fields")
        }
        var fields: [AvroField] = []
        var fieldIndex: [String: Int] = [:]
        for (index, fieldJSON) in fieldValues.enumerated() {
            let fieldPath = fieldsPath.appending(index)
            let field = try field(fieldJSON, at: fieldPath, namespace: name.namespace)
            if let first = fieldIndex[field.name] {
                throw AvroSchemaError(
                    path: fieldPath.appending("name").description,
                    message: "record '\(name)' has two fields named '\(field.name)'"
                        + " (fields \(first) and \(index))")
            }
            fieldIndex[field.name] = index
            fields.append(field)
        }
        let record = AvroRecord(
            name: name, aliases: try aliases(json, at: path, namespace: name.namespace),
            doc: json["doc"]?.stringValue, fields: fields)
        definitions[name.fullName] = .record(record)
        return .record(record)
    }

    private mutating func field(
        _ json: JSONValue, at path: AvroPath, namespace: String?
    ) throws -> AvroField {
        guard case .object = json else {
            throw AvroSchemaError(path: path.description, message: "a field must be an object")
        }
        let name = try string("name", in: json, at: path)
        guard AvroName.isValidSimpleName(name) else {
            throw AvroSchemaError(
                path: path.appending("name").description,
                message: "invalid field name '\(name)'; use letters, digits and '_',"
                    + " not starting with a digit")
        }
        let typeJSON = try required("type", in: json, at: path)
        let fieldType = try type(typeJSON, at: path.appending("type"), namespace: namespace)
        var order = AvroSortOrder.ascending
        if let orderJSON = json["order"] {
            guard let text = orderJSON.stringValue, let parsed = AvroSortOrder(rawValue: text)
            else {
                throw AvroSchemaError(
                    path: path.appending("order").description,
                    message: "order must be \"ascending\", \"descending\" or \"ignore\"")
            }
            order = parsed
        }
        let defaultValue = json["default"]
        if let defaultValue {
            pendingDefaults.append((path.appending("default"), fieldType, defaultValue))
        }
        let aliasNames = try stringList("aliases", in: json, at: path)
        for (index, alias) in aliasNames.enumerated() where !AvroName.isValidSimpleName(alias) {
            throw AvroSchemaError(
                path: path.appending("aliases").appending(index).description,
                message: "invalid field alias '\(alias)'")
        }
        return AvroField(
            name: name, type: fieldType, defaultValue: defaultValue, aliases: aliasNames,
            order: order, doc: json["doc"]?.stringValue)
    }

    private mutating func enumeration(
        _ json: JSONValue, at path: AvroPath, namespace: String?
    ) throws -> AvroType {
        let name = try define(json, at: path, namespace: namespace)
        guard json["symbols"] != nil else {
            throw AvroSchemaError(path: path.description, message: "missing attribute 'symbols'")
        }
        let symbols = try stringList("symbols", in: json, at: path)
        var seen: [String: Int] = [:]
        for (index, symbol) in symbols.enumerated() {
            let symbolPath = path.appending("symbols").appending(index).description
            guard AvroName.isValidSimpleName(symbol) else {
                throw AvroSchemaError(path: symbolPath, message: "invalid enum symbol '\(symbol)'")
            }
            if let first = seen[symbol] {
                throw AvroSchemaError(
                    path: symbolPath,
                    message: "enum '\(name)' repeats symbol '\(symbol)' (at \(first) and \(index))")
            }
            seen[symbol] = index
        }
        var defaultSymbol: String?
        if let defaultJSON = json["default"] {
            guard let text = defaultJSON.stringValue, seen[text] != nil else {
                throw AvroSchemaError(
                    path: path.appending("default").description,
                    message: "enum default must be one of its symbols; got \(defaultJSON.text)")
            }
            defaultSymbol = text
        }
        let enumeration = AvroEnum(
            name: name, aliases: try aliases(json, at: path, namespace: name.namespace),
            doc: json["doc"]?.stringValue, symbols: symbols, defaultSymbol: defaultSymbol)
        definitions[name.fullName] = .enumeration(enumeration)
        return .enumeration(enumeration)
    }

    private mutating func fixed(
        _ json: JSONValue, at path: AvroPath, namespace: String?
    ) throws -> AvroType {
        let name = try define(json, at: path, namespace: namespace)
        let sizeJSON = try required("size", in: json, at: path)
        guard let size = Self.nonNegativeInteger(sizeJSON) else {
            throw AvroSchemaError(
                path: path.appending("size").description,
                message: "size must be a non-negative whole number; got \(sizeJSON.text)")
        }
        // libavro allocates a fixed's full size for each schema, and no event could hold more.
        guard size <= HubSpec.maxEventSizeLimit else {
            throw AvroSchemaError(
                path: path.appending("size").description,
                message: "size \(size) exceeds the largest event a hub can hold"
                    + " (\(HubSpec.maxEventSizeLimit) bytes)")
        }
        var fixed = AvroFixed(
            name: name, aliases: try aliases(json, at: path, namespace: name.namespace),
            doc: json["doc"]?.stringValue, size: size, logicalType: nil)
        fixed.logicalType = fixedLogicalType(json, size: size, at: path)
        definitions[name.fullName] = .fixed(fixed)
        return .fixed(fixed)
    }

    /// Reads `name` and `namespace`, checks them and claims the full name.
    private mutating func define(
        _ json: JSONValue, at path: AvroPath, namespace: String?
    ) throws -> AvroName {
        let text = try string("name", in: json, at: path)
        var space = namespace
        if let spaceJSON = json["namespace"] {
            guard let spaceText = spaceJSON.stringValue,
                spaceText.isEmpty || AvroName.isValidFullName(spaceText)
            else {
                throw AvroSchemaError(
                    path: path.appending("namespace").description,
                    message: "invalid namespace \(spaceJSON.text); use dotted names like"
                        + " \"com.example\"")
            }
            space = spaceText
        }
        guard AvroName.isValidFullName(text) else {
            throw AvroSchemaError(
                path: path.appending("name").description,
                message: "invalid name '\(text)'; use letters, digits and '_' (dots separate a"
                    + " namespace)")
        }
        let name = AvroName(text, in: space)
        if AvroType.primitiveNames[name.name] != nil {
            throw AvroSchemaError(
                path: path.appending("name").description,
                message: "'\(name.name)' is a primitive type name and cannot name a type")
        }
        if let earlier = definedAt[name.fullName] {
            throw AvroSchemaError(
                path: path.appending("name").description,
                message: "type '\(name)' is already defined at \(earlier)")
        }
        definedAt[name.fullName] = path
        return name
    }

    private func aliases(
        _ json: JSONValue, at path: AvroPath, namespace: String?
    ) throws -> [AvroName] {
        let texts = try stringList("aliases", in: json, at: path)
        return try texts.enumerated().map { index, text in
            guard AvroName.isValidFullName(text) else {
                throw AvroSchemaError(
                    path: path.appending("aliases").appending(index).description,
                    message: "invalid alias '\(text)'")
            }
            return AvroName(text, in: namespace)
        }
    }

    // MARK: - Logical types

    /// The primitive `base` with the logical type of `json`, or `base` alone when the logical
    /// type is absent, unknown or invalid (with a warning for the last two).
    private mutating func logical(
        _ json: JSONValue, over base: AvroType, at path: AvroPath
    ) -> AvroType {
        guard let annotation = json["logicalType"] else { return base }
        let logicalPath = path.appending("logicalType")
        guard let name = annotation.stringValue else {
            warn(logicalPath, "logicalType must be a string; ignored")
            return base
        }
        if name == "decimal" {
            guard base == .bytes else {
                warn(
                    logicalPath, "decimal applies to bytes or fixed, not \(base.typeName); ignored")
                return base
            }
            guard let decimal = decimal(json, maxPrecision: nil, at: path) else { return base }
            return .logical(decimal, base)
        }
        guard let (logicalType, expected) = AvroLogicalType.plain[name] else {
            warn(logicalPath, "unknown logical type '\(name)'; using \(base.typeName)")
            return base
        }
        guard expected == base else {
            warn(
                logicalPath,
                "\(name) applies to \(expected.typeName), not \(base.typeName); ignored")
            return base
        }
        return .logical(logicalType, base)
    }

    private mutating func fixedLogicalType(
        _ json: JSONValue, size: Int, at path: AvroPath
    ) -> AvroLogicalType? {
        guard let annotation = json["logicalType"] else { return nil }
        let logicalPath = path.appending("logicalType")
        switch annotation.stringValue {
        case "decimal":
            let most = AvroLogicalType.maxDecimalPrecision(fixedSize: size)
            return decimal(json, maxPrecision: most, at: path)
        case "duration":
            if size == 12 { return .duration }
            warn(logicalPath, "duration needs a fixed of size 12, not \(size); ignored")
        case "uuid":
            if size == 16 { return .uuid }
            warn(logicalPath, "uuid needs a fixed of size 16, not \(size); ignored")
        default:
            warn(logicalPath, "logical type \(annotation.text) does not apply to fixed; ignored")
        }
        return nil
    }

    private mutating func decimal(
        _ json: JSONValue, maxPrecision: Int?, at path: AvroPath
    ) -> AvroLogicalType? {
        guard let precisionJSON = json["precision"],
            let precision = Self.nonNegativeInteger(precisionJSON), precision > 0
        else {
            warn(path.appending("precision"), "decimal needs a positive precision; ignored")
            return nil
        }
        var scale = 0
        if let scaleJSON = json["scale"] {
            guard let value = Self.nonNegativeInteger(scaleJSON), value <= precision else {
                warn(path.appending("scale"), "decimal scale must be 0...precision; ignored")
                return nil
            }
            scale = value
        }
        if let maxPrecision, precision > maxPrecision {
            warn(
                path.appending("precision"),
                "precision \(precision) does not fit the fixed (at most \(maxPrecision)); ignored")
            return nil
        }
        return .decimal(precision: precision, scale: scale)
    }

    private mutating func warn(_ path: AvroPath, _ message: String) {
        warnings.append(AvroSchemaWarning(path: path.description, message: message))
    }

    // MARK: - Attributes

    private func required(_ key: String, in json: JSONValue, at path: AvroPath) throws -> JSONValue
    {
        guard let value = json[key] else {
            throw AvroSchemaError(path: path.description, message: "missing attribute '\(key)'")
        }
        return value
    }

    private func string(_ key: String, in json: JSONValue, at path: AvroPath) throws -> String {
        let value = try required(key, in: json, at: path)
        guard let text = value.stringValue else {
            throw AvroSchemaError(
                path: path.appending(key).description,
                message: "'\(key)' must be a string; got \(value.text)")
        }
        return text
    }

    /// The strings of an optional array attribute; empty when absent.
    private func stringList(
        _ key: String, in json: JSONValue, at path: AvroPath
    ) throws -> [String] {
        guard let value = json[key] else { return [] }
        guard case .array(let items) = value else {
            throw AvroSchemaError(
                path: path.appending(key).description,
                message: "'\(key)' must be an array of strings")
        }
        return try items.enumerated().map { index, item in
            guard let text = item.stringValue else {
                throw AvroSchemaError(
                    path: path.appending(key).appending(index).description,
                    message: "expected a string; got \(item.text)")
            }
            return text
        }
    }

    /// A JSON number written as a whole number that fits an Int, such as `16`.
    static func nonNegativeInteger(_ json: JSONValue) -> Int? {
        guard case .number(let literal) = json, let value = Int(literal), value >= 0 else {
            return nil
        }
        return value
    }
}
