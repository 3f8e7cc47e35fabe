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
