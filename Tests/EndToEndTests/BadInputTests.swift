import Foundation
import XCTest

/// Wrong input gets one clear line on stderr, the right exit status, and changes nothing.
final class BadInputTests: XCTestCase {
    var hubsh = Hubsh()

    override func tearDown() {
        hubsh.cleanUp()
    }

    /// Runs `command` after creating hub `orders` and checks the single error line.
    func assertOneLine(
        _ command: String, status: Int32, mentions words: [String],
        file: StaticString = #filePath, line: UInt = #line
    ) {
        hubsh.script("hub create orders --partitions 4")
        let result = hubsh.script(command)
        XCTAssertEqual(result.status, status, result.stderr, file: file, line: line)
        let lines = result.stderr.split(separator: "\n")
        XCTAssertEqual(
            lines.count, 1, "expected one line: \(result.stderr)", file: file, line: line)
        for word in words {
            XCTAssertTrue(result.stderr.contains(word), "'\(word)' not in: \(result.stderr)",
                          file: file, line: line)
        }
    }

    func testUnknownCommandSuggestsTheNearestOne() {
        assertOneLine("hbu list", status: 2, mentions: ["unknown command 'hbu'", "hub"])
    }

    func testUnknownHubSaysHowToListHubs() {
        assertOneLine(
            "read nosuch", status: 1, mentions: ["hub 'nosuch' does not exist", "hub list"])
    }

    func testWrongPartitionNamesTheValidRange() {
        assertOneLine(
            "publish orders --partition 7 x", status: 1,
            mentions: ["partition 7 does not exist", "0-3"])
    }

    func testInvalidHubNameExplainsTheRule() {
        assertOneLine("hub create -bad-", status: 2, mentions: ["-bad-"])
        assertOneLine("hub create 'bad name'", status: 2, mentions: ["invalid hub name", "' '"])
    }

    func testInvalidGroupNameExplainsTheRule() {
        assertOneLine("group create orders 'no/slash'", status: 2, mentions: ["consumer group"])
    }

    func testMistakesInWhatWasTypedExitWith2AndRunTimeFailuresWith1() {
        assertOneLine("publish orders --key k --partition 1 x", status: 2, mentions: ["not both"])
        assertOneLine("schema group create 'a b' --format json", status: 2, mentions: ["' '"])
        assertOneLine("read orders --from soon", status: 2, mentions: ["invalid position"])
        assertOneLine("group create nosuch g", status: 1, mentions: ["'nosuch' does not exist"])
    }

    func testAScriptFileThatHubshCannotOpenIsAUsageError() {
        let missing = hubsh.run(["-f", "/nonexistent/x.hsh"])
        XCTAssertEqual(missing.status, 2, missing.stderr)
        XCTAssertEqual(
            missing.stderr, "error: script '/nonexistent/x.hsh' does not exist; check the path\n")
        // Inside a run, a missing file is a command failing, as a missing hub is.
        XCTAssertEqual(hubsh.script("source /nonexistent/x.hsh").status, 1)
    }

    func testUnknownFlagSuggestsTheIntendedOne() {
        assertOneLine(
            "hub create x --partiton 3", status: 2, mentions: ["--partiton", "--partitions"])
    }

    func testHugeOrOddDurationsAreUsageErrorsInsteadOfCrashes() {
        for command in ["sleep 1e19", "sleep 9999999999999h", "sleep 9223372036854775807"] {
            assertOneLine(command, status: 2, mentions: ["durations go up to 7d"])
        }
        assertOneLine(
            "tail orders --timeout 1e300", status: 2, mentions: ["--timeout", "'1e300'"])
        assertOneLine("sleep 0x10", status: 2, mentions: ["'0x10'"])
        assertOneLine("sleep 1e9", status: 2, mentions: ["'1e9'"])
    }

    func testMalformedEnvelopeLineIsReportedByNumberAndNothingIsPublished() throws {
        let file = Hubsh.temporaryDirectory("input") + "/envelopes.jsonl"
        try ["{\"body\":\"ok\"}", "{\"body\":\"ok\"}", "{\"body\": oops}"]
            .joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        assertOneLine(
            "publish orders --file \(file) --envelope", status: 1, mentions: [":3:", "JSON"])
        XCTAssertEqual(hubsh.script("read orders --json").jsonLines().count, 0)
    }

    func testUnreadableFileIsNamed() {
        assertOneLine(
            "publish orders --file /nonexistent/events.txt", status: 1,
            mentions: ["event file", "/nonexistent/events.txt", "does not exist"])
    }

    func testCorruptDataDirectoryGivesOneLine() throws {
        let directory = Hubsh.temporaryDirectory("corrupt")
        try Data(repeating: 0x5A, count: 64 * 1024)
            .write(to: URL(fileURLWithPath: directory + "/data.mdb"))
        let broken = Hubsh(dataDirectory: directory)
        let result = broken.script("hub list")
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains(directory), result.stderr)
        try? FileManager.default.removeItem(atPath: directory)
    }

    func testDataFileCutShortIsRefusedInsteadOfCrashing() throws {
        hubsh.script("hub create r --partitions 2; publish r --sample orders --count 2000")
        let dataFile = hubsh.dataDirectory + "/data.mdb"
        let length = try XCTUnwrap(
            FileManager.default.attributesOfItem(atPath: dataFile)[.size] as? Int)
        XCTAssertEqual(truncate(dataFile, off_t(length / 2)), 0)
        let result = hubsh.script("hub list; read r --count 5000")
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("cut short"), result.stderr)
        XCTAssertTrue(result.stderr.contains("move it aside"), result.stderr)
    }

    /// Root ignores file modes, so a read-only store is made with `chattr +i` (the immutable
    /// attribute binds root too) when running as root, and with `chmod` otherwise.
    func testReadOnlyDataDirectoryReadsButRefusesWritesWithOneLine() throws {
        hubsh.script("hub create orders --partitions 1; publish orders before")
        let dataFile = hubsh.dataDirectory + "/data.mdb"
        let asRoot = getuid() == 0
        let protect = asRoot ? ["chattr", "+i", dataFile] : ["chmod", "a-w", dataFile]
        let restore = asRoot ? ["chattr", "-i", dataFile] : ["chmod", "u+w", dataFile]
        guard Self.runTool(protect) else {
            throw XCTSkip("cannot make \(dataFile) read-only here (\(protect[0]) failed)")
        }
        defer { _ = Self.runTool(restore) }

        let read = hubsh.script("read orders --json")
        XCTAssertEqual(read.status, 0, read.stderr)
        XCTAssertEqual(read.jsonLines().count, 1)
        let write = hubsh.script("publish orders after")
        XCTAssertEqual(write.status, 1)
        XCTAssertEqual(write.stderr.split(separator: "\n").count, 1, write.stderr)
        XCTAssertTrue(write.stderr.contains("read-only"), write.stderr)
    }

    static func runTool(_ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    func testDataPathThatIsAFileSaysToGiveADirectory() throws {
        let file = Hubsh.temporaryDirectory("file") + "/not-a-directory"
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let result = Hubsh(dataDirectory: file).script("hub list")
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("not a directory"), result.stderr)
    }

    func testFirstFailingCommandStopsTheScriptUnlessKeepGoing() {
        hubsh.script("hub create orders --partitions 1")
        let stopped = hubsh.script("echo one; read nosuch; echo two")
        XCTAssertEqual(stopped.status, 1)
        XCTAssertEqual(stopped.stdout, "one\n")
        let kept = hubsh.script("echo one; read nosuch; echo two", ["--keep-going"])
        XCTAssertEqual(kept.status, 1)
        XCTAssertEqual(kept.stdout, "one\ntwo\n")
    }

    func testScriptOutputHasNoEscapeCodesOrPrompt() {
        let result = hubsh.run([], stdin: "hub create plain\nhub list\nhub show plain\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stdout.contains("\u{1B}"))
        XCTAssertFalse(result.stdout.contains("hubsh:"))
        XCTAssertTrue(result.stdout.contains("plain"))
    }
}
