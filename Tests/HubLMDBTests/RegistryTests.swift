import HubCore
import XCTest

@testable import HubLMDB

final class RegistryTests: LMDBTestCase {
    struct Refused: Error {}

    func testGroupsAreCreatedWithTheirFormatAndMode() throws {
        let clock = ManualClock(7_000)
        let log = try openLog(clock.options())
        let created = try log.createSchemaGroup(
            SchemaGroup(name: "orders", format: .json, compatibility: .backwardTransitive,
                        assertFormats: true))
        _ = try log.createSchemaGroup(SchemaGroup(name: "billing", format: .avro))
        XCTAssertEqual(created.createdAt, 7_000)
        XCTAssertEqual(try log.schemaGroups().map(\.name), ["billing", "orders"])
        let read = try log.schemaGroup(named: "orders")
        XCTAssertEqual(read, created)
        let duplicate = SchemaGroup(name: "orders", format: .avro)
        XCTAssertThrowsError(try log.createSchemaGroup(duplicate)) {
            XCTAssertEqual($0 as? RegistryError, .groupExists("orders"))
        }
        XCTAssertThrowsError(try log.schemaGroup(named: "nope")) {
            XCTAssertEqual($0 as? RegistryError, .groupNotFound("nope"))
        }
        let badName = SchemaGroup(name: "bad/name", format: .json)
        XCTAssertThrowsError(try log.createSchemaGroup(badName))
    }

    func testVersionsCountUpAndTheSameCanonicalFormReturnsTheExistingVersion() throws {
        let log = try openLog()
        _ = try log.createSchemaGroup(SchemaGroup(name: "orders", format: .json))
        let first = try log.registerSchema(
            group: "orders", name: "order", definition: "{ \"type\": \"object\" }",
            canonicalForm: "{\"type\":\"object\"}", check: { XCTAssertEqual($0, []) })
        XCTAssertTrue(first.created)
        XCTAssertEqual(first.version.version, 1)
        XCTAssertEqual(first.version.id.count, 32)
        XCTAssertTrue(first.version.id.allSatisfy { "0123456789abcdef".contains($0) })

        let again = try log.registerSchema(
            group: "orders", name: "order", definition: "{\"type\":\"object\"}",
            canonicalForm: "{\"type\":\"object\"}", check: { _ in XCTFail("no check for same") })
        XCTAssertFalse(again.created)
        XCTAssertEqual(again.version, first.version)

        let second = try log.registerSchema(
            group: "orders", name: "order", definition: "{\"type\":\"array\"}",
            canonicalForm: "{\"type\":\"array\"}",
            check: { XCTAssertEqual($0.map(\.version), [1]) })
        XCTAssertEqual(second.version.version, 2)
        XCTAssertNotEqual(second.version.id, first.version.id)
        let versions = try log.schemaVersions(group: "orders", name: "order")
        XCTAssertEqual(versions.map(\.version), [1, 2])
        XCTAssertEqual(try log.schema(id: second.version.id), second.version)
        let latest = try log.schemaVersion(group: "orders", name: "order", version: nil)
        XCTAssertEqual(latest, second.version)
        XCTAssertThrowsError(try log.schemaVersion(group: "orders", name: "order", version: 3))
    }

    func testFailingCheckWritesNothing() throws {
        let log = try openLog()
        _ = try log.createSchemaGroup(SchemaGroup(name: "g", format: .json))
        _ = try log.registerSchema(
            group: "g", name: "s", definition: "1", canonicalForm: "1") { _ in }
        XCTAssertThrowsError(
            try log.registerSchema(
                group: "g", name: "s", definition: "2", canonicalForm: "2") { _ in throw Refused() }
        ) { XCTAssertTrue($0 is Refused, "the check's own error comes through: \($0)") }
        XCTAssertEqual(try log.schemaVersions(group: "g", name: "s").count, 1)
    }

    func testLatestSchemasListsTheNewestVersionOfEach() throws {
        let log = try openLog()
        _ = try log.createSchemaGroup(SchemaGroup(name: "a", format: .json))
        _ = try log.createSchemaGroup(SchemaGroup(name: "ab", format: .json))
        for (group, name, text) in [("a", "x", "1"), ("a", "x", "2"), ("a", "y", "1"),
                                    ("ab", "x", "1")] {
            _ = try log.registerSchema(
                group: group, name: name, definition: text, canonicalForm: text) { _ in }
        }
        let all = try log.latestSchemas(group: nil)
        XCTAssertEqual(
            all.map { "\($0.qualifiedName)@\($0.version)" }, ["a/x@2", "a/y@1", "ab/x@1"])
        XCTAssertEqual(try log.latestSchemas(group: "a").count, 2)
        XCTAssertThrowsError(try log.schemaVersions(group: "a", name: "z")) {
            XCTAssertEqual($0 as? RegistryError, .schemaNotFound(group: "a", name: "z"))
        }
    }

    func testHubBindingSurvivesReopenAndCanBeRemoved() throws {
        let log = try openLog(withHub: HubSpec(name: "orders"))
        _ = try log.createSchemaGroup(SchemaGroup(name: "g", format: .json))
        XCTAssertThrowsError(
            try log.setSchemaBinding(hub: "orders", SchemaBinding(group: "g", name: "missing")))
        _ = try log.registerSchema(
            group: "g", name: "order", definition: "{}", canonicalForm: "{}") { _ in }
        let binding = SchemaBinding(group: "g", name: "order", onInvalid: .deadletter)
        let hub = try log.setSchemaBinding(hub: "orders", binding)
        XCTAssertEqual(hub.schema, binding)
        XCTAssertEqual(try log.hub(named: "orders").schema, binding)
        XCTAssertEqual(try log.hubs().first?.schema, binding)

        // Events still append to a hub whose record grew.
        _ = try log.append(
            hub: "orders", batch: [RoutedEvent(partition: 0, data: EventData(text: "x"))],
            durability: .noSync)
        XCTAssertEqual(try log.hub(named: "orders").partitionCount, 4)

        _ = try log.setSchemaBinding(hub: "orders", nil)
        XCTAssertNil(try log.schemaBinding(hub: "orders"))
    }
}
