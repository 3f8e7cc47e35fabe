import Foundation
import HubCore
import HubSchema
import XCTest

/// `$ref` across registered schemas and files, without the network.
final class ResolverTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("hubsh-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("common"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func write(_ text: String, _ path: String) throws {
        try text.write(to: folder.appendingPathComponent(path), atomically: true,
                       encoding: .utf8)
    }

    func testFileReferencesResolveRelativeToTheReferencingFile() throws {
        try write(#"{"type": "string", "pattern": "^CUS-[0-9]{7}$"}"#, "common/customer.json")
        try write(#"{"properties": {"customerId": {"$ref": "common/customer.json"}}}"#,
                  "order.json")
        let compiler = JSONSchemaCompiler(resolver: JSONSchemaFileResolver())
        let schema = try compiler.compile(uri: folder.appendingPathComponent("order.json")
                                            .absoluteString)
        XCTAssertTrue(schema.isValid(try JSONValue.parse(#"{"customerId": "CUS-0012722"}"#)))
        let errors = schema.validate(try JSONValue.parse(#"{"customerId": "C-1"}"#))
        XCTAssertEqual(errors.first?.instanceLocation, "/customerId")
        XCTAssertEqual(errors.first?.absoluteKeywordLocation,
                       folder.appendingPathComponent("common/customer.json").absoluteString
                       + "#/pattern")
    }

    func testRegisteredSchemasAreFoundByTheirIdResolvedAgainstTheRegistrationBase() throws {
        var registry = JSONSchemaRegistry()
        let uri = try registry.register(
            try JSONValue.parse(#"{"$id": "common/money.json", "type": "number", "minimum": 0}"#),
            baseURI: "https://schemas.example/")
        XCTAssertEqual(uri, "https://schemas.example/common/money.json")
        let compiler = JSONSchemaCompiler(resolver: registry)
        let schema = try compiler.compile(
            try JSONValue.parse(#"{"$id": "orders", "properties": {"total": "#
                                + #"{"$ref": "common/money.json"}}}"#),
            baseURI: "https://schemas.example/")
        XCTAssertEqual(schema.uri, "https://schemas.example/orders")
        XCTAssertFalse(schema.isValid(try JSONValue.parse(#"{"total": -1}"#)))
        XCTAssertTrue(schema.isValid(try JSONValue.parse(#"{"total": 1}"#)))
    }

    func testPrefixMappingServesAFolderForAURL() throws {
        try write(#"{"type": "integer"}"#, "common/int.json")
        let resolver = JSONSchemaFileResolver(mapping: "http://localhost:1234/", to: folder)
        let compiler = JSONSchemaCompiler(resolver: resolver)
        let schema = try compiler.compile(
            try JSONValue.parse(#"{"$ref": "http://localhost:1234/common/int.json"}"#))
        XCTAssertTrue(schema.isValid(.number("3")))
        XCTAssertFalse(schema.isValid(.string("3")))
        XCTAssertThrowsError(try compiler.compile(
            try JSONValue.parse(#"{"$ref": "http://elsewhere.example/int.json"}"#)))
    }

    func testChainAsksEachResolverInTurn() throws {
        var registry = JSONSchemaRegistry()
        try registry.register(try JSONValue.parse(#"{"type": "string"}"#),
                              baseURI: "urn:example:text")
        try write(#"{"type": "boolean"}"#, "flag.json")
        let chain = JSONSchemaResolverChain([registry, JSONSchemaFileResolver()])
        let compiler = JSONSchemaCompiler(resolver: chain)
        let flag = folder.appendingPathComponent("flag.json").absoluteString
        let schema = try compiler.compile(try JSONValue.parse(
            "{\"properties\": {\"a\": {\"$ref\": \"urn:example:text\"}, "
                + "\"b\": {\"$ref\": \"\(flag)\"}}}"))
        XCTAssertTrue(schema.isValid(try JSONValue.parse(#"{"a": "x", "b": true}"#)))
        XCTAssertFalse(schema.isValid(try JSONValue.parse(#"{"a": "x", "b": "true"}"#)))
    }

    func testUnreadableFileIsATypedError() throws {
        try write("{not json", "broken.json")
        let compiler = JSONSchemaCompiler(resolver: JSONSchemaFileResolver())
        let uri = folder.appendingPathComponent("broken.json").absoluteString
        XCTAssertThrowsError(try compiler.compile(uri: uri)) { error in
            guard case JSONSchemaError.unreadableDocument(let found, _)? = error as? JSONSchemaError
            else { return XCTFail("\(error)") }
            XCTAssertEqual(found, uri)
        }
    }

    func testMetaschemasAreBuiltIn() throws {
        let compiler = JSONSchemaCompiler()
        let meta = try compiler.compile(
            try JSONValue.parse(#"{"$ref": "https://json-schema.org/draft/2020-12/schema"}"#))
        XCTAssertTrue(meta.isValid(try JSONValue.parse(#"{"type": "string", "minLength": 1}"#)))
        XCTAssertEqual(meta.validate(try JSONValue.parse(#"{"minLength": -1}"#)).first?
                        .instanceLocation, "/minLength")
    }

    func testCompiledSchemaIsSharedAcrossThreads() throws {
        let schema = try JSONSchemaCompiler().compile(
            try JSONValue.parse(#"{"items": {"type": "integer", "maximum": 10}}"#))
        let good = try JSONValue.parse("[1, 2, 3]")
        let bad = try JSONValue.parse("[1, 20]")
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<200 {
                XCTAssertTrue(schema.isValid(good))
                XCTAssertEqual(schema.validate(bad).count, 1)
            }
        }
    }
}
