import HubCore
import HubSchema
import XCTest

/// Each compatibility rule fires in the direction it breaks and stays quiet in the other.
final class CompatibilityTests: XCTestCase {
    private func schema(_ text: String) -> JSONValue {
        (try? JSONValue.parse(text)) ?? .null
    }

    /// Checks `old` → `new`: the rules found for backward and forward, as `rule@path`.
    private func rules(_ old: String, _ new: String) -> (backward: [String], forward: [String]) {
        let before = schema(old)
        let after = schema(new)
        let label = { (found: JSONSchemaIncompatibility) in "\(found.rule)@\(found.path)" }
        return (JSONSchemaCompatibility.check(old: before, new: after, direction: .backward)
                    .map(label),
                JSONSchemaCompatibility.check(old: before, new: after, direction: .forward)
                    .map(label))
    }

    private func assertRule(_ old: String, _ new: String, backward: [String],
                            forward: [String], file: StaticString = #filePath,
                            line: UInt = #line) {
        let found = rules(old, new)
        XCTAssertEqual(found.backward, backward, "backward", file: file, line: line)
        XCTAssertEqual(found.forward, forward, "forward", file: file, line: line)
    }

    func testIdenticalSchemasAreFullyCompatible() throws {
        let orders = try TestFiles.json(TestFiles.repository("samples/schemas/orders.schema.json"))
        XCTAssertEqual(JSONSchemaCompatibility.check(old: orders, new: orders, direction: .full),
                       [])
    }

    func testRequiredAddedBreaksBackwardAndRequiredRemovedBreaksForward() {
        let old = #"{"properties": {"a": {"type": "string"}}}"#
        let new = #"{"properties": {"a": {"type": "string"}}, "required": ["a"]}"#
        assertRule(old, new, backward: ["required-added@/required"], forward: [])
        assertRule(new, old, backward: [], forward: ["required-removed@/required"])
    }

    func testTypeNarrowedBreaksBackwardAndTypeWidenedBreaksForward() {
        let wide = #"{"properties": {"n": {"type": ["integer", "string"]}}}"#
        let narrow = #"{"properties": {"n": {"type": "integer"}}}"#
        assertRule(wide, narrow, backward: ["type-narrowed@/properties/n"], forward: [])
        assertRule(narrow, wide, backward: [], forward: ["type-widened@/properties/n"])
    }

    func testIntegerToNumberWidensAndNumberToIntegerNarrows() {
        assertRule(#"{"type": "integer"}"#, #"{"type": "number"}"#,
                   backward: [], forward: ["type-widened@"])
        assertRule(#"{"type": "number"}"#, #"{"type": "integer"}"#,
                   backward: ["type-narrowed@"], forward: [])
    }

    func testEnumNarrowedAndWidened() {
        let small = #"{"enum": ["a", "b"]}"#
        let large = #"{"enum": ["a", "b", "c"]}"#
        assertRule(large, small, backward: ["enum-narrowed@"], forward: [])
        assertRule(small, large, backward: [], forward: ["enum-widened@"])
        assertRule(#"{"type": "string"}"#, #"{"type": "string", "const": "a"}"#,
                   backward: ["enum-narrowed@"], forward: [])
    }

    func testRangeNarrowedAndWidenedComparesExactly() {
        let loose = #"{"type": "number", "minimum": 0, "maximum": 100}"#
        let tight = #"{"type": "number", "exclusiveMinimum": 0, "maximum": 99.99}"#
        assertRule(loose, tight, backward: ["range-narrowed@", "range-narrowed@"], forward: [])
        assertRule(tight, loose, backward: [], forward: ["range-widened@", "range-widened@"])
        assertRule(#"{"maximum": 1e400}"#, #"{"maximum": 1e400}"#, backward: [], forward: [])
    }

    func testMultipleOfNarrowedAndWidened() {
        let cents = #"{"multipleOf": 0.01}"#
        let dimes = #"{"multipleOf": 0.1}"#
        assertRule(cents, dimes, backward: ["multipleOf-narrowed@"], forward: [])
        assertRule(dimes, cents, backward: [], forward: ["multipleOf-widened@"])
    }

    func testLengthNarrowedAndWidened() {
        let short = #"{"type": "string", "maxLength": 10}"#
        let long = #"{"type": "string", "maxLength": 20}"#
        assertRule(long, short, backward: ["length-narrowed@"], forward: [])
        assertRule(short, long, backward: [], forward: ["length-widened@"])
    }

    func testPatternAddedRemovedAndChanged() {
        let plain = #"{"type": "string"}"#
        let digits = #"{"type": "string", "pattern": "^[0-9]+$"}"#
        let letters = #"{"type": "string", "pattern": "^[a-z]+$"}"#
        assertRule(plain, digits, backward: ["pattern-added@"], forward: [])
        assertRule(digits, plain, backward: [], forward: ["pattern-removed@"])
        assertRule(digits, letters, backward: ["pattern-changed@"],
                   forward: ["pattern-changed@"])
    }

    func testFormatAddedRemovedAndChanged() {
        let plain = #"{"type": "string"}"#
        let date = #"{"type": "string", "format": "date"}"#
        let time = #"{"type": "string", "format": "time"}"#
        assertRule(plain, date, backward: ["format-added@"], forward: [])
        assertRule(date, plain, backward: [], forward: ["format-removed@"])
        assertRule(date, time, backward: ["format-changed@"], forward: ["format-changed@"])
    }

    func testItemCountAndUniqueItems() {
        let few = #"{"type": "array", "maxItems": 3, "uniqueItems": true}"#
        let many = #"{"type": "array", "maxItems": 5}"#
        assertRule(many, few, backward: ["item-count-narrowed@", "unique-items-added@"],
                   forward: [])
        assertRule(few, many, backward: [],
                   forward: ["item-count-widened@", "unique-items-removed@"])
    }

    func testItemSchemasAreComparedByPosition() {
        let old = #"{"type": "array", "items": {"type": "string"}}"#
        let new = #"{"type": "array", "items": {"type": "string", "minLength": 2}}"#
        assertRule(old, new, backward: ["length-narrowed@/items"], forward: [])
    }

    func testPropertyCountNarrowedAndWidened() {
        let old = #"{"type": "object"}"#
        let new = #"{"type": "object", "minProperties": 1}"#
        assertRule(old, new, backward: ["property-count-narrowed@"], forward: [])
        assertRule(new, old, backward: [], forward: ["property-count-widened@"])
    }

    func testDependentRequiredAddedAndRemoved() {
        let old = #"{"type": "object"}"#
        let new = #"{"type": "object", "dependentRequired": {"card": ["expiry"]}}"#
        assertRule(old, new, backward: ["dependent-required-added@/dependentRequired/card"],
                   forward: [])
        assertRule(new, old, backward: [],
                   forward: ["dependent-required-removed@/dependentRequired/card"])
    }

    func testAddingAPropertyToAClosedModelBreaksForwardAndRemovingBreaksBackward() {
        let small = #"{"properties": {"a": {}}, "additionalProperties": false}"#
        let large = #"{"properties": {"a": {}, "b": {"type": "string"}}, "#
            + #""additionalProperties": false}"#
        assertRule(small, large, backward: [],
                   forward: ["property-added-to-closed-model@/properties/b"])
        assertRule(large, small,
                   backward: ["property-removed-from-closed-model@/properties/b"], forward: [])
    }

    func testAddingAConstrainedPropertyToAnOpenModelBreaksBackward() {
        let small = #"{"properties": {"a": {}}}"#
        let large = #"{"properties": {"a": {}, "b": {"type": "string"}}}"#
        assertRule(small, large, backward: ["property-added-to-open-model@/properties/b"],
                   forward: [])
        assertRule(large, small, backward: [],
                   forward: ["property-removed-from-open-model@/properties/b"])
    }

    func testClosingAndOpeningAdditionalProperties() {
        let open = #"{"properties": {"a": {}}}"#
        let closed = #"{"properties": {"a": {}}, "additionalProperties": false}"#
        assertRule(open, closed,
                   backward: ["additional-properties-narrowed@/additionalProperties"],
                   forward: [])
        assertRule(closed, open, backward: [],
                   forward: ["additional-properties-widened@/additionalProperties"])
    }

    func testFalseSchemaAddedAndRemoved() {
        let allowed = #"{"properties": {"a": {"type": "string"}}}"#
        let banned = #"{"properties": {"a": false}}"#
        assertRule(allowed, banned, backward: ["false-schema-added@/properties/a"], forward: [])
        assertRule(banned, allowed, backward: [], forward: ["false-schema-removed@/properties/a"])
    }

    func testLocalReferencesAreFollowedOnBothSides() {
        let old = ##"{"$defs": {"id": {"type": "string"}}, "##
            + ##""properties": {"id": {"$ref": "#/$defs/id"}}}"##
        let new = ##"{"$defs": {"id": {"type": "string", "maxLength": 8}}, "##
            + ##""properties": {"id": {"$ref": "#/$defs/id"}}}"##
        assertRule(old, new, backward: ["length-narrowed@/$defs/id"], forward: [])
        assertRule(new, old, backward: [], forward: ["length-widened@/$defs/id"])
    }

    func testRecursiveSchemasTerminate() {
        let tree = ##"{"$defs": {"node": {"type": "object", "properties": {"children": "##
            + ##"{"type": "array", "items": {"$ref": "#/$defs/node"}}}}}, "$ref": "#/$defs/node"}"##
        assertRule(tree, tree, backward: [], forward: [])
    }

    func testChangedCombinatorTheCheckerCannotProveIsReportedBothWays() {
        let old = #"{"oneOf": [{"type": "string"}, {"type": "integer"}]}"#
        let new = #"{"oneOf": [{"type": "string"}, {"type": "number"}]}"#
        assertRule(old, new, backward: ["unanalyzable-change@/oneOf"],
                   forward: ["unanalyzable-change@/oneOf"])
    }

    func testWriterEnumValuesAreCheckedAgainstReaderConstraints() {
        let old = #"{"enum": ["ab", "abc"]}"#
        let new = #"{"type": "string", "maxLength": 3}"#
        assertRule(old, new, backward: [], forward: ["enum-widened@"])
        assertRule(#"{"enum": ["ab", "abcd"]}"#, new, backward: ["enum-narrowed@"],
                   forward: ["enum-widened@"])
    }

    func testFullChecksBothDirectionsAndFindingsReadAsSentences() {
        let old = schema(#"{"properties": {"total": {"type": "number", "minimum": 0}}}"#)
        let new = schema(#"{"properties": {"total": {"type": "number", "minimum": 1}}}"#)
        let found = JSONSchemaCompatibility.check(old: old, new: new, direction: .full)
        XCTAssertEqual(found.map(\.description), [
            "/properties/total: [range-narrowed] the lower bound changed from minimum 0 to "
                + "minimum 1 (breaks backward)",
        ])
    }

    func testTransitiveModesCheckEveryEarlierVersion() {
        let v1 = schema(#"{"type": "object", "properties": {"a": {"type": "string"}}}"#)
        let v2 = schema(#"{"type": "object", "properties": {"a": {"type": "string"}, "#
                        + #""b": {"type": "string"}}}"#)
        let v3 = schema(#"{"type": "object", "properties": {"a": {"type": "string"}, "#
                        + #""b": {"type": "string"}}, "required": ["b"]}"#)
        let latest = JSONSchemaCompatibility.check(v3, against: [v1, v2], mode: .backward)
        XCTAssertEqual(latest.map(\.previousIndex), [1])
        XCTAssertEqual(latest.map(\.incompatibility.rule), ["required-added"])
        let all = JSONSchemaCompatibility.check(v3, against: [v1, v2],
                                                mode: .backwardTransitive)
        XCTAssertEqual(all.map(\.previousIndex), [0, 0, 1])
        XCTAssertEqual(JSONSchemaCompatibility.check(v3, against: [v1, v2], mode: .forward)
                        .map(\.incompatibility.rule), [String]())
        XCTAssertEqual(JSONSchemaCompatibility.check(v2, against: [v3], mode: .full)
                        .map(\.incompatibility.rule), ["required-removed"])
        XCTAssertTrue(JSONSchemaCompatibility.check(v3, against: [v1, v2], mode: .none).isEmpty)
    }

    func testEveryReportedRuleIsDocumented() {
        let documented = Set(JSONSchemaCompatibility.Rule.all.map(\.id))
        XCTAssertEqual(documented.count, JSONSchemaCompatibility.Rule.all.count)
        for id in ["required-added", "type-narrowed", "unanalyzable-change"] {
            XCTAssertTrue(documented.contains(id))
        }
    }
}
