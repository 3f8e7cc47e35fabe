import Foundation
import XCTest

/// Each way a plugin can fail to load is one line on stderr, and the shell goes on.
final class PluginFailureTests: XCTestCase {
    var hubsh = Hubsh()
    var builds: PluginBuilds!

    override func setUpWithError() throws {
        builds = try PluginBuilds.get()
    }

    override func tearDown() {
        hubsh.cleanUp()
    }

    /// Runs `plugin load PATH` and then `echo alive` with --keep-going, and checks the one
    /// error line and that the shell went on.
    private func assertRefused(
        _ path: String, before: String = "", mentions words: [String],
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let result = hubsh.run(["--keep-going", "-c", before + "plugin load '\(path)'; echo alive"])
        XCTAssertEqual(result.status, 1, result.stderr, file: file, line: line)
        XCTAssertTrue(result.stdout.hasSuffix("alive\n"), result.stdout, file: file, line: line)
        let lines = result.stderr.split(separator: "\n")
        XCTAssertEqual(
            lines.count, 1, "expected one line: \(result.stderr)", file: file, line: line)
        for word in words {
            XCTAssertTrue(result.stderr.contains(word), "'\(word)' not in: \(result.stderr)",
                          file: file, line: line)
        }
    }

    func testMissingFileIsNamed() {
        assertRefused(
            "/nonexistent/libGone.so", mentions: ["/nonexistent/libGone.so", "no such file"])
    }

    func testFileThatIsNotALibraryIsRefused() throws {
        let path = Hubsh.temporaryDirectory("fake") + "/libFake.so"
        try "#!/bin/sh\necho not a library\n".write(toFile: path, atomically: true, encoding: .utf8)
        assertRefused(path, mentions: ["libFake.so", "not a shared library"])
    }

    func testLibraryWithoutTheEntryPointIsRefused() {
        assertRefused(
            builds.noEntryPoint,
            mentions: ["libanswer.so", "not a hubsh plugin", "hubsh_plugin_api_version"])
    }

    func testWrongAPIVersionNamesBothVersions() {
        assertRefused(
            builds.helloNext,
            mentions: [
                "built for plugin API version \(builds.helloNextVersion)",
                "this hubsh has version \(builds.apiVersion)",
            ])
    }

    func testCommandClashingWithABuiltInIsRefused() {
        assertRefused(
            builds.clashBuiltin,
            mentions: [
                "'clash-builtin'", "'hub list' clashes with the built-in command 'hub list'",
            ])
        XCTAssertTrue(hubsh.script("hub list").status == 0)
    }

    func testCommandClashingWithAnotherPluginIsRefused() {
        assertRefused(
            builds.clashSkew, before: "plugin load '\(builds.skewReport)'; ",
            mentions: ["'clash-skew'", "command 'skew' of plugin 'skew-report'"])
    }

    func testFailingAutoloadPrintsItsLineAndStartupGoesOn() {
        hubsh.environment["HUBSH_PLUGIN_PATH"] =
            "/nonexistent/libGone.so:\(builds.noEntryPoint):\(builds.telemetry)"
        let result = hubsh.script("plugin list --json")
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 2, result.stderr)
        XCTAssertTrue(
            lines.allSatisfy { $0.hasPrefix("warning: cannot load plugin") }, result.stderr)
        XCTAssertEqual(result.jsonLines().map { $0["name"] as? String }, ["telemetry"])
    }

    func testInteractiveShellStaysUpAndCompletesPluginArguments() throws {
        let state = Hubsh.temporaryDirectory("pty-state")
        defer { try? FileManager.default.removeItem(atPath: state) }
        let shell = try TerminalSession(
            executable: Hubsh.binary, arguments: ["--data", hubsh.dataDirectory],
            environment: [
                "PATH": "/usr/bin:/bin", "HOME": state, "TERM": "xterm", "NO_COLOR": "1",
                "XDG_STATE_HOME": state, "XDG_DATA_HOME": state,
                "HUBSH_PLUGIN_PATH": builds.skewReport,
            ])
        try shell.expectPrompt()
        shell.send("plugin load /nonexistent/libGone.so\r")
        try shell.expect("no such file")
        try shell.expectPrompt()
        shell.send("skew x --by k\t")
        try shell.expect("ey")
        shell.send("\r")
        try shell.expect("hub 'x' does not exist")
        try shell.expectPrompt()
        shell.send("plugin load \(builds.noEntryPoint)\r")
        try shell.expect("not a hubsh plugin")
        try shell.expectPrompt()
        shell.send("exit 0\r")
        XCTAssertEqual(try shell.waitForExit(), 0)
    }
}
