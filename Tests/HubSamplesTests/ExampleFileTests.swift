import Foundation
import HubCore
import XCTest
@testable import HubSamples

/// The files in samples/events are the generators' output for a fixed seed. Run the tests with
/// HUBSAMPLES_WRITE_EXAMPLES=1 to write them again after a generator changes.
final class ExampleFileTests: XCTestCase {
    private var writing: Bool {
        ProcessInfo.processInfo.environment["HUBSAMPLES_WRITE_EXAMPLES"] == "1"
    }

    private func check(_ expected: String, at path: String) throws {
        if writing {
            try RepositoryFiles.write(expected, to: path)
        } else {
            XCTAssertEqual(
                try RepositoryFiles.text(path), expected,
                "\(path) is out of date: run the tests with HUBSAMPLES_WRITE_EXAMPLES=1")
        }
    }

    func testCommittedExampleFilesMatchTheGenerators() throws {
        for stream in SampleCatalog.streams {
            try check(ExampleFiles.bodies(of: stream), at: "samples/events/\(stream.hub).jsonl")
        }
        for hub in ExampleFiles.envelopeHubs {
            let envelopes = ExampleFiles.envelopes(of: try SampleCatalog.lookup(hub))
            try check(envelopes, at: "samples/events/\(hub).envelope.jsonl")
        }
    }

    func testEveryEventsFileBelongsToAStream() throws {
        let expected = SampleCatalog.hubNames.map { $0 + ".jsonl" }
            + ExampleFiles.envelopeHubs.map { $0 + ".envelope.jsonl" }
        XCTAssertEqual(try RepositoryFiles.names(in: "samples/events"), expected.sorted())
    }

    func testExampleEventsAreJSONObjectsThatSatisfyTheirSchemas() throws {
        let validator = SchemaSubsetValidator()
        for stream in SampleCatalog.streams {
            let lines = try RepositoryFiles.lines("samples/events/\(stream.hub).jsonl")
            let schema = try JSONValue.parse(
                RepositoryFiles.text("samples/schemas/\(stream.hub).schema.json"))
            XCTAssert((5...10).contains(lines.count), stream.hub)
            for line in lines {
                let body = try JSONValue.parse(line)
                XCTAssertEqual(validator.problems(body, against: schema), [], line)
            }
        }
    }

    func testEnvelopesCarryABodyAKeyOrPartitionPropertiesAndContentType() throws {
        for hub in ExampleFiles.envelopeHubs {
            let stream = try SampleCatalog.lookup(hub)
            var bodyKinds: Set<String> = []
            var targets: Set<String> = []
            for line in try RepositoryFiles.lines("samples/events/\(hub).envelope.jsonl") {
                let envelope = try JSONValue.parse(line)
                let body: JSONValue
                switch envelope["body"] {
                case .string(let text)?:
                    body = try JSONValue.parse(text)
                    bodyKinds.insert("string")
                case let object?:
                    body = object
                    bodyKinds.insert("object")
                case nil:
                    return XCTFail("\(hub): an envelope without a body")
                }
                switch (envelope["key"]?.stringValue, envelope["partition"]?.stringValue) {
                case (let key?, nil):
                    XCTAssertEqual(body[stream.keyField]?.stringValue, key)
                    targets.insert("key")
                case (nil, let partition?):
                    XCTAssert(["0", "1"].contains(partition), "every hub has partitions 0 and 1")
                    targets.insert("partition")
                default:
                    XCTFail("\(hub): an envelope names a key or a partition: \(line)")
                }
                XCTAssertEqual(envelope["properties"]?["eventType"], body["eventType"])
                XCTAssertEqual(envelope["contentType"]?.stringValue, "application/json")
            }
            XCTAssertEqual(bodyKinds, ["string", "object"], hub)
            XCTAssertEqual(targets, ["key", "partition"], hub)
        }
    }
}
