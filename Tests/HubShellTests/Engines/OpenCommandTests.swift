import Foundation
import HubCore
import XCTest

@testable import HubShell

/// `open TARGET` switches the shell's engine through the opener `main` hands it.
final class OpenCommandTests: XCTestCase {
    /// What the fake opener was asked for and what it closed; shared with its closures.
    private final class Engines: @unchecked Sendable {
        var opened: [EngineTarget] = []
        var closed: [String] = []
        var refusal: HubError?

        func engine(_ target: EngineTarget, label: String) -> OpenedEngine {
            let log = MemoryEventLog()
            return OpenedEngine(log: log, label: label, target: target) { [self] in
                closed.append(label)
            }
        }
    }

    private let engines = Engines()
    private let stdout = BufferSink()
    private let stderr = BufferSink()
    private var shell: Shell!

    override func setUp() {
        let engines = self.engines
        let output = Output(
            standardOutput: stdout, standardError: stderr, isTerminal: false, useColor: false)
        let context = ShellContext(
            engine: engines.engine(.lmdb(directory: "/first"), label: "first"), output: output,
            isInteractive: false,
            engineOpener: { target in
                if let refusal = engines.refusal { throw refusal }
                engines.opened.append(target)
                switch target {
                case .lmdb(let directory):
                    return engines.engine(
                        target, label: (directory as NSString).lastPathComponent)
                case .nats(let address):
                    return engines.engine(target, label: "nats:" + address.namespace)
                }
            })
        shell = Shell(
            context: context, registry: CommandRegistry(DomainCommands.all),
            options: ShellOptions())
    }

    func testOpenSwitchesTheLogAndThePromptAndClosesTheOldEngine() {
        let before = shell.context.log
        let open = "open nats://127.0.0.1:4222,127.0.0.1:4223/team"
        XCTAssertEqual(shell.runScript(open, file: nil), 0, stderr.text)
        XCTAssertEqual(
            engines.opened,
            [.nats(NATSAddress(servers: ["127.0.0.1:4222", "127.0.0.1:4223"], namespace: "team"))])
        XCTAssertEqual(engines.closed, ["first"])
        XCTAssertFalse(shell.context.log === before)
        XCTAssertEqual(shell.context.engineLabel, "nats:team")
        XCTAssertEqual(shell.prompt, "hubsh:nats:team> ")
        XCTAssertEqual(
            stdout.text, "opened 'nats:team' (nats: nats://127.0.0.1:4222,127.0.0.1:4223/team)\n")
    }

    func testCommandsAfterOpenUseTheNewLog() {
        let script = "hub create old; open /tmp/second; hub list --json"
        XCTAssertEqual(shell.runScript(script, file: nil), 0, stderr.text)
        XCTAssertFalse(stdout.text.contains("\"old\""), stdout.text)
        XCTAssertEqual(shell.runScript("hub create fresh; hub list --json", file: nil), 0)
        XCTAssertTrue(stdout.text.contains("\"name\":\"fresh\""), stdout.text)
    }

    func testARelativeDirectoryIsFoundFromTheScriptsFolder() throws {
        let folder = try TemporaryFolder()
        try folder.write("setup/switch.hsh", "open ../stores/b\n")
        XCTAssertEqual(shell.runScriptFile(folder.path + "/setup/switch.hsh"), 0, stderr.text)
        XCTAssertEqual(engines.opened, [.lmdb(directory: folder.path + "/setup/../stores/b")])
        XCTAssertEqual(shell.context.engineLabel, "b")
    }

    func testAFailedOpenKeepsTheEngineAndSaysWhyInOneLine() {
        let before = shell.context.log
        engines.refusal = .storage("cannot reach nats://127.0.0.1:1: connection refused")
        XCTAssertEqual(shell.runScript("open nats://127.0.0.1:1", file: nil), 1)
        XCTAssertEqual(
            stderr.text,
            "error: cannot reach nats://127.0.0.1:1: connection refused; the shell stays on"
                + " 'first'\n")
        XCTAssertTrue(shell.context.log === before)
        XCTAssertEqual(shell.context.engineLabel, "first")
        XCTAssertEqual(engines.closed, [])
    }

    func testAMalformedTargetIsAUsageErrorAndOpensNothing() {
        XCTAssertEqual(shell.runScript("open nats://host:port", file: nil), 2)
        XCTAssertTrue(stderr.text.contains("invalid port 'port'"), stderr.text)
        XCTAssertEqual(stderr.text.split(separator: "\n").count, 1, stderr.text)
        XCTAssertEqual(engines.opened, [])
        XCTAssertEqual(shell.context.engineLabel, "first")
    }

    func testOpenJSONNamesTheEngineAndNamespace() {
        XCTAssertEqual(shell.runScript("open --json nats://a:1/ns", file: nil), 0, stderr.text)
        XCTAssertEqual(
            stdout.text,
            #"{"engine":"nats","target":"nats://a:1/ns","namespace":"test","label":"nats:ns","#
                + #""new":false}"# + "\n")
    }

    func testAShellWithoutAnOpenerSaysSo() {
        let test = TestShell()
        XCTAssertEqual(test.run("open /tmp/elsewhere"), 1)
        XCTAssertEqual(test.errors, "error: this shell cannot open another engine\n")
    }

    func testBenchInTwoProcessesNeedsAnEngineASecondProcessCanOpen() {
        let test = TestShell(commands: DomainCommands.all)
        XCTAssertEqual(test.run("bench e2e --events 10 --processes 2"), 1)
        XCTAssertTrue(
            test.errors.hasPrefix("error: bench e2e --processes 2 needs an engine a second"),
            test.errors)
    }
}
