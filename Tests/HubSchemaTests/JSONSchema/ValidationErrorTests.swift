import HubCore
import HubSchema
import XCTest

/// Errors say where in the instance and the schema, which keyword, and what to do.
final class ValidationErrorTests: XCTestCase {
    private let orderSchema = #"""
        {"$id": "https://schemas.example/order",
         "type": "object",
         "properties": {
            "items": {"type": "array", "items": {"$ref": "#/$defs/item"}},
            "note": {"type": "string", "maxLength": 5}},
         "required": ["items"],
         "additionalProperties": false,
         "$defs": {"item": {"type": "object",
                            "properties": {"price": {"type": "number", "minimum": 0}},
                            "required": ["price"]}}}
        """#

    func testErrorNamesInstanceLocationKeywordAndSchemaLocations() throws {
        let probe = try SchemaProbe(orderSchema)
        let errors = probe.errors(#"{"items": [{"price": 1}, {"price": 2}, {"price": -3}]}"#)
        XCTAssertEqual(errors.count, 1)
        let error = try XCTUnwrap(errors.first)
        XCTAssertEqual(error.description, "/items/2/price: -3 is less than the minimum of 0")
        XCTAssertEqual(error.instanceLocation, "/items/2/price")
        XCTAssertEqual(error.keyword, "minimum")
        XCTAssertEqual(error.keywordLocation,
                       "/properties/items/items/$ref/properties/price/minimum")
        XCTAssertEqual(error.absoluteKeywordLocation,
                       "https://schemas.example/order#/$defs/item/properties/price/minimum")
    }

    func testEveryErrorIsReportedNotJustTheFirst() throws {
        let probe = try SchemaProbe(orderSchema)
        let errors = probe.errors(#"{"items": [{"price": "1"}, {}], "note": "too long", "x": 1}"#)
        XCTAssertEqual(errors.map(\.description), [
            "/items/0/price: \"1\" is a string, expected number",
            "/items/1: the required property \"price\" is missing",
            "/note: \"too long\" is 8 characters long, longer than the maximum length of 5",
            "/x: the property \"x\" is not allowed; the schema allows \"items\" or \"note\"",
        ])
        XCTAssertEqual(errors.map(\.keyword), ["type", "required", "maxLength",
                                               "additionalProperties"])
        XCTAssertEqual(errors.last?.keywordLocation, "/additionalProperties")
    }

    func testErrorCountStopsAtTheConfiguredLimit() throws {
        let probe = try SchemaProbe(#"{"items": {"type": "string"}}"#,
                                    options: JSONSchemaValidationOptions(maxErrors: 3))
        XCTAssertEqual(probe.errors("[1, 2, 3, 4, 5, 6]").map(\.instanceLocation),
                       ["/0", "/1", "/2"])
        let unlimited = try SchemaProbe(#"{"items": {"type": "string"}}"#)
        XCTAssertEqual(unlimited.errors("[1, 2, 3, 4, 5, 6]").count, 6)
    }

    func testAnyOfFailureSummarisesThenExplainsEachBranch() throws {
        let probe = try SchemaProbe(#"{"anyOf": [{"type": "string"}, {"minimum": 10}]}"#)
        XCTAssertEqual(probe.errors("3").map(\.keywordLocation),
                       ["/anyOf", "/anyOf/0/type", "/anyOf/1/minimum"])
        XCTAssertEqual(probe.errors("3").first?.message,
                       "3 matches none of the 2 schemas of \"anyOf\" (their errors follow)")
        XCTAssertEqual(probe.errors("12"), [])
    }

    func testOneOfMatchingTwiceSaysWhich() throws {
        let probe = try SchemaProbe(#"{"oneOf": [{"type": "integer"}, {"minimum": 0}]}"#)
        XCTAssertEqual(probe.errors("5").map(\.description),
                       ["(root): 5 matches the schemas at 0, 1 of \"oneOf\"; it must match "
                        + "exactly one"])
    }

    func testThenErrorsPointAtThen() throws {
        let probe = try SchemaProbe(#"""
            {"if": {"properties": {"kind": {"const": "card"}}},
             "then": {"required": ["last4"]}}
            """#)
        let errors = probe.errors(#"{"kind": "card"}"#)
        XCTAssertEqual(errors.map(\.keywordLocation), ["/then/required"])
        XCTAssertEqual(errors.first?.message, "the required property \"last4\" is missing")
    }

    func testEnumAndTypeMessagesListTheAllowedValues() throws {
        let probe = try SchemaProbe(#"{"enum": ["web", "store"], "type": ["string", "null"]}"#)
        XCTAssertEqual(probe.errors("4").map(\.message), [
            "4 is an integer, expected one of null, string",
            "4 is not one of \"web\" or \"store\"",
        ])
    }

    func testRefCycleThatNeverAdvancesFailsWithAnErrorInsteadOfCrashing() throws {
        let probe = try SchemaProbe(#"""
            {"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/a"}
            """#)
        XCTAssertFalse(probe.schema.isValid(.number("1")))
        let errors = probe.errors("1")
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?.keyword, "$ref")
        XCTAssertTrue(errors.first?.message.contains("deeper than 256") ?? false)
    }

    func testDeepButFiniteRecursionValidates() throws {
        let probe = try SchemaProbe(#"""
            {"type": "object", "properties": {"next": {"$ref": "#"}}, "required": ["v"]}
            """#)
        var text = #"{"v": 0}"#
        for _ in 0..<50 { text = #"{"v": 1, "next": "# + text + "}" }
        XCTAssertTrue(probe.accepts(text))
    }

    func testMaxContainsErrorPointsAtMaxContains() throws {
        let probe = try SchemaProbe(#"{"contains": {"type": "string"}, "maxContains": 1}"#)
        let errors = probe.errors(#"["a", "b", 3]"#)
        XCTAssertEqual(errors.map(\.keywordLocation), ["/maxContains"])
        XCTAssertEqual(errors.first?.message, "2 items match the \"contains\" schema, more "
                       + "than the maximum of 1")
    }

    func testValidationErrorsOfAFalseSchema() throws {
        let probe = try SchemaProbe(#"{"properties": {"legacy": false}}"#)
        XCTAssertEqual(probe.errors(#"{"legacy": 1}"#).map(\.description),
                       ["/legacy: no value is allowed here (the schema is false), found 1"])
    }
}
