import HubCore

/// Checks, keyword by keyword, that every instance a writer schema accepts is accepted by a
/// reader schema, and records why not as `JSONSchemaIncompatibility` values named from the
/// old-to-new change (`readerIsNew` tells which side is the new version).
///
/// Sound but incomplete: each rule is a sufficient condition, and what no rule can prove is
/// reported. Local `$ref`s are followed; a pair of positions already under comparison counts
/// as compatible, which ends recursion through `$ref` cycles.
struct SchemaSubsetChecker {
    let readerRoot: JSONValue
    let writerRoot: JSONValue
    let readerIsNew: Bool
    var findings: [JSONSchemaIncompatibility] = []
    private var inProgress: Set<String> = []

    /// Keywords that never reject an instance.
    static let annotations: Set<String> = [
        "title", "description", "$comment", "examples", "default", "deprecated", "readOnly",
        "writeOnly", "$id", "$schema", "$anchor", "$dynamicAnchor", "$defs", "definitions",
        "$vocabulary", "contentMediaType", "contentEncoding", "contentSchema",
    ]

    init(reader: JSONValue, writer: JSONValue, readerIsNew: Bool) {
        self.readerRoot = reader
        self.writerRoot = writer
        self.readerIsNew = readerIsNew
    }

    mutating func run() -> [JSONSchemaIncompatibility] {
        compare(Side(readerRoot, ""), Side(writerRoot, ""))
        return findings
    }

    /// A subschema and its JSON Pointer in its own document.
    struct Side {
        var schema: JSONValue
        var path: String

        init(_ schema: JSONValue, _ path: String) {
            self.schema = schema
            self.path = path
        }

        func member(_ keyword: String) -> JSONValue? { schema[keyword] }

        func child(_ tokens: String...) -> String {
            path + tokens.map { "/" + JSONPointer.escape($0) }.joined()
        }

        /// The keywords that can reject instances.
        var constraints: [(String, JSONValue)] {
            guard case .object(let members) = schema else { return [] }
            return members.filter { !SchemaSubsetChecker.annotations.contains($0.0) }
        }

        var acceptsEverything: Bool {
            if case .bool(true) = schema { return true }
            if case .object = schema { return constraints.isEmpty }
            return false
        }
    }

    // MARK: - Reporting

    var breaks: JSONSchemaCompatibility.Direction { readerIsNew ? .backward : .forward }

    /// Records that the reader accepts less than the writer. `narrowed` names the rule when
    /// the reader is the new version, `widened` when it is the old one.
    mutating func report(_ reader: Side, _ writer: Side, narrowed: String, widened: String,
                         _ message: String) {
        let path = readerIsNew ? reader.path : writer.path
        let rule = readerIsNew ? narrowed : widened
        findings.append(JSONSchemaIncompatibility(path: path, rule: rule, breaks: breaks,
                                                  message: message))
    }

    /// The old and new values of something, ordered from the reader and writer values.
    func oldNew<T>(reader: T, writer: T) -> (old: T, new: T) {
        readerIsNew ? (writer, reader) : (reader, writer)
    }

    // MARK: - Comparing

    /// Whether `reader` accepts everything `writer` accepts, recording why not.
    mutating func compare(_ reader: Side, _ writer: Side) {
        let key = reader.path + "\u{0}" + writer.path
        guard inProgress.insert(key).inserted else { return }
        defer { inProgress.remove(key) }

        if reader.acceptsEverything { return }
        if case .bool(false) = writer.schema { return }
        if case .bool(false) = reader.schema {
            let (old, new) = oldNew(reader: "nothing", writer: "some values")
            report(reader, writer, narrowed: "false-schema-added", widened: "false-schema-removed",
                   "the old schema accepts \(old) here and the new one \(new)")
            return
        }
        var writer = writer
        if !resolveWriterReference(&writer, reader) { return }
        if case .string(let reference)? = reader.member("$ref") {
            compareReaderReference(reference, reader, writer)
        }
        compareKeywords(reader, writer)
    }

    /// Replaces a writer that is a local `$ref` (with nothing but annotations beside it) by its
    /// target; a writer with both a `$ref` and other constraints keeps only what can be
    /// merged. Returns false when the comparison is over (reported or proven).
    private mutating func resolveWriterReference(_ writer: inout Side, _ reader: Side) -> Bool {
        var hops = 0
        while case .string(let reference)? = writer.member("$ref"), hops < 64 {
            hops += 1
            if case .string(reference)? = reader.member("$ref"), !reference.hasPrefix("#") {
                return true
            }
            guard let target = Self.resolveLocal(reference, in: writerRoot) else {
                report(reader, writer, narrowed: "unanalyzable-change",
                       widened: "unanalyzable-change",
                       "\"$ref\": \"\(reference)\" points outside the schema and cannot be "
                        + "compared")
                return false
            }
            let rest = writer.constraints.filter { $0.0 != "$ref" }
            guard case .object(let targetMembers) = target.schema else {
                if case .bool(false) = target.schema { return false }
                writer = Side(.object(rest), writer.path)
                return true
            }
            let overlap = rest.contains { key, _ in targetMembers.contains { $0.0 == key } }
            if overlap {
                report(reader, writer, narrowed: "unanalyzable-change",
                       widened: "unanalyzable-change",
                       "\"$ref\" beside keywords its target also has cannot be compared")
                return false
            }
            writer = Side(.object(targetMembers + rest), target.path)
        }
        return true
    }

    private mutating func compareReaderReference(_ reference: String, _ reader: Side,
                                                 _ writer: Side) {
        if case .string(reference)? = writer.member("$ref"), !reference.hasPrefix("#") { return }
        guard let target = Self.resolveLocal(reference, in: readerRoot) else {
            report(reader, writer, narrowed: "unanalyzable-change",
                   widened: "unanalyzable-change",
                   "\"$ref\": \"\(reference)\" points outside the schema and cannot be compared")
            return
        }
        compare(target, writer)
    }

    /// The subschema a `#/pointer` reference names inside `root`.
    static func resolveLocal(_ reference: String, in root: JSONValue) -> Side? {
        guard reference.hasPrefix("#"),
              let decoded = SchemaURI.percentDecode(String(reference.dropFirst())),
              let pointer = JSONPointer(parsing: decoded),
              let target = pointer.evaluate(in: root)
        else { return nil }
        return Side(target, pointer.description)
    }

    /// True when two subschemas are the same JSON, local `$ref`s compared by their targets.
    func equivalent(_ reader: JSONValue, _ writer: JSONValue, depth: Int = 0) -> Bool {
        guard depth < 32 else { return JSONEquality.equal(reader, writer) }
        switch (reader, writer) {
        case (.object(let left), .object(let right)):
            guard left.count == right.count else { return false }
            for (key, value) in left {
                guard let other = right.first(where: { $0.0 == key })?.1 else { return false }
                if key == "$ref", case .string(let a) = value, case .string(let b) = other {
                    let resolvedA = Self.resolveLocal(a, in: readerRoot)?.schema
                    let resolvedB = Self.resolveLocal(b, in: writerRoot)?.schema
                    if let resolvedA, let resolvedB {
                        if !equivalent(resolvedA, resolvedB, depth: depth + 1) { return false }
                    } else if a != b {
                        return false
                    }
                } else if !equivalent(value, other, depth: depth + 1) {
                    return false
                }
            }
            return true
        case (.array(let left), .array(let right)):
            return left.count == right.count
                && zip(left, right).allSatisfy { equivalent($0, $1, depth: depth + 1) }
        default:
            return JSONEquality.equal(reader, writer)
        }
    }
}
