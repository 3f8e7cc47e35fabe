import Foundation
import HubCore

/// The second hubsh process of a two-process `bench e2e`: it publishes while this process
/// tails, both on the same namespace.
///
/// It is this same executable, run as `hubsh --data DIR --json -c 'bench e2e --role publisher
/// ...'` (or `--engine nats://...`); its one line of JSON output is its publishing side of the
/// run.
struct PublisherProcess: Sendable {
    /// `--data DIR` or `--engine ADDRESS`: what opens this shell's engine.
    let engineArguments: [String]
    /// The bench command the other process runs.
    let command: String

    /// The running executable: `/proc/self/exe`.
    static func executable() throws -> String {
        do {
            return try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        } catch {
            throw CommandFailure("cannot find the hubsh executable to start a second process")
        }
    }

    /// Starts the process, waits for it to exit and returns what it printed as JSON; throws
    /// when it failed, with its own error message.
    func run() throws -> JSONValue? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try PublisherProcess.executable())
        process.arguments = engineArguments + ["--json", "-c", command]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw CommandFailure("cannot start the publishing hubsh process: \(error)")
        }
        // Stderr is drained on another thread, so that neither pipe can fill up and stall it.
        let complaint = ErrorText()
        let drained = DispatchGroup()
        drained.enter()
        DispatchQueue.global().async {
            complaint.set(errors.fileHandleForReading.readDataToEndOfFile())
            drained.leave()
        }
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: complaint.data, as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            throw CommandFailure(
                "the publishing hubsh process failed (exit status \(process.terminationStatus))"
                    + (message.isEmpty ? "" : ": " + message))
        }
        let line = String(decoding: printed, as: UTF8.self)
            .split(separator: "\n").first.map(String.init) ?? ""
        return try? JSONValue.parse(line)
    }
}

/// What the other process wrote to stderr, handed from the thread that read it.
private final class ErrorText: @unchecked Sendable {
    private let lock = NSLock()
    /// Read and written only while holding `lock`.
    private var stored = Data()

    func set(_ data: Data) {
        lock.withLock { stored = data }
    }

    var data: Data { lock.withLock { stored } }
}
