import HubCore
import XCTest

@testable import HubSchema

final class AvroSchemaParsingTests: XCTestCase {
    func testEveryTypeParses() throws {
        let schema = try avroSchema(
            """
            {"type": "record", "name": "Everything", "namespace": "com.acme", "fields": [
              {"name": "n", "type": "null"}, {"name": "b", "type": "boolean"},
              {"name": "i", "type": "int"}, {"name": "l", "type": "long"},
              {"name": "f", "type": "float"}, {"name": "d", "type": "double"},
              {"name": "by", "type": "bytes"}, {"name": "s", "type": "string"},
              {"name": "e", "type": {"type": "enum", "name": "Color", "symbols": ["RED", "GREEN"]}},
              {"name": "a", "type": {"type": "array", "items": "int"}},
              {"name": "m", "type": {"type": "map", "values": "long"}},
              {"name": "u", "type": ["null", "string", "Color"]},
              {"name": "x", "type": {"type": "fixed", "name": "Hash", "size": 4}}
            ]}
            """)
        XCTAssertEqual(
            schema.canonicalForm,
            """
            {"name":"com.acme.Everything","type":"record","fields":[{"name":"n","type":"null"},\
            {"name":"b","type":"boolean"},{"name":"i","type":"int"},{"name":"l","type":"long"},\
            {"name":"f","type":"float"},{"name":"d","type":"double"},{"name":"by","type":"bytes"},\
            {"name":"s","type":"string"},{"name":"e","type":{"name":"com.acme.Color","type":"enum",\
            "symbols":["RED","GREEN"]}},{"name":"a","type":{"type":"array","items":"int"}},\
            {"name":"m","type":{"type":"map","values":"long"}},{"name":"u","type":["null","string",\
            "com.acme.Color"]},{"name":"x","type":{"name":"com.acme.Hash","type":"fixed",\
            "size":4}}]}
            """)
        XCTAssertEqual(
            Set(schema.definitions.keys),
            ["com.acme.Everything", "com.acme.Color", "com.acme.Hash"])
        XCTAssertTrue(schema.warnings.isEmpty)
    }

    func testNestedTypesInheritTheEnclosingNamespaceUnlessTheyNameTheirOwn() throws {
        let schema = try avroSchema(
            """
            {"type": "record", "name": "Outer", "namespace": "a.b", "fields": [
              {"name": "inherits", "type": {"type": "fixed", "name": "F", "size": 1}},
              {"name": "own", "type": {"type": "enum", "name": "E", "namespace": "c",
                                       "symbols": ["X"]}},
              {"name": "dotted", "type": {"type": "fixed", "name": "d.G", "namespace": "ignored",
                                          "size": 1}},
              {"name": "nullSpace", "type": {"type": "record", "name": "R", "namespace": "",
                 "fields": [{"name": "back", "type": "a.b.F"}, {"name": "inner",
                   "type": {"type": "fixed", "name": "H", "size": 2}}]}},
              {"name": "again", "type": "F"}, {"name": "qualified", "type": "c.E"}
            ]}
            """)
        XCTAssertEqual(
            Set(schema.definitions.keys), ["a.b.Outer", "a.b.F", "c.E", "d.G", "R", "H"])
        XCTAssertEqual(schema.resolve(.reference(AvroName(fullName: "a.b.F"))).typeName, "a.b.F")
    }

    func testAReferenceLooksOnlyInTheEnclosingNamespace() {
        let error = avroSchemaError(
            """
            {"type": "record", "name": "a.Outer", "fields": [
              {"name": "x", "type": {"type": "fixed", "name": "F", "namespace": "", "size": 1}},
              {"name": "y", "type": "F"}]}
            """)
        XCTAssertEqual(
            error?.description,
            "/fields/1/type: unknown type 'F' (looked up as 'a.F'); named types must be defined"
                + " before they are used")
    }

    func testRecursiveRecordRefersToItself() throws {
        let schema = try avroSchema(
            """
            {"type": "record", "name": "Node", "fields": [
              {"name": "value", "type": "int"}, {"name": "next", "type": ["null", "Node"]}]}
            """)
        XCTAssertEqual(
            schema.canonicalForm,
            """
            {"name":"Node","type":"record","fields":[{"name":"value","type":"int"},\
            {"name":"next","type":["null","Node"]}]}
            """)
    }

    func testInvalidSchemasAreRejectedWithThePath() {
        let cases: [(String, String)] = [
            (
                #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "Missing"}]}"#,
                "/fields/0/type: unknown type 'Missing'; named types must be defined before they"
                    + " are used"
            ),
            (
                #""strin""#,
                "/: unknown type 'strin'; named types must be defined before they are used"
            ),
            (
                #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"},"#
                    + #" {"name": "a", "type": "long"}]}"#,
                "/fields/1/name: record 'R' has two fields named 'a' (fields 0 and 1)"
            ),
            (
                #"{"type": "enum", "name": "E", "symbols": ["A", "B", "A"]}"#,
                "/symbols/2: enum 'E' repeats symbol 'A' (at 0 and 2)"
            ),
            (
                #"["int", ["null", "string"]]"#,
                "/1: a union cannot contain another union; list its branches directly"
            ),
            (
                #"["string", "int", {"type": "string"}]"#,
                "/2: union repeats type 'string' (branches 0 and 2); a union holds each unnamed"
                    + " type"
                    + " and each name once"
            ),
            (
                #"[{"type": "array", "items": "int"}, {"type": "array", "items": "long"}]"#,
                "/1: union repeats type 'array' (branches 0 and 1); a union holds each unnamed type"
                    + " and each name once"
            ),
            (
                #"{"type": "record", "name": "R", "fields": [{"name": "a", "type":"#
                    + #" {"type": "fixed", "name": "R", "size": 1}}]}"#,
                "/fields/0/type/name: type 'R' is already defined at /"
            ),
            (
                #"{"type": "fixed", "name": "1abc", "size": 1}"#,
                "/name: invalid name '1abc'; use letters, digits and '_' (dots separate a"
                    + " namespace)"
            ),
            (
                #"{"type": "fixed", "name": "F", "size": -1}"#,
                "/size: size must be a non-negative whole number; got -1"
            ),
            (
                #"{"type": "fixed", "name": "F", "size": 1099511627776}"#,
                "/size: size 1099511627776 exceeds the largest event a hub can hold"
                    + " (268435456 bytes)"
            ),
            (
                #"{"type": "enum", "name": "int", "symbols": []}"#,
                "/name: 'int' is a primitive type name and cannot name a type"
            ),
            (#"{"type": "map"}"#, "/: missing attribute 'values'"),
            (
                #"{"type": "enum", "name": "E", "symbols": ["A"], "default": "B"}"#,
                "/default: enum default must be one of its symbols; got \"B\""
            ),
            (
                #"{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int","#
                    + #" "order": "up"}]}"#,
                "/fields/0/order: order must be \"ascending\", \"descending\" or \"ignore\""
            ),
            ("12", "/: a schema is a type name, an object or a union array; got 12"),
            ("{", "/: not valid JSON: expected a string key in object at line 1, column 2"),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(avroSchemaError(text)?.description, expected, text)
        }
    }

    func testDefaultsAreCheckedAgainstTheFieldType() throws {
        let valid = try avroSchema(
            """
            {"type": "record", "name": "R", "fields": [
              {"name": "i", "type": "int", "default": 5},
              {"name": "l", "type": "long", "default": 9223372036854775807},
              {"name": "b", "type": "bytes", "default": "\\u00ff\\u0000"},
              {"name": "u", "type": ["null", "string"], "default": null},
              {"name": "v", "type": ["string", "null"], "default": "x"},
              {"name": "a", "type": {"type": "array", "items": "int"}, "default": [1, 2]},
              {"name": "r", "type": {"type": "record", "name": "S", "fields": [
                  {"name": "x", "type": "int", "default": 1}, {"name": "y", "type": "string"}]},
               "default": {"y": "z"}},
              {"name": "e", "type": {"type": "enum", "name": "E", "symbols": ["A"]},
               "default": "A"},
              {"name": "d", "type": {"type": "int", "logicalType": "date"}, "default": 19000}
            ]}
            """)
        XCTAssertEqual(valid.definitions.count, 3)
        let cases: [(String, String)] = [
            (
                #"{"name": "i", "type": "int", "default": "5"}"#,
                "/fields/0/default: invalid default: expected int, got \"5\""
            ),
            (
                #"{"name": "i", "type": "int", "default": 2147483648}"#,
                "/fields/0/default: invalid default: 2147483648 is out of range for int"
                    + " (-2147483648...2147483647)"
            ),
            (
                #"{"name": "u", "type": ["null", "string"], "default": "x"}"#,
                "/fields/0/default: invalid default: expected null, got \"x\""
            ),
            (
                #"{"name": "a", "type": {"type": "array", "items": "int"}, "default": [1, "2"]}"#,
                "/fields/0/default/1: invalid default: expected int, got \"2\""
            ),
            (
                #"{"name": "b", "type": "bytes", "default": "\u0100"}"#,
                "/fields/0/default: invalid default: bytes is written as a string of code points"
                    + " U+0000-U+00FF, one per byte; got U+100"
            ),
        ]
        for (field, expected) in cases {
            let text = #"{"type": "record", "name": "R", "fields": ["# + field + "]}"
            XCTAssertEqual(avroSchemaError(text)?.description, expected, field)
        }
    }

    func testInvalidDefaultBecomesAWarningWhenDefaultsAreNotValidated() throws {
        let text =
            #"{"type": "record", "name": "R", "fields": [{"name": "f", "type": "boolean","#
            + #" "default": "true"}]}"#
        let schema = try AvroSchema.parse(text: text, validatingDefaults: false)
        XCTAssertEqual(
            schema.warnings.map(\.description),
            [
                "/fields/0/default: invalid default: expected boolean, got \"true\"; kept"
            ])
    }

    func testLogicalTypesAttachToTheirUnderlyingTypes() throws {
        let schema = try avroSchema(
            """
            {"type": "record", "name": "R", "fields": [
              {"name": "price", "type": {"type": "bytes", "logicalType": "decimal", "precision": 9,
                                         "scale": 2}},
              {"name": "id", "type": {"type": "string", "logicalType": "uuid"}},
              {"name": "day", "type": {"type": "int", "logicalType": "date"}},
              {"name": "t1", "type": {"type": "int", "logicalType": "time-millis"}},
              {"name": "t2", "type": {"type": "long", "logicalType": "time-micros"}},
              {"name": "ts1", "type": {"type": "long", "logicalType": "timestamp-millis"}},
              {"name": "ts2", "type": {"type": "long", "logicalType": "timestamp-micros"}},
              {"name": "lt1", "type": {"type": "long", "logicalType": "local-timestamp-millis"}},
              {"name": "lt2", "type": {"type": "long", "logicalType": "local-timestamp-micros"}},
              {"name": "span", "type": {"type": "fixed", "name": "D", "size": 12,
                                        "logicalType": "duration"}},
              {"name": "big", "type": {"type": "fixed", "name": "B", "size": 8,
                                       "logicalType": "decimal", "precision": 18, "scale": 4}}
            ]}
            """)
        guard case .record(let record) = schema.root else { return XCTFail("not a record") }
        let logical = record.fields.map { field -> String in
            switch field.type {
            case .logical(let logicalType, _): return logicalType.name
            case .fixed(let fixed): return fixed.logicalType?.name ?? "none"
            default: return "none"
            }
        }
        XCTAssertEqual(
            logical,
            [
                "decimal", "uuid", "date", "time-millis", "time-micros", "timestamp-millis",
                "timestamp-micros", "local-timestamp-millis", "local-timestamp-micros", "duration",
                "decimal",
            ])
        XCTAssertTrue(schema.warnings.isEmpty, "\(schema.warnings)")
        XCTAssertFalse(schema.canonicalForm.contains("logicalType"))
        XCTAssertTrue(schema.normalizedForm.contains(#""logicalType":"decimal","precision":9"#))
    }

    func testUnknownOrInvalidLogicalTypesFallBackToTheUnderlyingType() throws {
        let cases: [(String, AvroType, String)] = [
            (
                #"{"type": "int", "logicalType": "money"}"#, .int,
                "/logicalType: unknown logical type 'money'; using int"
            ),
            (
                #"{"type": "string", "logicalType": "date"}"#, .string,
                "/logicalType: date applies to int, not string; ignored"
            ),
            (
                #"{"type": "bytes", "logicalType": "decimal", "precision": 2, "scale": 3}"#, .bytes,
                "/scale: decimal scale must be 0...precision; ignored"
            ),
            (
                #"{"type": "bytes", "logicalType": "decimal"}"#, .bytes,
                "/precision: decimal needs a positive precision; ignored"
            ),
        ]
        for (text, expected, warning) in cases {
            let schema = try avroSchema(text)
            XCTAssertEqual(schema.root, expected, text)
            XCTAssertEqual(schema.warnings.map(\.description), [warning], text)
        }
        let fixed = try avroSchema(
            #"{"type": "fixed", "name": "F", "size": 2, "logicalType": "decimal", "precision": 5}"#)
        XCTAssertEqual(
            fixed.warnings.map(\.description),
            [
                "/precision: precision 5 does not fit the fixed (at most 4); ignored"
            ])
    }

    func testAliasesResolveAgainstTheTypeNamespace() throws {
        let schema = try avroSchema(
            """
            {"type": "record", "name": "Order", "namespace": "shop", "aliases": ["Purchase",
             "legacy.Sale"], "fields": [{"name": "qty", "type": "int", "aliases": ["count"]}]}
            """)
        guard case .record(let record) = schema.root else { return XCTFail("not a record") }
        XCTAssertEqual(record.aliases.map(\.fullName), ["shop.Purchase", "legacy.Sale"])
        XCTAssertEqual(record.fields[0].aliases, ["count"])
    }

    func testFormattingAndNamespaceShorthandDoNotChangeIdentity() throws {
        let first = try avroSchema(
            """
            {"namespace": "x", "name": "R", "type": "record",
             "fields": [{"type": "int", "name": "a", "default": 1}]}
            """)
        let second = try avroSchema(
            #"{"type":"record","name":"x.R","fields":[{"name":"a","type":"int","default":1}]}"#)
        let changedDefault = try avroSchema(
            #"{"type":"record","name":"x.R","fields":[{"name":"a","type":"int","default":2}]}"#)
        XCTAssertEqual(first, second)
        XCTAssertEqual(first.fingerprint, second.fingerprint)
        XCTAssertEqual(first.fingerprint, changedDefault.fingerprint)
        XCTAssertNotEqual(first.normalizedForm, changedDefault.normalizedForm)
    }

    func testFingerprintOfIntMatchesTheSpecification() throws {
        XCTAssertEqual(
            Int64(bitPattern: try avroSchema(#""int""#).fingerprint), 8_247_732_601_305_521_295)
    }
}
