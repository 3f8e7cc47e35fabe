import Foundation
import XCTest

/// Runs the built `hubsh` binary the way a script or a person would, and reads what it printed.
struct Hubsh {
    /// A fresh data directory per test, removed by `cleanUp`.
    let dataDirectory: String
    /// Extra environment for every run.
    var environment: [String: String] = [:]
    /// An engine address given with `--engine` instead of `--data DIR`, such as a NATS cluster.
    var engine: String?
    /// The arguments that choose the engine, in place of `engine` and `--data DIR`: `[]` lets
    /// `$HUBSH_ENGINE` choose; a test may also give both flags to see them refused.
    var engineArguments: [String]? = nil

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutBytes: [UInt8]

        /// Each stdout line parsed as JSON.
        func jsonLines(file: StaticString = #filePath, line: UInt = #line) -> [[String: Any]] {
            stdout.split(separator: "\n").compactMap { text in
                let object = try? JSONSerialization.jsonObject(with: Data(text.utf8))
                if object == nil { XCTFail("not JSON: \(text)", file: file, line: line) }
                return object as? [String: Any]
            }
        }
    }

    static let projectRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let sharedTestData = projectRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/testdata")

    /// The binary: `$HUBSH_BINARY`, else next to the test bundle, else `.build/debug/hubsh`.
    static let binary: String = {
        if let given = ProcessInfo.processInfo.environment["HUBSH_BINARY"] { return given }
        // On Linux the main bundle is the build folder itself, which holds both the
        // .xctest and hubsh (with any --scratch-path).
        var candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        for bundle in Bundle.allBundles {
            candidates.append(bundle.bundleURL.deletingLastPathComponent())
        }
        candidates.append(projectRoot.appendingPathComponent(".build/debug"))
        for folder in candidates {
            let path = folder.appendingPathComponent("hubsh").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return projectRoot.appendingPathComponent(".build/debug/hubsh").path
    }()

    /// A shell on `dataDirectory`, or on a fresh temporary one.
    init(dataDirectory: String? = nil) {
        self.dataDirectory = dataDirectory ?? Hubsh.temporaryDirectory("data")
        let state = Hubsh.temporaryDirectory("state")
        environment["XDG_STATE_HOME"] = state
        // No plugins from the machine running the tests: each test names the ones it loads.
        environment["XDG_DATA_HOME"] = state
        environment["HUBSH_PLUGIN_PATH"] = ""
    }

    static func temporaryDirectory(_ label: String) -> String {
        let path = NSTemporaryDirectory() + "hubsh-test-\(label)-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func cleanUp() {
        try? FileManager.default.removeItem(atPath: dataDirectory)
    }

    /// Runs `hubsh --data DIR ARGS...` (or `--engine`) with `stdin` as its input and
    /// waits for it to exit.
    @discardableResult
    func run(_ arguments: [String], stdin: String = "", timeout: TimeInterval = 60) -> Result {
        let process = start(arguments)
        let input = process.standardInput as! Pipe
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try? input.fileHandleForWriting.close()
        return finish(process, timeout: timeout)
    }

    /// `hubsh --data DIR -c SCRIPT`.
    @discardableResult
    func script(_ text: String, _ extra: [String] = []) -> Result {
        run(extra + ["-c", text])
    }

    /// Starts hubsh without waiting; read its output with `finish`.
    ///
    /// With `outputFile`, standard output goes to that file instead of a pipe: a long-running
    /// hubsh that prints a lot (a tail) never blocks on a pipe nobody reads yet.
    func start(_ arguments: [String], outputFile: String? = nil) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Hubsh.binary)
        let store = engineArguments ?? engine.map { ["--engine", $0] } ?? ["--data", dataDirectory]
        process.arguments = store + arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = Pipe()
        if let outputFile {
            _ = FileManager.default.createFile(atPath: outputFile, contents: nil)
            process.standardOutput = FileHandle(forWritingAtPath: outputFile)
        } else {
            process.standardOutput = Pipe()
        }
        process.standardError = Pipe()
        do {
            try process.run()
        } catch {
            XCTFail("cannot start \(Hubsh.binary): \(error); build it with 'swift build' first")
        }
        return process
    }

    func finish(_ process: Process, timeout: TimeInterval = 60) -> Result {
        let out = (process.standardOutput as? Pipe)?.fileHandleForReading
            ?? FileHandle(forReadingAtPath: "/dev/null")!
        let err = (process.standardError as! Pipe).fileHandleForReading
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            outData = out.readDataToEndOfFile()
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            errData = err.readDataToEndOfFile()
            group.leave()
        }
        if group.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            XCTFail("hubsh did not finish within \(timeout) s")
            group.wait()
        }
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self), stdoutBytes: [UInt8](outData))
    }
}
