import HubCore

/// Where a subschema sits: a loaded document and a JSON Pointer (escaped text) inside it.
struct SchemaAddress: Hashable {
    var document: Int
    var pointer: String

    func appending(_ token: String) -> SchemaAddress {
        SchemaAddress(document: document, pointer: pointer + "/" + JSONPointer.escape(token))
    }
}

/// What holds at a subschema's position: the base URI of its resource, where that resource
/// starts, and the dialect its keywords are read in.
struct LocationInfo {
    var baseURI: String
    var resourcePointer: String
    var dialect: Dialect
}

/// A document loaded during one compilation, with every schema position found in it.
final class LoadedDocument {
    let json: JSONValue
    let retrievalURI: String
    var locations: [String: LocationInfo] = [:]

    init(json: JSONValue, retrievalURI: String) {
        self.json = json
        self.retrievalURI = retrievalURI
    }
}

/// The work of compiling one schema: loading the documents it reaches, indexing their
/// identifiers, and turning each reachable subschema into a `SchemaNode` exactly once.
///
/// Nodes are made empty when first named and filled from a work list, so `$ref` cycles and
/// deep schemas need no recursion in the compiler.
final class Compilation {
    let resolver: any JSONSchemaResolver
    let regexCache: ECMARegexCache

    var documents: [LoadedDocument] = []
    var documentByURI: [String: Int] = [:]
    /// Canonical resource URIs (no fragment) to the resource's root.
    var resourceRoots: [String: SchemaAddress] = [:]
    /// `resource-URI#anchor` to the subschema with that `$anchor` (or `$dynamicAnchor`).
    var anchors: [String: SchemaAddress] = [:]
    /// Resource URI to its dynamic anchors.
    var dynamicAnchors: [String: [String: SchemaAddress]] = [:]
    var dialectCache: [String: Dialect] = [:]

    var nodes: [SchemaNode] = []
    var nodeAt: [SchemaAddress: SchemaNode] = [:]
    var resources: [String: SchemaResource] = [:]
    var resourceList: [SchemaResource] = []
    var pending: [(node: SchemaNode, address: SchemaAddress)] = []
    var usesDynamicScope = false

    init(resolver: any JSONSchemaResolver, regexCache: ECMARegexCache) {
        self.resolver = resolver
        self.regexCache = regexCache
    }

    // MARK: - Documents

    /// Adds a document and indexes its resources and anchors; returns its number.
    @discardableResult
    func addDocument(_ json: JSONValue, retrievalURI: String, baseURI: String,
                     dialect: Dialect) throws -> Int {
        let number = documents.count
        let retrieval = SchemaURI.splitFragment(retrievalURI).base
        documents.append(LoadedDocument(json: json, retrievalURI: retrieval))
        documentByURI[retrieval] = number
        let root = SchemaAddress(document: number, pointer: "")
        let rootDialect = try dialectOf(json, at: retrieval + "#", default: dialect)
        try index(json, at: root, baseURI: SchemaURI.splitFragment(baseURI).base,
                  resourcePointer: "", dialect: rootDialect)
        if resourceRoots[retrieval] == nil { resourceRoots[retrieval] = root }
        return number
    }

    /// Loads the document at `uri` (no fragment) from the built-in meta-schemas or the
    /// resolver, unless it is loaded already.
    func loadDocument(_ uri: String, dialect: Dialect, reference: String,
                      location: String) throws {
        if documentByURI[uri] != nil { return }
        if let metaschema = Metaschemas.document(at: uri) {
            try addDocument(metaschema, retrievalURI: uri, baseURI: uri, dialect: dialect)
            return
        }
        guard let found = try resolver.document(at: uri) else {
            throw JSONSchemaError.unresolvableReference(
                reference: reference, resolvedURI: uri, location: location)
        }
        try addDocument(found.json, retrievalURI: uri, baseURI: found.baseURI, dialect: dialect)
    }

    /// The JSON of a document by URI without indexing it, for reading a meta-schema.
    func fetchJSON(_ uri: String) throws -> JSONValue? {
        if let metaschema = Metaschemas.document(at: uri) { return metaschema }
        if let number = documentByURI[uri] { return documents[number].json }
        return try resolver.document(at: uri)?.json
    }

    func value(at address: SchemaAddress) -> JSONValue? {
        guard let pointer = JSONPointer(parsing: address.pointer) else { return nil }
        return pointer.evaluate(in: documents[address.document].json)
    }

    /// The location info of an indexed position, or of its nearest indexed ancestor for a
    /// position that no keyword marks as a schema (reached by a JSON Pointer `$ref`).
    func info(at address: SchemaAddress) -> LocationInfo {
        let locations = documents[address.document].locations
        var pointer = Substring(address.pointer)
        while true {
            if let found = locations[String(pointer)] { return found }
            guard let slash = pointer.lastIndex(of: "/") else { break }
            pointer = pointer[..<slash]
        }
        let document = documents[address.document]
        return LocationInfo(baseURI: document.retrievalURI, resourcePointer: "",
                            dialect: .draft2020_12)
    }

    func absoluteLocation(_ address: SchemaAddress, _ info: LocationInfo) -> String {
        info.baseURI + "#" + address.pointer.dropFirst(info.resourcePointer.count)
    }

    // MARK: - Nodes

    /// The node for the subschema at `address`, made (empty, queued to fill) on first use.
    func node(at address: SchemaAddress) -> SchemaNode {
        if let existing = nodeAt[address] { return existing }
        let info = info(at: address)
        let node = SchemaNode(absoluteLocation: absoluteLocation(address, info),
                              resource: resource(info.baseURI))
        nodes.append(node)
        nodeAt[address] = node
        pending.append((node, address))
        return node
    }

    func resource(_ uri: String) -> SchemaResource {
        if let existing = resources[uri] { return existing }
        let made = SchemaResource(uri: uri)
        resources[uri] = made
        resourceList.append(made)
        return made
    }

    /// Fills queued nodes until none is left, then links each resource's dynamic anchors
    /// (which may queue more).
    func fillPending() throws {
        var linked = 0
        repeat {
            while let (node, address) = pending.popLast() {
                try fill(node, at: address)
            }
            while linked < resourceList.count {
                let resource = resourceList[linked]
                linked += 1
                for (name, address) in dynamicAnchors[resource.uri] ?? [:] {
                    resource.dynamicAnchors[name] = NodeLink(node(at: address))
                }
            }
        } while !pending.isEmpty
    }

    /// Queues every schema position of a document, so that mistakes in parts nothing refers
    /// to yet are found now rather than when a later schema refers to them.
    func queueAllSubschemas(ofDocument number: Int) {
        for pointer in documents[number].locations.keys.sorted() {
            _ = node(at: SchemaAddress(document: number, pointer: pointer))
        }
    }

    // MARK: - References

    /// The node a `$ref` value names, seen from the subschema at `address`.
    func resolveReference(_ reference: String, from address: SchemaAddress,
                          keyword: String) throws -> SchemaNode {
        let info = info(at: address)
        let location = absoluteLocation(address, info) + "/" + keyword
        let target = SchemaURI.resolve(reference, against: info.baseURI)
        let (uri, fragment) = SchemaURI.splitFragment(target)
        func unresolvable() -> JSONSchemaError {
            .unresolvableReference(reference: reference, resolvedURI: target, location: location)
        }
        if resourceRoots[uri] == nil {
            try loadDocument(uri, dialect: info.dialect, reference: reference, location: location)
        }
        guard let root = resourceRoots[uri] else { throw unresolvable() }
        guard let fragment, !fragment.isEmpty else { return node(at: root) }
        guard let decoded = SchemaURI.percentDecode(fragment) else { throw unresolvable() }
        if decoded.hasPrefix("/") {
            guard let pointer = JSONPointer(parsing: decoded) else { throw unresolvable() }
            let address = SchemaAddress(document: root.document,
                                        pointer: root.pointer + pointer.description)
            guard value(at: address) != nil else { throw unresolvable() }
            return node(at: address)
        }
        guard let anchored = anchors[uri + "#" + decoded] else { throw unresolvable() }
        return node(at: anchored)
    }

    /// The anchor name a `$dynamicRef` may look up dynamically: its fragment, when that is a
    /// plain name and the statically found target declares it as `$dynamicAnchor`.
    func dynamicAnchorName(_ reference: String, from address: SchemaAddress) -> String? {
        let info = info(at: address)
        let target = SchemaURI.resolve(reference, against: info.baseURI)
        let (uri, fragment) = SchemaURI.splitFragment(target)
        guard let fragment, let name = SchemaURI.percentDecode(fragment), !name.isEmpty,
              !name.hasPrefix("/"), let anchored = anchors[uri + "#" + name]
        else { return nil }
        let targetInfo = self.info(at: anchored)
        return dynamicAnchors[targetInfo.baseURI]?[name] == anchored ? name : nil
    }
}
