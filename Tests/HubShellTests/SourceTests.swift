import Foundation
import XCTest

@testable import HubShell

final class SourceTests: XCTestCase {
    func testSourceRunsAScriptInThisShell() throws {
        let folder = try TemporaryFolder()
        let script = try folder.write("setup.hsh", "set HUB orders\necho sourced $HUB\n")
        let test = TestShell()
        XCTAssertEqual(test.run("source '\(script)'\necho after $HUB"), 0)
        XCTAssertEqual(test.output, "sourced orders\nafter orders\n")
    }

    func testRelativePathsResolveFromTheSourcingScriptsFolder() throws {
        let folder = try TemporaryFolder()
        try folder.write("lib/inner.hsh", "echo inner\nsource ../leaf.hsh\n")
        try folder.write("leaf.hsh", "echo leaf\n")
        let outer = try folder.write("main/outer.hsh", "echo outer\nsource ../lib/inner.hsh\n")
        let test = TestShell()
        XCTAssertEqual(test.shell.runScriptFile(outer), 0, test.errors)
        XCTAssertEqual(test.output, "outer\ninner\nleaf\n")
        XCTAssertEqual(test.context.scriptDirectories, [])
    }

    func testFailureInsideSourcedScriptStopsBothWithItsPlace() throws {
        let folder = try TemporaryFolder()
        let script = try folder.write("bad.hsh", "echo one\necho --nope\necho not-run\n")
        let test = TestShell()
        XCTAssertEqual(test.run("source '\(script)'\necho not-run-either"), 2)
        XCTAssertEqual(test.output, "one\n")
        XCTAssertTrue(test.errors.hasPrefix("error: "), test.errors)
        XCTAssertTrue(test.errors.contains("bad.hsh:2:6: unknown flag '--nope'"), test.errors)
        XCTAssertEqual(test.errors.split(separator: "\n").count, 1)
    }

    func testSyntaxErrorInSourcedScriptNamesTheFile() throws {
        let folder = try TemporaryFolder()
        let script = try folder.write("open.hsh", "echo fine\necho \"open\n")
        let test = TestShell()
        XCTAssertEqual(test.run("source '\(script)'"), 2)
        XCTAssertEqual(test.output, "")
        XCTAssertTrue(
            test.errors.contains("open.hsh:2:6: unclosed \" quote; add the closing \""),
            test.errors)
    }

    func testExitInsideSourcedScriptEndsTheShell() throws {
        let folder = try TemporaryFolder()
        let script = try folder.write("quit.hsh", "echo bye\nexit 5\necho not-run\n")
        let test = TestShell()
        XCTAssertEqual(test.run("source '\(script)'\necho not-run-either"), 5)
        XCTAssertEqual(test.output, "bye\n")
    }

    func testSourcingItselfStopsAtTheDepthLimit() throws {
        let folder = try TemporaryFolder()
        let script = try folder.write("loop.hsh", "source loop.hsh\n")
        let test = TestShell()
        XCTAssertEqual(test.run("source '\(script)'"), 1)
        XCTAssertEqual(test.errors.split(separator: "\n").count, 1, test.errors)
        XCTAssertTrue(test.errors.contains("nested more than 32 levels"), test.errors)
        XCTAssertEqual(test.shell.sourceDepth, 0)
        XCTAssertEqual(test.context.scriptDirectories, [])
    }

    func testMissingScriptIsOneClearError() {
        let test = TestShell()
        XCTAssertEqual(test.run("source /nonexistent/x.hsh"), 1)
        XCTAssertEqual(
            test.errors, "error: script '/nonexistent/x.hsh' does not exist; check the path\n")
        // hubsh -f naming no script is a usage error; `source` failing is a command failing.
        XCTAssertEqual(test.shell.runScriptFile("/nonexistent/y.hsh"), 2)
    }

    func testSourcingAnEmptyFileRunsNothingAndSucceeds() throws {
        let test = TestShell()
        XCTAssertEqual(test.run("source /dev/null\necho after"), 0, test.errors)
        XCTAssertEqual(test.output, "after\n")
        XCTAssertEqual(test.errors, "")
    }

    func testSourcingAFolderSaysToNameAFileInIt() throws {
        let folder = try TemporaryFolder()
        let test = TestShell()
        XCTAssertEqual(test.run("source '\(folder.path)'"), 1)
        XCTAssertEqual(
            test.errors, "error: script '\(folder.path)' is a directory; name a file in it\n")
    }

    func testScriptFileThatIsAPipeRuns() throws {
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data("echo from a pipe\n".utf8))
        try pipe.fileHandleForWriting.close()
        let test = TestShell()
        let path = "/dev/fd/\(pipe.fileHandleForReading.fileDescriptor)"
        XCTAssertEqual(test.shell.runScriptFile(path), 0, test.errors)
        XCTAssertEqual(test.output, "from a pipe\n")
    }

    func testStepStopsBeforeCommandsButNotBeforeNarration() throws {
        let script = """
            echo "1. Hubs"
            set HUB orders
            unset HUB
            hub create orders
            'echo' quoted
            $CMD
            sleep 1s
            """
        let stops = try Lexer.statements(in: script, file: nil).map(StepPrompt.stops(before:))
        XCTAssertEqual(stops, [false, false, false, true, false, true, true])
    }

    func testStepWithoutATerminalRunsStraightThrough() throws {
        let terminal = open("/dev/tty", O_RDWR)
        if terminal >= 0 {
            close(terminal)
            throw XCTSkip("this process has a terminal, where stepping would wait for Enter")
        }
        let folder = try TemporaryFolder()
        let script = try folder.write("steps.hsh", "echo one\necho two\n")
        let test = TestShell()
        XCTAssertEqual(test.run("source --step '\(script)'"), 0)
        XCTAssertEqual(test.output, "one\ntwo\n")
        XCTAssertTrue(test.errors.contains("no terminal to step on"), test.errors)
    }

    func testKeepGoingContinuesInsideSourcedScripts() throws {
        let folder = try TemporaryFolder()
        let script = try folder.write("mixed.hsh", "echo --nope\necho still\n")
        let test = TestShell(keepGoing: true)
        XCTAssertEqual(test.run("source '\(script)'\necho after"), 2)
        XCTAssertEqual(test.output, "still\nafter\n")
    }
}
