import Foundation
import XCTest

/// The NATS JetStream cluster that `.ci/test` starts for the tests, if any.
enum NATSTestCluster {
    /// `HUBSH_TEST_NATS`: the cluster's address, such as `nats://127.0.0.1:4222,...`.
    ///
    /// Throws `XCTSkip` when it is not set, or fails when `HUBSH_REQUIRE_NATS=1` says it must be.
    static func address(file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let environment = ProcessInfo.processInfo.environment
        if let address = environment["HUBSH_TEST_NATS"], !address.isEmpty { return address }
        let message = "no NATS cluster: run the tests with 'bash .ci/test', which starts one,"
            + " or set HUBSH_TEST_NATS=nats://HOST:PORT,..."
        if environment["HUBSH_REQUIRE_NATS"] == "1" {
            XCTFail(message, file: file, line: line)
        }
        throw XCTSkip(message)
    }

    /// `address` with a namespace of its own, so that tests sharing the cluster never meet.
    static func freshNamespace(_ address: String) -> String {
        let base = address.split(separator: "/", omittingEmptySubsequences: false)
            .prefix(3).joined(separator: "/")
        let suffix = UUID().uuidString.prefix(8).lowercased()
        return "\(base)/t\(suffix)"
    }
}

struct ClusterError: Error, CustomStringConvertible {
    var description: String
}

extension NATSTestCluster {
    /// Kills and restarts the cluster's servers through `.ci/nats-cluster`.
    struct Control {
        var directory: String

        func kill(_ node: String) throws { try run(["kill", node]) }
        func restart(_ node: String) throws { try run(["restart", node]) }

        private func run(_ arguments: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            let script = Hubsh.projectRoot.appendingPathComponent(".ci/nats-cluster").path
            process.arguments = [script, "--dir", directory] + arguments
            // A file, not a pipe: `restart` leaves a server running in the background that
            // holds the script's output open, and a pipe would then never end.
            let errorPath = Hubsh.temporaryDirectory("cluster") + "/stderr"
            _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
            process.standardError = FileHandle(forWritingAtPath: errorPath)
            process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                let text = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
                throw ClusterError(
                    description: "nats-cluster \(arguments.joined(separator: " ")) failed: \(text)")
            }
        }
    }

    /// The cluster's control, from `HUBSH_TEST_NATS_DIR` (the folder `.ci/test` started it in).
    static func control(file: StaticString = #filePath, line: UInt = #line) throws -> Control {
        let environment = ProcessInfo.processInfo.environment
        guard let directory = environment["HUBSH_TEST_NATS_DIR"], !directory.isEmpty else {
            let message = "HUBSH_TEST_NATS_DIR is not set: the failover test needs the cluster"
                + " that 'bash .ci/test' starts"
            if environment["HUBSH_REQUIRE_NATS"] == "1" {
                XCTFail(message, file: file, line: line)
            }
            throw XCTSkip(message)
        }
        return Control(directory: directory)
    }
}
