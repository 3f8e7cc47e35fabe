import Foundation
import HubCore
@testable import HubShell

/// A shell whose output is captured, over an in-memory log, for tests of the language and the
/// interpreter.
final class TestShell {
    let stdout = BufferSink()
    let stderr = BufferSink()
    let log = MemoryEventLog()
    let context: ShellContext
    let registry: CommandRegistry
    let shell: Shell

    init(commands: [Command] = [], keepGoing: Bool = false) {
        let output = Output(
            standardOutput: stdout, standardError: stderr, isTerminal: false, useColor: false)
        context = ShellContext(log: log, output: output, isInteractive: false)
        registry = CommandRegistry(commands)
        shell = Shell(
            context: context, registry: registry,
            options: ShellOptions(keepGoing: keepGoing))
    }

    /// Runs `text` as a script and returns its status.
    func run(_ text: String, file: String? = nil) -> Int32 {
        shell.runScript(text, file: file)
    }

    var output: String { stdout.text }
    var errors: String { stderr.text }
}

/// A folder of files for a test, removed when the test ends.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "hubsh-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` to `name` (which may contain folders) and returns the full path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = (path as NSString).appendingPathComponent(name)
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }
}
