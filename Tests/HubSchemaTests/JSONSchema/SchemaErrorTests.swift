import Foundation
import HubCore
import HubSchema
import XCTest

/// Mistakes in a schema surface when it compiles, located and with what to do.
final class SchemaErrorTests: XCTestCase {
    private func compileError(_ text: String) -> JSONSchemaError? {
        do {
            _ = try JSONSchemaCompiler().compile(try JSONValue.parse(text),
                                                 baseURI: "https://schemas.example/s.json")
            return nil
        } catch let error as JSONSchemaError {
            return error
        } catch {
            return nil
        }
    }

    func testKeywordWithTheWrongKindOfValueIsLocated() {
        XCTAssertEqual(compileError(#"{"properties": {"total": {"minimum": "5"}}}"#),
                       .invalidSchema(location: "https://schemas.example/s.json#/properties/"
                                      + "total/minimum",
                                      message: "\"minimum\" must be a number, not \"5\""))
        XCTAssertEqual(compileError(#"{"type": "text"}"#)?.description,
                       "invalid schema at https://schemas.example/s.json#/type: \"type\" must "
                       + "name types among null, boolean, object, array, number, string, "
                       + "integer; not \"text\"")
    }

    func testUnusedDefinitionsAreCheckedToo() {
        XCTAssertNotNil(compileError(#"{"$defs": {"unused": {"maxLength": -1}}}"#))
    }

    func testUnresolvableReferenceNamesTheTarget() {
        let error = compileError(#"{"properties": {"a": {"$ref": "common/missing.json"}}}"#)
        XCTAssertEqual(error, .unresolvableReference(
            reference: "common/missing.json",
            resolvedURI: "https://schemas.example/common/missing.json",
            location: "https://schemas.example/s.json#/properties/a/$ref"))
        XCTAssertTrue(error?.description.contains("register the schema") ?? false)
        XCTAssertNotNil(compileError(##"{"$ref": "#/$defs/nothing"}"##))
        XCTAssertNotNil(compileError(##"{"$ref": "#no-such-anchor"}"##))
    }

    func testUnknownDialectIsRefused() {
        XCTAssertEqual(compileError(#"{"$schema": "http://json-schema.org/draft-04/schema#"}"#),
                       .unsupportedDialect(uri: "http://json-schema.org/draft-04/schema#",
                                           location: "https://schemas.example/s.json#/$schema"))
    }

    func testInvalidRegularExpressionIsRefused() {
        guard case .invalidPattern(let pattern, let location, _)? = compileError(
            #"{"pattern": "^(ab"}"#) else { return XCTFail("expected invalidPattern") }
        XCTAssertEqual(pattern, "^(ab")
        XCTAssertEqual(location, "https://schemas.example/s.json#/pattern")
        XCTAssertNotNil(compileError(#"{"patternProperties": {"a++": {}}}"#))
    }

    func testLookbehindICUCannotRunIsUnsupportedAndSaysWhereItStarts() {
        XCTAssertEqual(
            compileError(#"{"pattern": "^x(?<!b*)c"}"#),
            .unsupportedPattern(
                pattern: "^x(?<!b*)c", location: "https://schemas.example/s.json#/pattern",
                reason: "a lookbehind without a maximum length, which ICU (the engine that runs"
                    + " it) cannot match; bound what it repeats, such as a{1,10} for a+ or a*",
                offset: 2))
        XCTAssertNil(compileError(#"{"pattern": "^x(?<!b{0,4})c"}"#))
    }

    func testRelativeBaseURIIsRefused() {
        XCTAssertThrowsError(try JSONSchemaCompiler().compile(.object([]), baseURI: "orders"))
    }

    func testDraftIsChosenBySchemaKeywordWithDraft2020AsDefault() throws {
        let compiler = JSONSchemaCompiler()
        XCTAssertEqual(try compiler.compile(.object([])).draft, .draft2020_12)
        let draft7 = try compiler.compile(try JSONValue.parse(
            #"{"$schema": "http://json-schema.org/draft-07/schema#", "#
                + #""items": [{"type": "integer"}]}"#))
        XCTAssertEqual(draft7.draft, .draft7)
        XCTAssertFalse(draft7.isValid(try JSONValue.parse(#"["x"]"#)))
        XCTAssertNotNil(compileError(#"{"items": [{"type": "integer"}]}"#),
                        "2020-12 items must be a single schema")
    }
}
