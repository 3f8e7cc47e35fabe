import Foundation
import HubCore
import HubSchema
import XCTest

@testable import HubShell

/// The pieces of schema enforcement that need no store: checking, dead-letter records,
/// refusal messages and the Avro content type.
final class SchemaEnforcementUnitTests: XCTestCase {
    private let version = SchemaVersion(
        group: "shop", name: "order", version: 3, id: String(repeating: "a", count: 32),
        definition: "", canonicalForm: "", registeredAt: 0)

    private func orderSchema() throws -> CompiledEventSchema {
        let json = try JSONValue.parse(
            #"{"type":"object","properties":{"id":{"type":"string"}},"required":["id"]}"#)
        let compiled = try JSONSchemaCompiler().compile(json)
        return CompiledEventSchema(
            version: version, form: .json(compiled, JSONSchemaValidationOptions()))
    }

    func testLargePublishKeepsEachOutcomeWithItsEvent() throws {
        let schema = try orderSchema()
        let events = (0..<3000).map { index in
            EventData(text: index % 7 == 0 ? #"{"id":\#(index)}"# : #"{"id":"o-\#(index)"}"#)
        }
        let outcomes = SchemaEnforcement.check(events, with: schema)
        XCTAssertEqual(outcomes.count, events.count)
        for (index, outcome) in outcomes.enumerated() {
            if case .invalid(let problems) = outcome {
                XCTAssertEqual(index % 7, 0, "event \(index)")
                XCTAssertEqual(problems.first?.message, "\(index) is an integer, expected string")
            } else {
                XCTAssertNotEqual(index % 7, 0, "event \(index)")
            }
        }
    }

    func testBodyThatIsNotJSONIsInvalidWithKeywordJSON() throws {
        guard case .invalid(let problems) = try orderSchema().check(Array("hello".utf8)) else {
            return XCTFail("a body that is no JSON passed")
        }
        XCTAssertEqual(problems.map(\.keyword), ["json"])
    }

    func testDeadLetterRecordKeepsTheEventAndSaysWhy() {
        let event = EventData(
            body: Array(#"{"id":2}"#.utf8), partitionKey: "customer-7",
            properties: [("eventType", .string("OrderPlaced"))], contentType: "application/json")
        let problem = SchemaProblem(
            instancePath: "/id", schemaPath: "/properties/id/type", keyword: "type",
            message: "2 is an integer, expected string")
        let letter = DeadLetter.event(
            event, problems: [problem], schema: version, hub: "orders", partition: nil)
        XCTAssertEqual(letter.body, event.body)
        XCTAssertEqual(letter.partitionKey, "customer-7")
        XCTAssertEqual(letter.contentType, "application/json")
        let property = { DeadLetter.property($0, of: letter) }
        XCTAssertEqual(property(DeadLetter.reason), .string("schema-validation-failed"))
        XCTAssertEqual(
            property(DeadLetter.errors), .string("/id: 2 is an integer, expected string"))
        XCTAssertEqual(property(DeadLetter.schemaVersion), .int(3))
        XCTAssertEqual(property(DeadLetter.originKey), .string("customer-7"))
        XCTAssertNil(property(DeadLetter.originPartition))
        XCTAssertEqual(DeadLetter.original(letter), event)
    }

    func testDeadLetterErrorsAreCutToOneKibibyte() {
        let problems = (0..<200).map {
            SchemaProblem(instancePath: "/items/\($0)", schemaPath: "", keyword: "type",
                          message: "expected a string")
        }
        let summary = SchemaProblem.summary(problems)
        XCTAssertEqual(summary.count, 1024)
        XCTAssertTrue(summary.hasSuffix("…"))
    }

    func testRefusalShowsTheFirstThreeErrorsAndHowManyMore() {
        let problems = (1...5).map {
            SchemaProblem(instancePath: "/n\($0)", schemaPath: "", keyword: "type", message: "bad")
        }
        let failure = SchemaEnforcement.refusal(
            [(index: 1, problems: problems)], total: 4, schema: version, hub: "orders")
        XCTAssertEqual(
            failure.message,
            "1 of 4 events do not match schema 'shop/order' version 3 bound to hub 'orders':"
                + " event 2: /n1: bad; event 2: /n2: bad; event 2: /n3: bad (and 2 more);"
                + " nothing was published")
    }

    func testAvroContentTypeCarriesTheSchemaId() {
        XCTAssertEqual(AvroContentType.make(schemaId: "ab12"), "avro/binary+ab12")
        XCTAssertEqual(AvroContentType.schemaId(in: "avro/binary+ab12"), "ab12")
        XCTAssertNil(AvroContentType.schemaId(in: "avro/binary+"))
        XCTAssertNil(AvroContentType.schemaId(in: "application/json"))
        XCTAssertNil(AvroContentType.schemaId(in: nil))
    }

    func testReferencedSchemaIsFoundInAParentFolderOfTheRegisteredFile() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("issues/opened.schema.json", "{}")
        try folder.write("common/user.schema.json", #"{"$id":"common/user.schema.json"}"#)
        let base = SchemaCatalog.baseURI(group: "github")
        let resolver = SchemaCatalog.fileResolver(for: file, group: "github")
        let found = try resolver.document(at: base + "common/user.schema.json")
        XCTAssertEqual(found?.baseURI, base)
        XCTAssertNil(try resolver.document(at: base + "common/missing.schema.json"))
        XCTAssertNil(try resolver.document(at: "https://elsewhere.example/common/user.schema.json"))
    }
}
