import HubCore

/// Finding the schema resources, anchors and dialects of a document before compiling it.
extension Compilation {
    /// How a keyword holds subschemas, for walking a document.
    enum SubschemaShape {
        case single
        case array
        case map
        /// Draft-07 `items`: one schema or an array of them.
        case singleOrArray
        /// Draft-07 `dependencies`: a map whose values are schemas or property-name arrays.
        case mapOfSchemasOrNames
    }

    static func subschemaShape(of keyword: String, in draft: JSONSchemaDraft) -> SubschemaShape? {
        switch keyword {
        case "additionalProperties", "contains", "not", "if", "then", "else", "propertyNames":
            return .single
        case "allOf", "anyOf", "oneOf":
            return .array
        case "properties", "patternProperties", "definitions":
            return .map
        default:
            break
        }
        switch draft {
        case .draft2020_12:
            switch keyword {
            case "items", "unevaluatedItems", "unevaluatedProperties", "contentSchema":
                return .single
            case "prefixItems": return .array
            case "$defs", "dependentSchemas": return .map
            default: return nil
            }
        case .draft7:
            switch keyword {
            case "additionalItems": return .single
            case "items": return .singleOrArray
            case "dependencies": return .mapOfSchemasOrNames
            default: return nil
            }
        }
    }

    /// Records the schema at `address` and everything below it: resources (`$id`), anchors,
    /// dynamic anchors and the dialect in force at each position.
    func index(_ value: JSONValue, at address: SchemaAddress, baseURI: String,
               resourcePointer: String, dialect: Dialect) throws {
        let document = documents[address.document]
        guard case .object(let members) = value else {
            if case .bool = value {
                document.locations[address.pointer] = LocationInfo(
                    baseURI: baseURI, resourcePointer: resourcePointer, dialect: dialect)
            }
            return
        }
        var dialect = dialect
        var baseURI = baseURI
        var resourcePointer = resourcePointer
        let here = baseURI + "#" + address.pointer.dropFirst(resourcePointer.count)
        if address.pointer != "" {
            dialect = try dialectOf(value, at: here, default: dialect)
        }
        let ignoresSiblings = dialect.draft == .draft7 && value["$ref"] != nil

        if case .string(let id)? = value["$id"], !ignoresSiblings {
            if dialect.draft == .draft7, id.hasPrefix("#") {
                anchors[baseURI + id] = address
            } else {
                let (resolved, fragment) = SchemaURI.splitFragment(
                    SchemaURI.resolve(id, against: baseURI))
                if dialect.draft == .draft2020_12, let fragment, !fragment.isEmpty {
                    throw JSONSchemaError.invalidSchema(
                        location: here + "/$id",
                        message: "\"$id\" must not have a fragment (\"#\(fragment)\"); name "
                            + "the subschema with \"$anchor\" instead")
                }
                baseURI = resolved
                resourcePointer = address.pointer
                resourceRoots[resolved] = address
                if let fragment, !fragment.isEmpty { anchors[resolved + "#" + fragment] = address }
            }
        } else if address.pointer.isEmpty {
            resourceRoots[baseURI] = address
        }
        if dialect.draft == .draft2020_12 {
            try indexAnchors(value, at: address, baseURI: baseURI, location: here)
        }
        document.locations[address.pointer] = LocationInfo(
            baseURI: baseURI, resourcePointer: resourcePointer, dialect: dialect)

        for (keyword, child) in members {
            guard let shape = Self.subschemaShape(of: keyword, in: dialect.draft) else {
                continue
            }
            let keywordAddress = address.appending(keyword)
            func visit(_ value: JSONValue, _ childAddress: SchemaAddress) throws {
                try index(value, at: childAddress, baseURI: baseURI,
                          resourcePointer: resourcePointer, dialect: dialect)
            }
            switch (shape, child) {
            case (.single, _), (.singleOrArray, .object), (.singleOrArray, .bool):
                try visit(child, keywordAddress)
            case (.array, .array(let items)), (.singleOrArray, .array(let items)):
                for (position, item) in items.enumerated() {
                    try visit(item, keywordAddress.appending(String(position)))
                }
            case (.map, .object(let entries)), (.mapOfSchemasOrNames, .object(let entries)):
                for (name, entry) in entries {
                    if shape == .mapOfSchemasOrNames, case .array = entry { continue }
                    try visit(entry, keywordAddress.appending(name))
                }
            default:
                continue
            }
        }
    }

    private func indexAnchors(_ value: JSONValue, at address: SchemaAddress, baseURI: String,
                              location: String) throws {
        for keyword in ["$anchor", "$dynamicAnchor"] {
            guard let anchor = value[keyword] else { continue }
            guard case .string(let name) = anchor, Self.isAnchorName(name) else {
                throw JSONSchemaError.invalidSchema(
                    location: location + "/" + keyword,
                    message: "\"\(keyword)\" must be a name that starts with a letter or '_' "
                        + "followed by letters, digits, '-', '.' or '_', not \(anchor.text)")
            }
            if keyword == "$dynamicAnchor" {
                dynamicAnchors[baseURI, default: [:]][name] = address
                if anchors[baseURI + "#" + name] != nil { continue }
            }
            anchors[baseURI + "#" + name] = address
        }
    }

    static func isAnchorName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCIILetter || first == "_" else {
            return false
        }
        return name.unicodeScalars.allSatisfy {
            $0.isASCIILetter || $0.isASCIIDigit || $0 == "-" || $0 == "." || $0 == "_"
        }
    }

    // MARK: - Dialects

    /// The dialect of a schema object: from its `$schema` when it has one, else `inherited`.
    func dialectOf(_ value: JSONValue, at location: String, default inherited: Dialect) throws
        -> Dialect
    {
        guard let declared = value["$schema"] else { return inherited }
        guard case .string(let uri) = declared else {
            throw JSONSchemaError.invalidSchema(
                location: location + "/$schema",
                message: "\"$schema\" must be a URI string, not \(declared.text)")
        }
        if let draft = JSONSchemaDraft.named(by: uri) { return .standard(draft) }
        let metaschemaURI = SchemaURI.splitFragment(uri).base
        if let cached = dialectCache[metaschemaURI] { return cached }
        guard let metaschema = try fetchJSON(metaschemaURI) else {
            throw JSONSchemaError.unsupportedDialect(uri: uri, location: location + "/$schema")
        }
        let dialect = try dialectOfMetaschema(metaschema, uri: metaschemaURI)
        dialectCache[metaschemaURI] = dialect
        return dialect
    }

    /// The dialect a custom meta-schema defines through its `$vocabulary`, or the draft it
    /// declares itself when it lists none.
    private func dialectOfMetaschema(_ metaschema: JSONValue, uri: String) throws -> Dialect {
        guard case .object(let listed)? = metaschema["$vocabulary"] else {
            if case .string(let parent)? = metaschema["$schema"],
               let draft = JSONSchemaDraft.named(by: parent)
            {
                return .standard(draft)
            }
            throw JSONSchemaError.unsupportedDialect(uri: uri, location: uri)
        }
        var vocabularies: Vocabularies = [.core]
        for (vocabularyURI, required) in listed {
            if let known = Vocabularies.byURI[vocabularyURI] {
                vocabularies.insert(known)
            } else if required == .bool(true) {
                throw JSONSchemaError.unsupportedVocabulary(
                    uri: vocabularyURI, location: uri + "#/$vocabulary")
            }
        }
        return Dialect(draft: .draft2020_12, vocabularies: vocabularies)
    }
}
