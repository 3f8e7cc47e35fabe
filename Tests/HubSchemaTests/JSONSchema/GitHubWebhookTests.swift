import Foundation
import HubCore
import HubSchema
import XCTest

/// Real third-party events: GitHub's webhook payloads against their draft-07 schemas, which
/// `$ref` shared schemas in `common/` by relative `$id`s. The schemas are registered under the
/// `api.github.com/` folder's URL, as a schema registry would hold them.
final class GitHubWebhookTests: XCTestCase {
    private static let schemasFolder = TestFiles.shared(
        "github-webhooks/payload-schemas/api.github.com")
    private static let examplesFolder = TestFiles.shared(
        "github-webhooks/payload-examples/api.github.com")
    private static var baseURI: String { schemasFolder.absoluteURL.absoluteString + "/" }

    private func makeCompiler() throws -> JSONSchemaCompiler {
        var registry = JSONSchemaRegistry()
        let common = Self.schemasFolder.appendingPathComponent("common")
        for name in try TestFiles.names(in: common) where name.hasSuffix(".schema.json") {
            try registry.register(try TestFiles.json(common.appendingPathComponent(name)),
                                  baseURI: Self.baseURI)
        }
        return JSONSchemaCompiler(resolver: registry)
    }

    /// Every example payload with the schema of its event and action: `issues/opened.*.json`
    /// goes with `issues/opened.schema.json`, and events without per-action schemas (push,
    /// fork) with `event.schema.json`.
    private func examples() throws -> [(payload: URL, schema: URL)] {
        var pairs: [(URL, URL)] = []
        for event in try TestFiles.names(in: Self.examplesFolder) {
            let folder = Self.examplesFolder.appendingPathComponent(event)
            let schemas = Self.schemasFolder.appendingPathComponent(event)
            for file in try TestFiles.names(in: folder) where file.hasSuffix(".json") {
                let action = String(file.prefix { $0 != "." })
                var schema = schemas.appendingPathComponent("\(action).schema.json")
                if !FileManager.default.fileExists(atPath: schema.path) {
                    schema = schemas.appendingPathComponent("event.schema.json")
                }
                pairs.append((folder.appendingPathComponent(file), schema))
            }
        }
        return pairs
    }

    private func compile(_ schemaFile: URL, with compiler: JSONSchemaCompiler) throws
        -> CompiledJSONSchema
    {
        let json = try TestFiles.json(schemaFile)
        XCTAssertEqual(try compiler.compile(json, baseURI: Self.baseURI).draft, .draft7)
        return try compiler.compile(json, baseURI: Self.baseURI)
    }

    func testEveryExamplePayloadIsValidAgainstItsEventSchema() throws {
        let compiler = try makeCompiler()
        let pairs = try examples()
        XCTAssertGreaterThanOrEqual(pairs.count, 38)
        for (payload, schemaFile) in pairs {
            let schema = try compile(schemaFile, with: compiler)
            let errors = schema.validate(try TestFiles.json(payload))
            XCTAssertEqual(errors, [], "\(payload.lastPathComponent): \(errors)")
        }
    }

    func testPayloadMissingARequiredNestedFieldFailsAtThatObject() throws {
        let compiler = try makeCompiler()
        for (payload, schemaFile) in try examples() {
            let schema = try compile(schemaFile, with: compiler)
            let broken = try TestFiles.json(payload).removing("login", under: "sender")
            let errors = schema.validate(broken)
            XCTAssertTrue(errors.contains {
                $0.instanceLocation == "/sender" && $0.keyword == "required"
                    && $0.message.contains("\"login\"")
            }, "\(payload.lastPathComponent): \(errors)")
            XCTAssertFalse(schema.isValid(broken))
        }
    }

    func testPayloadWithAFieldOfTheWrongTypeFailsAtThatField() throws {
        let compiler = try makeCompiler()
        for (payload, schemaFile) in try examples() {
            let schema = try compile(schemaFile, with: compiler)
            let broken = try TestFiles.json(payload).replacing("id", under: "repository",
                                                                with: .string("12345"))
            let errors = schema.validate(broken)
            XCTAssertTrue(errors.contains {
                $0.instanceLocation == "/repository/id" && $0.keyword == "type"
            }, "\(payload.lastPathComponent): \(errors)")
        }
    }

    func testRemovingATopLevelRequiredFieldNamesIt() throws {
        let compiler = try makeCompiler()
        let folder = Self.examplesFolder.appendingPathComponent("issues")
        let schema = try compile(Self.schemasFolder.appendingPathComponent(
            "issues/opened.schema.json"), with: compiler)
        guard case .object(let members) = try TestFiles.json(
            folder.appendingPathComponent("opened.payload.json"))
        else { return XCTFail("the example is an object") }
        let errors = schema.validate(.object(members.filter { $0.0 != "issue" }))
        XCTAssertEqual(errors.map(\.description),
                       ["(root): the required property \"issue\" is missing"])
        XCTAssertEqual(errors.first?.keywordLocation, "/required")
        XCTAssertEqual(errors.first?.absoluteKeywordLocation,
                       Self.baseURI + "issues$opened#/required")
    }
}

extension JSONValue {
    /// A copy without member `key` of the object member `parent`.
    func removing(_ key: String, under parent: String) -> JSONValue {
        guard case .object(let members) = self else { return self }
        return .object(members.map { name, value in
            guard name == parent, case .object(let inner) = value else { return (name, value) }
            return (name, .object(inner.filter { $0.0 != key }))
        })
    }

    /// A copy whose object member `parent` has member `key` set to `replacement`.
    func replacing(_ key: String, under parent: String, with replacement: JSONValue)
        -> JSONValue
    {
        guard case .object(let members) = self else { return self }
        return .object(members.map { name, value in
            guard name == parent, case .object(let inner) = value else { return (name, value) }
            return (name, .object(inner.map { $0.0 == key ? (key, replacement) : $0 }))
        })
    }
}
