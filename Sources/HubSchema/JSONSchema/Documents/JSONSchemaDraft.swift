/// The JSON Schema dialects hubsh understands, chosen by a schema's `$schema`.
public enum JSONSchemaDraft: String, Sendable, CaseIterable, CustomStringConvertible {
    case draft7 = "draft-07"
    case draft2020_12 = "2020-12"

    /// The `$schema` URI of the draft's own meta-schema.
    public var metaschemaURI: String {
        switch self {
        case .draft7: return "http://json-schema.org/draft-07/schema#"
        case .draft2020_12: return "https://json-schema.org/draft/2020-12/schema"
        }
    }

    public var description: String { rawValue }

    /// The draft a `$schema` value names directly, accepting the spellings seen in the wild
    /// (with or without the trailing `#`, http or https); nil for anything else.
    static func named(by uri: String) -> JSONSchemaDraft? {
        var text = uri
        if text.hasSuffix("#") { text.removeLast() }
        if text.hasPrefix("https://") { text.removeFirst("https://".count) }
        if text.hasPrefix("http://") { text.removeFirst("http://".count) }
        switch text {
        case "json-schema.org/draft-07/schema": return .draft7
        case "json-schema.org/draft/2020-12/schema": return .draft2020_12
        default: return nil
        }
    }
}

/// The 2020-12 vocabularies: which groups of keywords a schema's meta-schema turns on.
struct Vocabularies: OptionSet, Hashable, Sendable {
    let rawValue: Int

    static let core = Vocabularies(rawValue: 1 << 0)
    static let applicator = Vocabularies(rawValue: 1 << 1)
    static let unevaluated = Vocabularies(rawValue: 1 << 2)
    static let validation = Vocabularies(rawValue: 1 << 3)
    static let metaData = Vocabularies(rawValue: 1 << 4)
    static let formatAnnotation = Vocabularies(rawValue: 1 << 5)
    static let formatAssertion = Vocabularies(rawValue: 1 << 6)
    static let content = Vocabularies(rawValue: 1 << 7)

    static let standard: Vocabularies = [
        .core, .applicator, .unevaluated, .validation, .metaData, .formatAnnotation, .content,
    ]

    static let byURI: [String: Vocabularies] = [
        "https://json-schema.org/draft/2020-12/vocab/core": .core,
        "https://json-schema.org/draft/2020-12/vocab/applicator": .applicator,
        "https://json-schema.org/draft/2020-12/vocab/unevaluated": .unevaluated,
        "https://json-schema.org/draft/2020-12/vocab/validation": .validation,
        "https://json-schema.org/draft/2020-12/vocab/meta-data": .metaData,
        "https://json-schema.org/draft/2020-12/vocab/format-annotation": .formatAnnotation,
        "https://json-schema.org/draft/2020-12/vocab/format-assertion": .formatAssertion,
        "https://json-schema.org/draft/2020-12/vocab/content": .content,
    ]
}

/// A draft and the vocabularies in force: what the keywords of one schema resource mean.
struct Dialect: Hashable, Sendable {
    var draft: JSONSchemaDraft
    var vocabularies: Vocabularies

    static let draft7 = Dialect(draft: .draft7, vocabularies: .standard)
    static let draft2020_12 = Dialect(draft: .draft2020_12, vocabularies: .standard)

    static func standard(_ draft: JSONSchemaDraft) -> Dialect {
        draft == .draft7 ? .draft7 : .draft2020_12
    }

    func has(_ vocabulary: Vocabularies) -> Bool {
        draft == .draft7 || vocabularies.contains(vocabulary)
    }
}
