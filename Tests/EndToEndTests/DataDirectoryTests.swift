import Foundation
import XCTest

/// Where hubsh keeps its data when told, and when not told.
final class DataDirectoryTests: XCTestCase {
    private var folder = ""

    override func setUp() {
        folder = Hubsh.temporaryDirectory("datadir")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Runs hubsh with exactly `arguments` in `folder`, with `environment` in place of the
    /// variables that choose the data directory.
    private func run(_ arguments: [String], environment: [String: String] = [:])
        -> (status: Int32, stderr: String)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Hubsh.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var env = ProcessInfo.processInfo.environment
        for name in ["HUBSH_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "HOME"] {
            env[name] = nil
        }
        env["NO_COLOR"] = "1"
        env.merge(environment) { $1 }
        process.environment = env
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            XCTFail("cannot start \(Hubsh.binary): \(error)")
            return (-1, "")
        }
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func testEmptyDataPathIsAUsageErrorAndCreatesNothing() throws {
        for arguments in [["--data", ""], ["--data="], ["-d", ""]] {
            let result = run(arguments + ["-c", "hub list"], environment: ["HOME": folder])
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("--data needs a directory path"), result.stderr)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [])
    }

    func testDefaultDataDirectoryIsUnderHome() {
        let home = folder + "/home"
        let result = run(["-c", "hub create at-home"], environment: ["HOME": home])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(
            FileManager.default.fileExists(atPath: home + "/.local/share/hubsh/data.mdb"),
            result.stderr)
    }

    func testTildeInTheDataPathIsHome() {
        let home = folder + "/home"
        try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: false)
        let result = run(["--data", "~/store", "-c", "hub list"], environment: ["HOME": home])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: home + "/store/data.mdb"))
    }

    func testANamedDataDirectoryThatHubshCreatesIsAnnounced() {
        let created = run(["--data", folder + "/fresh", "-c", "hub list --json"])
        XCTAssertEqual(created.status, 0, created.stderr)
        XCTAssertEqual(
            created.stderr,
            "hubsh: created data directory '\(folder)/fresh' for a new, empty namespace\n")
        let again = run(["--data", folder + "/fresh", "-c", "hub list --json"])
        XCTAssertEqual(again.stderr, "")
    }

    func testADataDirectoryWhoseParentIsMissingIsRefusedAndNothingIsCreated() throws {
        let result = run(["--data", folder + "/typo/deep", "-c", "hub list"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.stderr,
            "error: cannot create data directory '\(folder)/typo/deep': '\(folder)/typo' does not"
                + " exist (check the path, or create '\(folder)/typo' first to start a namespace"
                + " there)\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [])
    }

    func testOpenSaysWhenTheNamespaceIsNew() throws {
        let hubsh = Hubsh(dataDirectory: folder + "/first")
        XCTAssertEqual(hubsh.script("hub create kept").status, 0)
        let result = hubsh.script(
            "open \(folder)/second; open \(folder)/first; open \(folder)/no/such")
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.stdout,
            "opened 'second' (lmdb: \(folder)/second, new and empty)\n"
                + "opened 'first' (lmdb: \(folder)/first)\n")
        XCTAssertTrue(result.stderr.contains("'\(folder)/no' does not exist"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/no"))
    }

    func testDataDirectoryUnderAFileCannotBeCreated() throws {
        try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/file"))
        let result = run(["--data", folder + "/file/data", "-c", "hub list"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(
            result.stderr.hasPrefix("error: cannot create data directory '\(folder)/file/data'"),
            result.stderr)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
    }
}
