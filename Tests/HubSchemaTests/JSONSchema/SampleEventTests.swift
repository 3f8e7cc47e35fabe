import Foundation
import HubCore
import HubSchema
import XCTest

/// The repository's sample schemas and events: every example event is valid against its hub's
/// schema, formats included, and a small benchmark prints how fast they validate.
final class SampleEventTests: XCTestCase {
    /// Each sample schema, compiled, with its hub's example events (envelope bodies included).
    private func samples() throws -> [(hub: String, schema: CompiledJSONSchema,
                                       events: [JSONValue])] {
        let compiler = JSONSchemaCompiler()
        let schemas = TestFiles.repository("samples/schemas")
        var result: [(String, CompiledJSONSchema, [JSONValue])] = []
        for file in try TestFiles.names(in: schemas) where file.hasSuffix(".schema.json") {
            let hub = String(file.dropLast(".schema.json".count))
            let schema = try compiler.compile(
                try TestFiles.json(schemas.appendingPathComponent(file)),
                baseURI: schemas.appendingPathComponent(file).absoluteString)
            var events: [JSONValue] = []
            for name in ["\(hub).jsonl", "\(hub).envelope.jsonl"] {
                let url = TestFiles.repository("samples/events/\(name)")
                guard FileManager.default.fileExists(atPath: url.path) else { continue }
                for line in try String(contentsOf: url, encoding: .utf8)
                    .split(separator: "\n") {
                    let value = try JSONValue.parse(String(line))
                    events.append(name.contains("envelope") ? try Self.body(of: value) : value)
                }
            }
            result.append((hub, schema, events))
        }
        return result
    }

    /// An envelope's body: the JSON object itself, or a string holding it.
    private static func body(of envelope: JSONValue) throws -> JSONValue {
        if case .string(let text)? = envelope["body"] { return try JSONValue.parse(text) }
        return envelope["body"] ?? .null
    }

    func testEverySampleEventIsValidAgainstItsHubSchemaWithFormatsAsserted() throws {
        let all = try samples()
        XCTAssertEqual(all.count, 20)
        let strict = JSONSchemaValidationOptions(assertFormats: true)
        for (hub, schema, events) in all {
            XCTAssertGreaterThanOrEqual(events.count, 8, hub)
            for event in events {
                XCTAssertEqual(schema.validate(event, options: strict), [], hub)
                XCTAssertTrue(schema.isValid(event, options: strict), hub)
            }
        }
    }

    func testSampleSchemasReportAnActionableErrorForABadOrderLine() throws {
        guard let orders = try samples().first(where: { $0.hub == "orders" }),
              case .object(var members) = orders.events[0],
              let linesIndex = members.firstIndex(where: { $0.0 == "lines" }),
              case .array(var lines) = members[linesIndex].1,
              case .object(var line) = lines[0]
        else { return XCTFail("orders sample has an event with lines") }
        line = line.map { $0.0 == "quantity" ? ("quantity", .number("0")) : $0 }
        lines[0] = .object(line)
        members[linesIndex].1 = .array(lines)
        let errors = orders.schema.validate(.object(members))
        XCTAssertEqual(errors.map(\.description),
                       ["/lines/0/quantity: 0 is less than the minimum of 1"])
        XCTAssertEqual(errors.first?.keywordLocation, "/properties/lines/items/properties/"
                       + "quantity/minimum")
    }

    /// Prints events per second for `isValid` and `validate` over every sample event; the
    /// figures depend on the machine and build, so nothing is asserted about them.
    func testValidationThroughputOfSampleEvents() throws {
        let all = try samples()
        let eventCount = all.reduce(0) { $0 + $1.events.count }
        for (label, collecting) in [("isValid", false), ("validate", true)] {
            var validated = 0
            var valid = 0
            let start = Date()
            while Date().timeIntervalSince(start) < 1.0 {
                for (_, schema, events) in all {
                    for event in events {
                        let passed = collecting ? schema.validate(event).isEmpty
                            : schema.isValid(event)
                        valid += passed ? 1 : 0
                    }
                }
                validated += eventCount
            }
            let seconds = Date().timeIntervalSince(start)
            XCTAssertEqual(valid, validated)
            let rate = Int(Double(validated) / seconds)
            print("sample validation (\(label)): \(rate) events/s over \(validated) events, "
                  + "\(all.count) schemas")
        }
    }
}
