import HubCore
import XCTest
@testable import HubSamples

final class ScriptTests: XCTestCase {
    /// The commands the sample scripts may use, as the shell's command list defines them.
    static let knownCommands: Set<String> = [
        "set", "echo", "hub", "group", "publish", "read", "tail", "consume", "checkpoint", "lag",
        "schema", "deadletter",
    ]

    private func commands(_ path: String) throws -> [HubScriptReader.Command] {
        try HubScriptReader.commands(in: RepositoryFiles.text(path))
    }

    /// The value after `option` in `words`, if the option is there.
    private func option(_ option: String, in words: [String]) -> String? {
        guard let index = words.firstIndex(of: option), index + 1 < words.count else { return nil }
        return words[index + 1]
    }

    // MARK: - Onboarding

    func testOnboardingCreatesEveryHubAsTheCatalogSizesIt() throws {
        let creates = try commands("samples/onboard.hsh")
            .filter { $0.words.starts(with: ["hub", "create"]) }
        XCTAssertEqual(creates.map { $0.words[2] }, SampleCatalog.hubNames)
        for (command, stream) in zip(creates, SampleCatalog.streams) {
            let words = command.words
            XCTAssertEqual(option("--partitions", in: words), String(stream.partitionCount))
            let retention = option("--retention", in: words).flatMap(Retention.parse)
            XCTAssertEqual(retention, stream.retentionMillis, "line \(command.line)")
        }
    }

    func testOnboardingCreatesEveryConsumerGroupAfterItsHub() throws {
        var hubs: Set<String> = []
        var groups: [String: [String]] = [:]
        for command in try commands("samples/onboard.hsh") {
            let words = command.words
            XCTAssert(Self.knownCommands.contains(words[0]), "line \(command.line)")
            if words.starts(with: ["hub", "create"]) { hubs.insert(words[2]) }
            if words.starts(with: ["group", "create"]) {
                let positional = words.filter { !$0.hasPrefix("--") }
                XCTAssertEqual(positional.count, 4, "line \(command.line)")
                XCTAssert(words.contains("--if-not-exists"), "line \(command.line): repeatable")
                XCTAssert(hubs.contains(words[2]), "line \(command.line): hub comes first")
                groups[words[2], default: []].append(words[3])
            }
        }
        for stream in SampleCatalog.streams {
            XCTAssertEqual(groups[stream.hub], stream.consumerGroups, stream.hub)
        }
    }

    func testOnboardingRegistersAndBindsTheSchemaOfEveryHub() throws {
        let words = try commands("samples/onboard.hsh").map(\.words)
        let registered = words.filter { $0.starts(with: ["schema", "register"]) }
        XCTAssertEqual(registered.map { $0[3] }, SampleCatalog.hubNames)
        for command in registered {
            XCTAssertEqual(command[4], "schemas/\(command[3]).schema.json")
            XCTAssert(RepositoryFiles.exists("samples/" + command[4]), command[4])
        }
        let bound = words.filter { $0.starts(with: ["hub", "set"]) }
        XCTAssertEqual(bound.map { $0[2] }, SampleCatalog.hubNames)
        for command in bound {
            XCTAssertEqual(option("--schema", in: command), "kestrel/\(command[2])")
            XCTAssert(["reject", "deadletter"].contains(option("--on-invalid", in: command)))
        }
    }

    func testOnboardingSaysWhereTheSchemasAre() throws {
        let text = try RepositoryFiles.text("samples/onboard.hsh")
        XCTAssert(text.contains("samples/schemas"))
        XCTAssertFalse(text.contains("TODO"))
    }

    // MARK: - Tour

    func testTourUsesOnlyKnownCommands() throws {
        for command in try commands("samples/tour.hsh") {
            XCTAssert(Self.knownCommands.contains(command.words[0]), "line \(command.line)")
        }
    }

    func testTourCreatesItsHubFirstAndDeletesItLast() throws {
        let work = try commands("samples/tour.hsh")
            .filter { !["set", "echo"].contains($0.words[0]) }
        XCTAssertEqual(work.first?.words.prefix(3), ["hub", "create", "tour-orders"])
        XCTAssertEqual(work.last?.words, ["hub", "delete", "tour-orders"])
    }

    func testTourFilesAndSamplesExist() throws {
        var usedEnvelope = false
        for command in try commands("samples/tour.hsh") where command.words[0] == "publish" {
            if let file = option("--file", in: command.words) {
                XCTAssert(RepositoryFiles.exists("samples/" + file), "line \(command.line)")
                usedEnvelope = usedEnvelope || command.words.contains("--envelope")
            }
            if let sample = option("--sample", in: command.words) {
                XCTAssertNotNil(SampleCatalog.stream(named: sample), "line \(command.line)")
            }
        }
        XCTAssert(usedEnvelope, "the tour shows an envelope file")
    }

    func testTourRunsUnattended() throws {
        for command in try commands("samples/tour.hsh") {
            let words = command.words
            if let from = option("--from", in: words) {
                XCTAssertNoThrow(try EventPosition.parse(from), "line \(command.line)")
            }
            if let partition = option("--partition", in: words) {
                XCTAssert((0..<4).contains(Int(partition) ?? -1), "line \(command.line)")
            }
            if words[0] == "tail" {
                XCTAssertNotNil(option("--timeout", in: words), "tail stops by itself")
            }
            if words[0] == "consume" {
                XCTAssertNotNil(option("--max", in: words), "consume stops by itself")
            }
        }
    }

    func testTourTeachesTheMainCommands() throws {
        let lines = try commands("samples/tour.hsh").map { $0.words.joined(separator: " ") }
        let expected = [
            "hub list", "hub show", "--key customer-42", "--partition 2", "--property",
            "--content-type application/json", "--sample orders", "--from earliest",
            "--from -3", "--from seq:2", "tail", "group create", "consume", "checkpoint list",
            "lag", "checkpoint reset", "--json",
        ]
        for fragment in expected {
            XCTAssert(lines.contains { $0.contains(fragment) }, fragment)
        }
    }

    // MARK: - Reader

    func testReaderExpandsVariablesJoinsLinesAndHonoursQuotes() throws {
        let script = """
            set HUB demo
            # a comment
            publish $HUB '{"a":"$HUB"}' \\
                --key "${HUB}-1" # trailing comment
            """
        let commands = try HubScriptReader.commands(in: script)
        XCTAssertEqual(commands.map(\.words), [
            ["set", "HUB", "demo"],
            ["publish", "demo", #"{"a":"$HUB"}"#, "--key", "demo-1"],
        ])
        XCTAssertThrowsError(try HubScriptReader.commands(in: "echo $NOPE"))
        XCTAssertThrowsError(try HubScriptReader.commands(in: "echo 'open"))
    }
}
