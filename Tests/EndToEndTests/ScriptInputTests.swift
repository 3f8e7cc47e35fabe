import Foundation
import XCTest

/// Scripts arrive as files, pipes, FIFOs, `/dev/fd/N` paths and standard input, and all of them
/// run the same way; Ctrl-C while hubsh waits for a script ends it with status 130.
final class ScriptInputTests: XCTestCase {
    var hubsh = Hubsh()

    override func tearDown() {
        hubsh.cleanUp()
    }

    func testScriptFromDevStdinRuns() {
        let result = hubsh.run(["-f", "/dev/stdin"], stdin: "echo from stdin\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "from stdin\n")
    }

    func testDashAsTheScriptMeansStandardInput() {
        for arguments in [["-f", "-"], ["-"]] {
            let result = hubsh.run(arguments, stdin: "echo dash\n")
            XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)")
            XCTAssertEqual(result.stdout, "dash\n", "\(arguments)")
        }
    }

    func testScriptFromProcessSubstitutionRuns() throws {
        let bash = "/bin/bash"
        guard FileManager.default.isExecutableFile(atPath: bash) else {
            throw XCTSkip("no bash for process substitution")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: bash)
        process.arguments = [
            "-c", "\"$0\" --data \"$1\" -f <(echo 'echo substituted')", Hubsh.binary,
            hubsh.dataDirectory,
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let text = String(decoding: data, as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertEqual(text, "substituted\n")
    }

    func testScriptFromANamedPipeRuns() throws {
        let fifo = Hubsh.temporaryDirectory("fifo") + "/script"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let writer = Thread {
            let descriptor = open(fifo, O_WRONLY)
            let text = "echo through a fifo\n"
            _ = text.withCString { write(descriptor, $0, strlen($0)) }
            close(descriptor)
        }
        writer.start()
        let result = hubsh.run(["-f", fifo])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "through a fifo\n")
    }

    func testCtrlCWhileWaitingForPipedInputExitsWith130() throws {
        let process = hubsh.start([])
        Thread.sleep(forTimeInterval: 0.5)
        process.interrupt()
        let result = hubsh.finish(process, timeout: 10)
        XCTAssertEqual(process.terminationReason, .exit, result.stderr)
        XCTAssertEqual(result.status, 130, result.stderr)
        XCTAssertEqual(result.stdout, "")
    }

    /// A producer that writes commands over time is followed: each runs when its line comes,
    /// not when the input ends.
    func testPipedCommandsRunAsTheirLinesArrive() throws {
        let outputFile = Hubsh.temporaryDirectory("piped") + "/out.txt"
        let process = hubsh.start([], outputFile: outputFile)
        let input = try XCTUnwrap((process.standardInput as? Pipe)?.fileHandleForWriting)
        input.write(Data("hub create arrived\necho 'a quote\nover two lines'\n".utf8))
        var listed = ""
        let deadline = Date().addingTimeInterval(20)
        while !listed.contains("arrived") && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
            listed = hubsh.script("hub list").stdout
        }
        XCTAssertTrue(listed.contains("arrived"), "the first command had not run: \(listed)")
        input.write(Data("echo done\n".utf8))
        try input.close()
        let result = hubsh.finish(process, timeout: 20)
        XCTAssertEqual(result.status, 0, result.stderr)
        let printed = try String(contentsOfFile: outputFile, encoding: .utf8)
        XCTAssertTrue(printed.hasSuffix("a quote\nover two lines\ndone\n"), printed)
    }

    func testTrailingBackslashInPipedInputIsAnErrorWithItsLine() {
        // Piped commands run as they come, so the first ran before the input ended in a `\`;
        // `-c` reads its whole text first and runs nothing.
        let piped = hubsh.run([], stdin: "echo one\necho two \\\n")
        XCTAssertEqual(piped.status, 2)
        XCTAssertEqual(piped.stdout, "one\n")
        XCTAssertTrue(piped.stderr.contains("ends with '\\' at line 2, column 10"), piped.stderr)
        let command = hubsh.script("echo one\necho two \\\n")
        XCTAssertEqual(command.status, 2)
        XCTAssertEqual(command.stdout, "")
        XCTAssertEqual(command.stderr, piped.stderr)
    }

    func testErrorsInPipedInputNameTheirLine() {
        let result = hubsh.run([], stdin: "echo one\n\nhub show nosuch\necho not-run\n")
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "one\n")
        XCTAssertTrue(
            result.stderr.hasPrefix("error: line 3: hub 'nosuch' does not exist"), result.stderr)
    }
}
