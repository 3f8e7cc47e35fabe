import HubCore
import XCTest
@testable import HubSamples

final class SchemaTests: XCTestCase {
    private func schema(of stream: ValueStream) throws -> JSONValue {
        try JSONValue.parse(RepositoryFiles.text("samples/schemas/\(stream.hub).schema.json"))
    }

    private func bodies(of stream: ValueStream, count: Int, seed: UInt64) throws -> [JSONValue] {
        var generator = SampleGenerator(stream: stream, seed: seed)
        return try generator.next(count).map { try JSONValue.parse(bytes: $0.body) }
    }

    private func strings(_ value: JSONValue?) -> [String] {
        guard case .array(let items)? = value else { return [] }
        return items.compactMap(\.stringValue)
    }

    func testEverySchemaIsDraft202012WithAnId() throws {
        for stream in SampleCatalog.streams {
            let schema = try schema(of: stream)
            XCTAssertEqual(
                schema["$schema"]?.stringValue, "https://json-schema.org/draft/2020-12/schema")
            let id = schema["$id"]?.stringValue ?? ""
            XCTAssert(id.hasPrefix("https://") && id.hasSuffix("/\(stream.hub).schema.json"), id)
            XCTAssertEqual(schema["type"]?.stringValue, "object")
        }
    }

    func testEverySchemaFileBelongsToAStream() throws {
        let expected = SampleCatalog.hubNames.map { $0 + ".schema.json" }.sorted()
        XCTAssertEqual(try RepositoryFiles.names(in: "samples/schemas"), expected)
    }

    func testSchemaEventTypesAreTheStreamsEventTypes() throws {
        for stream in SampleCatalog.streams {
            let declared = try schema(of: stream)["properties"]?["eventType"]?["enum"]
            XCTAssertEqual(Set(strings(declared)), Set(stream.eventTypes), stream.hub)
        }
    }

    func testRequiredMembersAreDeclaredAndIncludeTheKeyField() throws {
        for stream in SampleCatalog.streams {
            let schema = try schema(of: stream)
            let required = strings(schema["required"])
            XCTAssert(required.contains(stream.keyField), stream.hub)
            for name in required {
                XCTAssertNotNil(schema["properties"]?[name], "\(stream.hub): \(name)")
            }
        }
    }

    /// The light check: each top-level required member is there, with its declared type.
    func testGeneratedEventsHaveEveryRequiredMemberWithItsType() throws {
        for stream in SampleCatalog.streams {
            let schema = try schema(of: stream)
            for body in try bodies(of: stream, count: 200, seed: 31) {
                for name in strings(schema["required"]) {
                    let member = try XCTUnwrap(body[name], "\(stream.hub) misses \(name)")
                    let type = schema["properties"]?[name]?["type"]?.stringValue
                    XCTAssert(has(member, type: type), "\(stream.hub).\(name): \(member.text)")
                }
            }
        }
    }

    /// The deeper check: patterns, formats, enums, bounds, nested members and the rules that
    /// apply to one event type only. Each type is checked on its first 25 events of a run, so
    /// rare types get their share without checking thousands of common ones.
    func testGeneratedEventsSatisfyTheirSchemas() throws {
        let validator = SchemaSubsetValidator()
        let perType = 25
        for stream in SampleCatalog.streams {
            let schema = try schema(of: stream)
            var generator = SampleGenerator(stream: stream, seed: 1)
            var checked: [String: Int] = [:]
            var made = 0
            while checked.values.reduce(0, +) < perType * stream.eventTypes.count && made < 5_000 {
                made += 1
                let event = generator.next()
                let type = event.properties.first?.1.text ?? ""
                guard checked[type, default: 0] < perType else { continue }
                checked[type, default: 0] += 1
                let body = try JSONValue.parse(bytes: event.body)
                let problems = validator.problems(body, against: schema)
                XCTAssertEqual(problems, [], "\(stream.hub): \(body.text)")
                if !problems.isEmpty { break }
            }
        }
    }

    func testSchemaCheckRejectsEventsThatBreakTheSchema() throws {
        let validator = SchemaSubsetValidator()
        let orders = try SampleCatalog.lookup("orders")
        let schema = try schema(of: orders)
        let body = try XCTUnwrap(bodies(of: orders, count: 1, seed: 1).first)
        guard case .object(let members) = body else { return XCTFail("not an object") }
        func changed(_ key: String, _ value: JSONValue?) -> JSONValue {
            var copy = members.filter { $0.0 != key }
            if let value { copy.append((key, value)) }
            return .object(copy)
        }

        XCTAssertEqual(validator.problems(body, against: schema), [])
        let broken: [JSONValue] = [
            changed("orderId", nil),
            changed("orderId", .string("order-1")),
            changed("total", .string("12.00")),
            changed("currency", .string("XYZ")),
            changed("occurredAt", .string("yesterday")),
            changed("lines", .array([])),
            changed("surprise", .bool(true)),
            changed("eventType", .string("OrderCancelled")),
        ]
        for event in broken {
            XCTAssertFalse(validator.problems(event, against: schema).isEmpty, event.text)
        }
    }

    private func has(_ value: JSONValue, type: String?) -> Bool {
        switch (type, value) {
        case (nil, _), ("string", .string), ("boolean", .bool), ("object", .object),
             ("array", .array), ("number", .number):
            return true
        case ("integer", .number(let literal)):
            return Int64(literal) != nil
        default:
            return false
        }
    }
}
