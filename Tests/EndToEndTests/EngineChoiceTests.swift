import Foundation
import XCTest

/// Choosing the engine: `--engine`, `$HUBSH_ENGINE`, `open TARGET`, and what the embedded log
/// refuses because it has one copy of everything.
final class EngineChoiceTests: XCTestCase {
    private var hubsh = Hubsh()
    private var other = ""

    override func setUp() {
        hubsh = Hubsh()
        other = Hubsh.temporaryDirectory("other")
    }

    override func tearDown() {
        hubsh.cleanUp()
        try? FileManager.default.removeItem(atPath: other)
    }

    /// The hub names of `hub list --json` run on `directory`.
    private func hubNames(in directory: String) -> [String] {
        let result = Hubsh(dataDirectory: directory).script("hub list --json")
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.jsonLines().compactMap { $0["name"] as? String }.sorted()
    }

    private func assertOneLine(
        _ result: Hubsh.Result, status: Int32, starting prefix: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(result.status, status, result.stderr, file: file, line: line)
        XCTAssertEqual(result.stdout, "", file: file, line: line)
        XCTAssertEqual(
            result.stderr.split(separator: "\n", omittingEmptySubsequences: false).count, 2,
            "not one line: \(result.stderr)", file: file, line: line)
        XCTAssertTrue(result.stderr.hasPrefix(prefix), result.stderr, file: file, line: line)
    }

    // MARK: - --engine

    func testAnUnreachableClusterFailsInOneLine() {
        // Port 1 on loopback: nothing listens there. Whether the NATS engine is built in or
        // not, hubsh says why in one line and runs nothing.
        hubsh.engineArguments = ["--engine", "nats://127.0.0.1:1"]
        let result = hubsh.script("hub list")
        assertOneLine(result, status: 1, starting: "error: ")
    }

    func testAMalformedEngineAddressIsAUsageError() {
        hubsh.engineArguments = ["--engine", "nats://127.0.0.1:port"]
        assertOneLine(
            hubsh.script("hub list"), status: 2,
            starting: "hubsh: --engine: invalid port 'port' in 'nats://127.0.0.1:port'")
        hubsh.engineArguments = ["--engine=amqp://broker"]
        assertOneLine(
            hubsh.script("hub list"), status: 2, starting: "hubsh: --engine: unknown engine 'amqp'")
    }

    func testEngineAndDataTogetherAreRefusedAndCreateNothing() {
        hubsh.engineArguments = ["--data", other + "/d", "--engine", "lmdb:" + other + "/e"]
        assertOneLine(
            hubsh.script("hub create x"), status: 2,
            starting: "hubsh: give --data DIR or --engine TARGET, not both")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: other), [])
    }

    func testEngineWithADirectoryOpensTheEmbeddedLogThere() {
        hubsh.engineArguments = ["--engine", "lmdb:" + other]
        XCTAssertEqual(hubsh.script("hub create via-engine").status, 0)
        XCTAssertEqual(hubNames(in: other), ["via-engine"])
    }

    func testTheEnvironmentChoosesTheEngineWhenNoFlagDoes() {
        hubsh.engineArguments = []
        hubsh.environment["HUBSH_ENGINE"] = other
        XCTAssertEqual(hubsh.script("hub create from-env").status, 0)
        XCTAssertEqual(hubNames(in: other), ["from-env"])
        hubsh.environment["HUBSH_ENGINE"] = "nats://"
        assertOneLine(
            hubsh.script("hub list"), status: 2,
            starting: "hubsh: HUBSH_ENGINE: 'nats://' names no server")
    }

    // MARK: - open

    func testOpenSwitchesAScriptToAnotherDataDirectory() {
        let result = hubsh.script(
            "hub create first; open \(other); hub create second; hub list --json")
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.first, "created hub 'first': 4 partitions, retention 7d, max event"
            + " size 1.0 MiB")
        XCTAssertTrue(lines.contains("opened '\((other as NSString).lastPathComponent)' (lmdb:"
            + " \(other), new and empty)"), result.stdout)
        XCTAssertEqual(hubNames(in: hubsh.dataDirectory), ["first"])
        XCTAssertEqual(hubNames(in: other), ["second"])
    }

    func testOpenInAScriptFileFindsARelativeDirectoryFromTheScript() throws {
        let scripts = other + "/scripts"
        try FileManager.default.createDirectory(
            atPath: scripts, withIntermediateDirectories: true)
        try "open ../store\nhub create relative\n".write(
            toFile: scripts + "/switch.hsh", atomically: true, encoding: .utf8)
        let result = hubsh.run(["-f", scripts + "/switch.hsh"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(hubNames(in: other + "/store"), ["relative"])
        XCTAssertEqual(hubNames(in: hubsh.dataDirectory), [])
    }

    func testOpenFromPipedInputActsAsAtThePrompt() {
        // Piped lines run one after another, as typed: after a failed open the session stays
        // where it was and goes on with --keep-going.
        let result = hubsh.run(
            ["--keep-going"],
            stdin: "open nats://127.0.0.1:1\nhub create still-here\nopen \(other)\n"
                + "hub create moved\n")
        XCTAssertEqual(result.status, 1)
        let errors = result.stderr.split(separator: "\n")
        XCTAssertEqual(errors.count, 1, result.stderr)
        let name = (hubsh.dataDirectory as NSString).lastPathComponent
        XCTAssertTrue(
            errors.first?.hasSuffix("; the shell stays on '\(name)'") ?? false, result.stderr)
        XCTAssertEqual(hubNames(in: hubsh.dataDirectory), ["still-here"])
        XCTAssertEqual(hubNames(in: other), ["moved"])
    }

    // MARK: - Replicas

    func testReplicasAreRefusedOnTheEmbeddedLogInOneLine() {
        assertOneLine(
            hubsh.script("hub create orders --replicas 2"), status: 1,
            starting: "error: the embedded log keeps one copy of each partition; --replicas"
                + " needs a replicated engine such as --engine nats://HOST:PORT\n")
        XCTAssertEqual(hubNames(in: hubsh.dataDirectory), [])
        let one = hubsh.script("hub create orders --replicas 1 --json; hub show orders --json")
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertEqual(one.jsonLines().last?["replicas"] as? Int, 1)
    }
}
