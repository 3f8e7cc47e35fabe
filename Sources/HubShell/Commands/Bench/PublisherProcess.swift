import Foundation
import HubCore
import Synchronization

/// The second hubsh process of a two-process `bench e2e`: it publishes while this process
/// tails, both on the same namespace.
///
/// It is this same executable, run as `hubsh --data DIR --json -c 'bench e2e --role publisher
/// ...'` (or `--engine nats://...`); its one line of JSON output is its publishing side of the
/// run. Foundation starts it in a process group of its own, so Ctrl-C at the terminal reaches
/// only this process: `stop` passes it on. `run` waits on a worker thread of the benchmark;
/// `stop` is called from the thread that runs the benchmark.
final class PublisherProcess: Sendable {
    /// `--data DIR` or `--engine ADDRESS`: what opens this shell's engine.
    let engineArguments: [String]
    /// The bench command the other process runs.
    let command: String
    private let state = Mutex<State>(.notStarted)

    private enum State {
        case notStarted
        case running(Process)
        /// `stop` came: the process was told to terminate, or is never to start.
        case stopped
        case exited
    }

    init(engineArguments: [String], command: String) {
        self.engineArguments = engineArguments
        self.command = command
    }

    /// The running executable: `/proc/self/exe`.
    static func executable() throws -> String {
        do {
            return try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        } catch {
            throw CommandFailure("cannot find the hubsh executable to start a second process")
        }
    }

    /// Starts the process, waits for it to exit and returns what it printed as JSON; throws
    /// when it failed, with its own error message. Returns nil when `stop` ended it first.
    func run() throws -> JSONValue? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try PublisherProcess.executable())
        process.arguments = engineArguments + ["--json", "-c", command]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice

        // Started under the lock, so that a `stop` at the same moment either finds it running
        // or keeps it from starting.
        let started = try state.withLock { state in
            guard case .notStarted = state else { return false }
            do {
                try process.run()
            } catch {
                throw CommandFailure("cannot start the publishing hubsh process: \(error)")
            }
            state = .running(process)
            return true
        }
        guard started else { return nil }

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
        // Reaps it: after a `stop` too, so that no process is left behind.
        process.waitUntilExit()
        let wasStopped = state.withLock { state in
            defer { state = .exited }
            if case .stopped = state { return true }
            return false
        }

        let finished = process.terminationReason == .exit && process.terminationStatus == 0
        if wasStopped && !finished { return nil }
        guard finished else {
            let message = String(decoding: complaint.data, as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            throw CommandFailure(
                "the publishing hubsh process failed (\(PublisherProcess.ending(process)))"
                    + (message.isEmpty ? "" : ": " + message))
        }
        let line = String(decoding: printed, as: UTF8.self)
            .split(separator: "\n").first.map(String.init) ?? ""
        return try? JSONValue.parse(line)
    }

    /// Ends the process at once (SIGTERM), or keeps it from starting; `run` then reaps it
    /// and returns nil. Does nothing once it has exited.
    func stop() {
        state.withLock { state in
            switch state {
            case .notStarted:
                state = .stopped
            case .running(let process):
                if process.isRunning { process.terminate() }
                state = .stopped
            case .stopped, .exited:
                break
            }
        }
    }

    /// `exit status 1`, or `signal 9`.
    private static func ending(_ process: Process) -> String {
        process.terminationReason == .exit
            ? "exit status \(process.terminationStatus)"
            : "signal \(process.terminationStatus)"
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
