import Foundation
import XCTest

/// The interactive shell driven through a pseudo-terminal, as a person at a terminal uses it:
/// Tab completion, history across restarts, and Ctrl-C at the prompt and during a command.
///
/// Every wait has a deadline, so a shell that stops answering fails the test instead of
/// hanging the run.
final class InteractiveTests: XCTestCase {
    private var dataDirectory = ""
    private var stateDirectory = ""

    override func setUp() {
        dataDirectory = Hubsh.temporaryDirectory("pty-data")
        stateDirectory = Hubsh.temporaryDirectory("pty-state")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: dataDirectory)
        try? FileManager.default.removeItem(atPath: stateDirectory)
    }

    private func startShell(standardOutput: String? = nil) throws -> TerminalSession {
        let session = try TerminalSession(
            executable: Hubsh.binary, arguments: ["--data", dataDirectory],
            environment: [
                "PATH": "/usr/bin:/bin", "HOME": stateDirectory, "TERM": "xterm",
                "NO_COLOR": "1", "XDG_STATE_HOME": stateDirectory,
            ], standardOutput: standardOutput)
        try session.expectPrompt()
        return session
    }

    func testTabCompletesAHubName() throws {
        let shell = try startShell()
        shell.send("hub create orders-tab\r")
        try shell.expect("created hub 'orders-tab'")
        try shell.expectPrompt()

        shell.send("hub show ord\t")
        try shell.expect("ers-tab")
        shell.send("\r")
        try shell.expect("hub orders-tab")
        try shell.expectPrompt()
        shell.send("exit\r")
        XCTAssertEqual(try shell.waitForExit(), 0)
    }

    func testTabCompletesHubAndGroupNamesTypedInAnotherCase() throws {
        let shell = try startShell()
        shell.send("hub create Orders; group create Orders Billing\r")
        try shell.expect("Billing'")
        try shell.expectPrompt()

        shell.send("read ord\t")
        try shell.expect("Orders")
        shell.send("\r")
        try shell.expect("from hub 'Orders'")
        try shell.expectPrompt()
        shell.send("group delete orders b\t")
        try shell.expect("Billing")
        shell.send("\r")
        let seen = try shell.expect("group 'Billing'")
        XCTAssertFalse(seen.contains("not found"), seen)
        try shell.expectPrompt()
        shell.send("exit\r")
        XCTAssertEqual(try shell.waitForExit(), 0)
    }

    func testWithItsOutputPipedTheShellStillEditsAndCompletesOnTheTerminal() throws {
        let log = stateDirectory + "/log"
        let shell = try startShell(standardOutput: log)
        shell.send("hub create piped-tab\r")
        try shell.expectPrompt()
        shell.send("hub sh\t")
        try shell.expect("ow")
        shell.send(" pip\t")
        try shell.expect("ed-tab")
        shell.send("\r")
        try shell.expectPrompt()
        shell.send("exit\r")
        XCTAssertEqual(try shell.waitForExit(), 0)
        let written = try String(contentsOfFile: log, encoding: .utf8)
        XCTAssertTrue(written.contains("created hub 'piped-tab'"), written)
        XCTAssertTrue(written.contains("hub piped-tab"), written)
        XCTAssertFalse(written.contains("hubsh:"), "the prompt went into the output: \(written)")
    }

    func testWithItsOutputPipedTheOutputIsWrittenBeforeThePromptAndBeforeAWait() throws {
        let log = stateDirectory + "/log"
        let shell = try startShell(standardOutput: log)
        shell.send("hub create Flushed\r")
        try shell.expectPrompt()
        XCTAssertTrue(try Self.contents(of: log).contains("created hub 'Flushed'"))
        shell.send("hub list\r")
        try shell.expectPrompt()
        let listed = try Self.contents(of: log)
        XCTAssertTrue(listed.contains("Flushed "), listed)

        // The echo is written out while the sleep still waits, not when it ends.
        shell.send("echo before-the-wait; sleep 10m\r")
        try Self.waitUntil("before-the-wait", isIn: log)
        shell.send("\u{03}")
        try shell.expectPrompt()
        shell.send("exit 0\r")
        XCTAssertEqual(try shell.waitForExit(), 0)
    }

    private static func contents(of path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    /// Waits, up to a deadline, for `text` to appear in the file at `path`.
    private static func waitUntil(_ text: String, isIn path: String) throws {
        let deadline = Date().addingTimeInterval(10)
        while try !contents(of: path).contains(text) {
            guard Date() < deadline else {
                return XCTFail("'\(text)' not in \(path): \(try contents(of: path))")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    func testUpArrowRecallsQuotesAndUTF8AfterARestart() throws {
        let first = try startShell()
        first.send("echo \"a  b\" 'ü'\r")
        try first.expect("a  b ü")
        try first.expectPrompt()
        first.send("\u{04}")
        XCTAssertEqual(try first.waitForExit(), 0)

        let second = try startShell()
        second.send("\u{1B}[A")
        try second.expect("'ü'")
        second.send("\r")
        try second.expect("a  b ü")
        try second.expectPrompt()
        second.send("\u{04}")
        XCTAssertEqual(try second.waitForExit(), 0)
    }

    func testOpenChangesThePromptAndAFailedOpenKeepsIt() throws {
        let other = Hubsh.temporaryDirectory("pty-other")
        defer { try? FileManager.default.removeItem(atPath: other) }
        let name = (other as NSString).lastPathComponent
        let shell = try startShell()
        shell.send("open \(other)\r")
        try shell.expect("opened '\(name)'")
        try shell.expectPrompt("hubsh:\(name)>")
        shell.send("open nats://127.0.0.1:1\r")
        try shell.expect("; the shell stays on '\(name)'")
        try shell.expectPrompt("hubsh:\(name)>")
        shell.send("exit\r")
        XCTAssertEqual(try shell.waitForExit(), 1)
    }

    func testCtrlCStopsATailAndThePromptComesBack() throws {
        let shell = try startShell()
        shell.send("hub create orders-tail --partitions 1\r")
        try shell.expectPrompt()
        shell.send("tail orders-tail --from latest\r")
        Thread.sleep(forTimeInterval: 0.5)
        XCTAssertTrue(shell.isRunning)

        shell.send("\u{03}")
        try shell.expectPrompt()
        shell.send("echo alive\r")
        try shell.expect("\r\nalive\r\n")
        try shell.expectPrompt()
        shell.send("exit 4\r")
        XCTAssertEqual(try shell.waitForExit(), 4)
    }

    func testCtrlCDuringAReadOrAConsumeSaysItStoppedEarly() throws {
        let log = stateDirectory + "/log"
        let shell = try startShell(standardOutput: log)
        shell.send(
            "hub create INT --partitions 2; group create INT billing;"
                + " publish INT --count 1000000 --no-sync x\r")
        try shell.expect("published with --no-sync")
        try shell.expectPrompt()

        shell.send("read INT --count 0\r")
        Thread.sleep(forTimeInterval: 0.5)
        shell.send("\u{03}")
        let seen = try shell.expect(" events read from hub 'INT', and more were left")
        XCTAssertTrue(seen.contains("stopped early: "), seen)
        try shell.expectPrompt()

        shell.send("consume INT --group billing --max 0 --json\r")
        Thread.sleep(forTimeInterval: 0.5)
        shell.send("\u{03}")
        try shell.expect("events consumed from hub 'INT' as group 'billing', and more were left")
        try shell.expectPrompt()
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        let last = try JSONSerialization.jsonObject(with: Data(lines.last!.utf8)) as? [String: Any]
        XCTAssertEqual(last?["interrupted"] as? Bool, true, String(lines.last!))
        XCTAssertTrue(last?["requested"] is NSNull, String(lines.last!))
        let consumed = try XCTUnwrap(last?["consumed"] as? Int)
        XCTAssertTrue((0..<1_000_000).contains(consumed), "\(consumed)")
        shell.send("exit 0\r")
        XCTAssertEqual(try shell.waitForExit(), 0)
    }

    func testCtrlCDuringAPublishSaysItStoppedEarlyOnALineAfterTheCaret() throws {
        let shell = try startShell()
        shell.send("hub create stopped --partitions 2\r")
        try shell.expectPrompt()
        shell.send("publish stopped --count 100000000 --no-sync x\r")
        Thread.sleep(forTimeInterval: 1)
        shell.send("\u{03}")
        let seen = try shell.expect(" of 100,000,000 events published")
        XCTAssertTrue(seen.contains("stopped early: "), seen)
        XCTAssertFalse(seen.contains("^CPARTITION"), seen)
        XCTAssertTrue(seen.contains("\nPARTITION"), seen)
        try shell.expectPrompt()
        shell.send("exit 0\r")
        XCTAssertEqual(try shell.waitForExit(), 0)
    }

    func testCtrlCAtThePromptDropsTheHalfTypedLine() throws {
        let shell = try startShell()
        shell.send("echo zzz")
        try shell.expect("zzz")
        shell.send("\u{03}")
        try shell.expectPrompt()
        shell.send("echo ok\r")
        let seen = try shell.expect("\r\nok\r\n")
        XCTAssertFalse(seen.contains("zzz\r\n"), seen)
        XCTAssertFalse(seen.contains("zzzecho"), seen)
        try shell.expectPrompt()
        shell.send("\u{04}")
        XCTAssertEqual(try shell.waitForExit(), 0)
    }

    func testUnclosedQuoteAsksForTheRestOfTheCommand() throws {
        let shell = try startShell()
        shell.send("echo 'one\r")
        try shell.expectPrompt("...> ")
        shell.send("two' three\r")
        try shell.expect("one\r\ntwo three\r\n")
        try shell.expectPrompt()
        shell.send("\u{04}")
        XCTAssertEqual(try shell.waitForExit(), 0)
    }

    func testBackslashThenAnEmptyLineEndsTheCommand() throws {
        let shell = try startShell()
        shell.send("echo one \\\r")
        try shell.expectPrompt("...> ")
        shell.send("two \\\r")
        try shell.expectPrompt("...> ")
        shell.send("\r")
        try shell.expect("one two\r\n")
        try shell.expectPrompt()
        shell.send("\u{04}")
        XCTAssertEqual(try shell.waitForExit(), 0)
    }

    func testSourceStepPrintsNarrationOnceAndStopsOnlyBeforeCommands() throws {
        let script = stateDirectory + "/steps.hsh"
        try """
            echo "First, a hub."
            set HUB stepped
            hub create $HUB --partitions 1
            echo "Then the list."
            hub list
            echo "The end."
            """.write(toFile: script, atomically: true, encoding: .utf8)
        let shell = try startShell()
        shell.send("source --step \(script)\r")
        let first = try shell.expect("Enter runs it")
        XCTAssertTrue(first.contains("First, a hub.\r\n"), first)
        XCTAssertTrue(first.contains("hub create $HUB --partitions 1"), first)
        XCTAssertFalse(first.contains("echo"), first)
        XCTAssertFalse(first.contains("set HUB"), first)
        shell.send("\r")
        let second = try shell.expect("Enter runs it")
        XCTAssertTrue(second.contains("created hub 'stepped'"), second)
        XCTAssertTrue(second.contains("Then the list.\r\n"), second)
        XCTAssertTrue(second.contains("hub list"), second)
        XCTAssertFalse(second.contains("echo"), second)
        shell.send("\r")
        let rest = try shell.expect("The end.\r\n")
        XCTAssertFalse(rest.contains("Enter runs it"), rest)
        try shell.expectPrompt()
        shell.send("\u{04}")
        XCTAssertEqual(try shell.waitForExit(), 0)
    }
}

// MARK: - Pseudo-terminal

/// A program running on a pseudo-terminal that the test types into and reads from.
///
/// The child is started with `posix_spawn` in a new session (`POSIX_SPAWN_SETSID`) and opens
/// the terminal's slave side as its stdin, stdout and stderr, which makes it the child's
/// controlling terminal: Ctrl-C typed as byte 0x03 becomes SIGINT, as at a real terminal.
final class TerminalSession {
    private let master: Int32
    private let pid: pid_t
    /// Everything the program wrote so far.
    private var received: [UInt8] = []
    /// How much of `received` earlier `expect` calls have used up.
    private var consumed = 0
    private var exitStatus: Int32? = nil

    struct Timeout: Error, CustomStringConvertible {
        var description: String
    }

    /// glibc's `POSIX_SPAWN_SETSID`, which Swift's Glibc module does not export.
    private static let spawnSetSID: Int32 = 0x80
    /// Linux's `TIOCSPTLCK` and `TIOCGPTN`, the ioctls behind `unlockpt` and `ptsname`
    /// (which Swift's Glibc module does not export either); the same on x86_64 and arm64.
    private static let unlockRequest: UInt = 0x4004_5431
    private static let numberRequest: UInt = 0x8004_5430

    /// Starts `executable` on a new pseudo-terminal; its standard output goes to the file at
    /// `standardOutput` instead, when given (as in `hubsh | tee log`).
    init(
        executable: String, arguments: [String], environment: [String: String],
        standardOutput: String? = nil
    ) throws {
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, TerminalSession.unlockRequest, &unlock) == 0,
            ioctl(master, TerminalSession.numberRequest, &number) == 0
        else {
            throw Timeout(description: "no pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        let slave = "/dev/pts/\(number)"
        var size = winsize(ws_row: 40, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(TerminalSession.spawnSetSID))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR, 0)
        if let standardOutput {
            posix_spawn_file_actions_addopen(
                &actions, 1, standardOutput, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 0, 1)
        }
        posix_spawn_file_actions_adddup2(&actions, 0, 2)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let result = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            close(master)
            throw Timeout(
                description: "cannot start \(executable): \(String(cString: strerror(result)))")
        }
        pid = child
    }

    deinit {
        if isRunning {
            kill(pid, SIGKILL)
            _ = try? waitForExit()
        }
        close(master)
    }

    /// Types `text` (use `\r` for Enter, `\t` for Tab, `\u{03}` for Ctrl-C).
    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Waits until the program has written `text` after what earlier calls matched, and returns
    /// what it wrote up to and including it.
    @discardableResult
    func expect(_ text: String, timeout: TimeInterval = 10) throws -> String {
        let wanted = Array(text.utf8)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let range = find(wanted) {
                let seen = String(decoding: received[consumed..<range.upperBound], as: UTF8.self)
                consumed = range.upperBound
                return seen
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0, readAvailable(waitingMillis: Int32(min(left, 0.2) * 1000)) else {
                if left > 0 { continue }
                let tail = String(decoding: received[consumed...], as: UTF8.self)
                throw Timeout(
                    description: "no '\(text)' within \(timeout) s; the screen shows:"
                        + " \(tail.debugDescription)")
            }
        }
    }

    /// Waits for the shell's prompt and for libedit to take the terminal out of line mode.
    ///
    /// Keys typed before that reach the terminal driver in line mode, where Ctrl-D and Ctrl-C
    /// mean something else, so tests wait for this before they type.
    func expectPrompt(_ prompt: String = "hubsh:", timeout: TimeInterval = 10) throws {
        try expect(prompt, timeout: timeout)
        let deadline = Date().addingTimeInterval(timeout)
        var settings = termios()
        while tcgetattr(master, &settings) == 0, settings.c_lflag & UInt32(ICANON) != 0 {
            guard Date() < deadline else {
                throw Timeout(description: "the line editor did not start within \(timeout) s")
            }
            _ = readAvailable(waitingMillis: 10)
        }
    }

    var isRunning: Bool {
        guard exitStatus == nil else { return false }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid {
            exitStatus = TerminalSession.decode(status)
            return false
        }
        return true
    }

    /// Waits for the program to end and returns its exit status (128 + N for signal N).
    func waitForExit(timeout: TimeInterval = 10) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while isRunning {
            guard Date() < deadline else {
                throw Timeout(description: "the program is still running after \(timeout) s")
            }
            _ = readAvailable(waitingMillis: 50)
        }
        return exitStatus ?? -1
    }

    private func find(_ wanted: [UInt8]) -> Range<Int>? {
        guard received.count - consumed >= wanted.count else { return nil }
        for start in consumed...(received.count - wanted.count)
        where received[start..<(start + wanted.count)].elementsEqual(wanted) {
            return start..<(start + wanted.count)
        }
        return nil
    }

    /// Reads what is there within `waitingMillis`; false when nothing came.
    private func readAvailable(waitingMillis: Int32) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, waitingMillis) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        guard count > 0 else { return false }
        received += buffer[0..<count]
        return true
    }

    private static func decode(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}
