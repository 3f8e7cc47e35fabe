import HubCore

/// The meta-schemas of draft-07 and 2020-12, built in so that `$ref` to them and `$schema`
/// work without the network. They carry the validation keywords of the published ones; titles
/// and descriptions are left out.
enum Metaschemas {
    static let documents: [String: JSONValue] = {
        var parsed: [String: JSONValue] = [:]
        for (uri, text) in texts {
            // The texts are constants of this file; a parse failure is a bug caught by tests.
            parsed[uri] = (try? JSONValue.parse(text)) ?? .bool(false)
        }
        return parsed
    }()

    /// The built-in document for `uri` (without fragment), if there is one.
    static func document(at uri: String) -> JSONValue? {
        documents[uri]
    }

    private static let base2020 = "https://json-schema.org/draft/2020-12/"

    private static func vocabularyMeta(_ name: String, _ body: String) -> (String, String) {
        let uri = base2020 + "meta/" + name
        let text = """
            {"$schema": "\(base2020)schema", "$id": "\(uri)",
             "$vocabulary": {"\(base2020)vocab/\(name)": true},
             "$dynamicAnchor": "meta", "type": ["object", "boolean"], \(body)}
            """
        return (uri, text)
    }

    private static let texts: [(String, String)] = [
        ("http://json-schema.org/draft-07/schema", draft7),
        (base2020 + "schema", schema2020),
        vocabularyMeta("core", core2020),
        vocabularyMeta("applicator", applicator2020),
        vocabularyMeta("unevaluated", """
            "properties": {"unevaluatedItems": {"$dynamicRef": "#meta"},
                           "unevaluatedProperties": {"$dynamicRef": "#meta"}}
            """),
        vocabularyMeta("validation", validation2020),
        vocabularyMeta("meta-data", """
            "properties": {"title": {"type": "string"}, "description": {"type": "string"},
                           "default": true, "deprecated": {"type": "boolean", "default": false},
                           "readOnly": {"type": "boolean", "default": false},
                           "writeOnly": {"type": "boolean", "default": false},
                           "examples": {"type": "array", "items": true}}
            """),
        vocabularyMeta("format-annotation", #""properties": {"format": {"type": "string"}}"#),
        vocabularyMeta("format-assertion", #""properties": {"format": {"type": "string"}}"#),
        vocabularyMeta("content", """
            "properties": {"contentEncoding": {"type": "string"},
                           "contentMediaType": {"type": "string"},
                           "contentSchema": {"$dynamicRef": "#meta"}}
            """),
    ]

    private static let schema2020 = """
        {"$schema": "https://json-schema.org/draft/2020-12/schema",
         "$id": "https://json-schema.org/draft/2020-12/schema",
         "$vocabulary": {
            "https://json-schema.org/draft/2020-12/vocab/core": true,
            "https://json-schema.org/draft/2020-12/vocab/applicator": true,
            "https://json-schema.org/draft/2020-12/vocab/unevaluated": true,
            "https://json-schema.org/draft/2020-12/vocab/validation": true,
            "https://json-schema.org/draft/2020-12/vocab/meta-data": true,
            "https://json-schema.org/draft/2020-12/vocab/format-annotation": true,
            "https://json-schema.org/draft/2020-12/vocab/content": true},
         "$dynamicAnchor": "meta",
         "allOf": [{"$ref": "meta/core"}, {"$ref": "meta/applicator"},
                   {"$ref": "meta/unevaluated"}, {"$ref": "meta/validation"},
                   {"$ref": "meta/meta-data"}, {"$ref": "meta/format-annotation"},
                   {"$ref": "meta/content"}],
         "type": ["object", "boolean"],
         "properties": {
            "definitions": {"type": "object", "additionalProperties": {"$dynamicRef": "#meta"}},
            "dependencies": {"type": "object", "additionalProperties": {"anyOf": [
                {"$dynamicRef": "#meta"}, {"$ref": "meta/validation#/$defs/stringArray"}]}},
            "$recursiveAnchor": {"$ref": "meta/core#/$defs/anchorString"},
            "$recursiveRef": {"$ref": "meta/core#/$defs/uriReferenceString"}}}
        """

    private static let core2020 = """
        "properties": {
            "$id": {"$ref": "#/$defs/uriReferenceString", "pattern": "^[^#]*#?$"},
            "$schema": {"$ref": "#/$defs/uriString"},
            "$ref": {"$ref": "#/$defs/uriReferenceString"},
            "$anchor": {"$ref": "#/$defs/anchorString"},
            "$dynamicRef": {"$ref": "#/$defs/uriReferenceString"},
            "$dynamicAnchor": {"$ref": "#/$defs/anchorString"},
            "$vocabulary": {"type": "object", "propertyNames": {"$ref": "#/$defs/uriString"},
                            "additionalProperties": {"type": "boolean"}},
            "$comment": {"type": "string"},
            "$defs": {"type": "object", "additionalProperties": {"$dynamicRef": "#meta"}}},
        "$defs": {
            "anchorString": {"type": "string", "pattern": "^[A-Za-z_][-A-Za-z0-9._]*$"},
            "uriString": {"type": "string", "format": "uri"},
            "uriReferenceString": {"type": "string", "format": "uri-reference"}}
        """

    private static let applicator2020 = """
        "properties": {
            "prefixItems": {"$ref": "#/$defs/schemaArray"},
            "items": {"$dynamicRef": "#meta"},
            "contains": {"$dynamicRef": "#meta"},
            "additionalProperties": {"$dynamicRef": "#meta"},
            "properties": {"type": "object", "additionalProperties": {"$dynamicRef": "#meta"}},
            "patternProperties": {"type": "object",
                                  "additionalProperties": {"$dynamicRef": "#meta"},
                                  "propertyNames": {"format": "regex"}},
            "dependentSchemas": {"type": "object",
                                 "additionalProperties": {"$dynamicRef": "#meta"}},
            "propertyNames": {"$dynamicRef": "#meta"},
            "if": {"$dynamicRef": "#meta"},
            "then": {"$dynamicRef": "#meta"},
            "else": {"$dynamicRef": "#meta"},
            "allOf": {"$ref": "#/$defs/schemaArray"},
            "anyOf": {"$ref": "#/$defs/schemaArray"},
            "oneOf": {"$ref": "#/$defs/schemaArray"},
            "not": {"$dynamicRef": "#meta"}},
        "$defs": {
            "schemaArray": {"type": "array", "minItems": 1, "items": {"$dynamicRef": "#meta"}}}
        """

    private static let validation2020 = """
        "properties": {
            "type": {"anyOf": [{"$ref": "#/$defs/simpleTypes"},
                               {"type": "array", "items": {"$ref": "#/$defs/simpleTypes"},
                                "minItems": 1, "uniqueItems": true}]},
            "const": true,
            "enum": {"type": "array", "items": true},
            "multipleOf": {"type": "number", "exclusiveMinimum": 0},
            "maximum": {"type": "number"},
            "exclusiveMaximum": {"type": "number"},
            "minimum": {"type": "number"},
            "exclusiveMinimum": {"type": "number"},
            "maxLength": {"$ref": "#/$defs/nonNegativeInteger"},
            "minLength": {"$ref": "#/$defs/nonNegativeIntegerDefault0"},
            "pattern": {"type": "string", "format": "regex"},
            "maxItems": {"$ref": "#/$defs/nonNegativeInteger"},
            "minItems": {"$ref": "#/$defs/nonNegativeIntegerDefault0"},
            "uniqueItems": {"type": "boolean", "default": false},
            "maxContains": {"$ref": "#/$defs/nonNegativeInteger"},
            "minContains": {"$ref": "#/$defs/nonNegativeInteger", "default": 1},
            "maxProperties": {"$ref": "#/$defs/nonNegativeInteger"},
            "minProperties": {"$ref": "#/$defs/nonNegativeIntegerDefault0"},
            "required": {"$ref": "#/$defs/stringArray"},
            "dependentRequired": {"type": "object",
                                  "additionalProperties": {"$ref": "#/$defs/stringArray"}}},
        "$defs": {
            "nonNegativeInteger": {"type": "integer", "minimum": 0},
            "nonNegativeIntegerDefault0": {"$ref": "#/$defs/nonNegativeInteger", "default": 0},
            "simpleTypes": {"enum": ["array", "boolean", "integer", "null", "number", "object",
                                     "string"]},
            "stringArray": {"type": "array", "items": {"type": "string"}, "uniqueItems": true,
                            "default": []}}
        """

    private static let draft7 = """
        {"$schema": "http://json-schema.org/draft-07/schema#",
         "$id": "http://json-schema.org/draft-07/schema#",
         "definitions": {
            "schemaArray": {"type": "array", "minItems": 1, "items": {"$ref": "#"}},
            "nonNegativeInteger": {"type": "integer", "minimum": 0},
            "nonNegativeIntegerDefault0": {"allOf": [{"$ref": "#/definitions/nonNegativeInteger"},
                                                     {"default": 0}]},
            "simpleTypes": {"enum": ["array", "boolean", "integer", "null", "number", "object",
                                     "string"]},
            "stringArray": {"type": "array", "items": {"type": "string"}, "uniqueItems": true,
                            "default": []}},
         "type": ["object", "boolean"],
         "properties": {
            "$id": {"type": "string", "format": "uri-reference"},
            "$schema": {"type": "string", "format": "uri"},
            "$ref": {"type": "string", "format": "uri-reference"},
            "$comment": {"type": "string"},
            "title": {"type": "string"},
            "description": {"type": "string"},
            "default": true,
            "readOnly": {"type": "boolean", "default": false},
            "writeOnly": {"type": "boolean", "default": false},
            "examples": {"type": "array", "items": true},
            "multipleOf": {"type": "number", "exclusiveMinimum": 0},
            "maximum": {"type": "number"},
            "exclusiveMaximum": {"type": "number"},
            "minimum": {"type": "number"},
            "exclusiveMinimum": {"type": "number"},
            "maxLength": {"$ref": "#/definitions/nonNegativeInteger"},
            "minLength": {"$ref": "#/definitions/nonNegativeIntegerDefault0"},
            "pattern": {"type": "string", "format": "regex"},
            "additionalItems": {"$ref": "#"},
            "items": {"anyOf": [{"$ref": "#"}, {"$ref": "#/definitions/schemaArray"}],
                      "default": true},
            "maxItems": {"$ref": "#/definitions/nonNegativeInteger"},
            "minItems": {"$ref": "#/definitions/nonNegativeIntegerDefault0"},
            "uniqueItems": {"type": "boolean", "default": false},
            "contains": {"$ref": "#"},
            "maxProperties": {"$ref": "#/definitions/nonNegativeInteger"},
            "minProperties": {"$ref": "#/definitions/nonNegativeIntegerDefault0"},
            "required": {"$ref": "#/definitions/stringArray"},
            "additionalProperties": {"$ref": "#"},
            "definitions": {"type": "object", "additionalProperties": {"$ref": "#"},
                            "default": {}},
            "properties": {"type": "object", "additionalProperties": {"$ref": "#"},
                           "default": {}},
            "patternProperties": {"type": "object", "additionalProperties": {"$ref": "#"},
                                  "propertyNames": {"format": "regex"}, "default": {}},
            "dependencies": {"type": "object", "additionalProperties": {"anyOf": [
                {"$ref": "#"}, {"$ref": "#/definitions/stringArray"}]}},
            "propertyNames": {"$ref": "#"},
            "const": true,
            "enum": {"type": "array", "items": true},
            "type": {"anyOf": [{"$ref": "#/definitions/simpleTypes"},
                               {"type": "array", "items": {"$ref": "#/definitions/simpleTypes"},
                                "minItems": 1, "uniqueItems": true}]},
            "format": {"type": "string"},
            "contentMediaType": {"type": "string"},
            "contentEncoding": {"type": "string"},
            "if": {"$ref": "#"},
            "then": {"$ref": "#"},
            "else": {"$ref": "#"},
            "allOf": {"$ref": "#/definitions/schemaArray"},
            "anyOf": {"$ref": "#/definitions/schemaArray"},
            "oneOf": {"$ref": "#/definitions/schemaArray"},
            "not": {"$ref": "#"}},
         "default": true}
        """
}
