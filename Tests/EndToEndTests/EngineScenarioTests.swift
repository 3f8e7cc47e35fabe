import Foundation
import XCTest

/// The scenario scripts of `samples/scenarios`, run with `--json --keep-going` on the embedded
/// log and on a NATS JetStream cluster: both engines must print the same lines once the values
/// that differ by nature are masked.
///
/// The cluster's address comes from `HUBSH_TEST_NATS`, which `.ci/test` sets after starting a
/// local 3-node cluster. Without it the NATS comparisons are skipped, unless
/// `HUBSH_REQUIRE_NATS=1` says the cluster must be there (as `.ci/test` does), so that a broken
/// cluster start fails the run instead of skipping it.
final class EngineScenarioTests: XCTestCase {
    static let scenarios = Hubsh.projectRoot.appendingPathComponent("samples/scenarios")

    func testHubsAndGroupsMatchAcrossEngines() throws {
        try compareEngines("hubs-and-groups.hsh")
    }

    func testPublishAndReadMatchAcrossEngines() throws {
        try compareEngines("publish-read.hsh")
    }

    func testConsumeCheckpointsAndLagMatchAcrossEngines() throws {
        try compareEngines("consume-checkpoint-lag.hsh")
    }

    func testSchemasMatchAcrossEngines() throws {
        try compareEngines("schemas.hsh")
    }

    /// The tour, unattended, on a fresh namespace of the cluster: every step succeeds, as it
    /// does on the embedded log (round-robin and the samples make its output differ in detail).
    func testTheTourRunsOnNATS() throws {
        var hubsh = Hubsh()
        defer { hubsh.cleanUp() }
        hubsh.engine = NATSTestCluster.freshNamespace(try NATSTestCluster.address())
        let tour = Hubsh.projectRoot.appendingPathComponent("samples/tour.hsh").path
        let result = hubsh.run(["-f", tour], timeout: 180)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stderr.contains("error"), result.stderr)
        XCTAssertTrue(result.stdout.contains("deleted hub 'tour-orders'"), result.stdout)
    }

    /// The masking itself: two runs on two fresh embedded namespaces agree line for line,
    /// while the unmasked output differs (times move on), so the mask is what makes them equal.
    func testMaskingMakesTwoEmbeddedRunsEqual() throws {
        let first = runOnEmbeddedLog("consume-checkpoint-lag.hsh")
        Thread.sleep(forTimeInterval: 0.01)
        let second = runOnEmbeddedLog("consume-checkpoint-lag.hsh")
        XCTAssertNotEqual(first.stdout, second.stdout, "enqueued times should differ between runs")
        XCTAssertEqual(ScenarioMask.lines(first), ScenarioMask.lines(second))
        XCTAssertGreaterThan(first.stdout.split(separator: "\n").count, 30)
    }

    // MARK: - Running

    private func compareEngines(_ script: String) throws {
        let address = try NATSTestCluster.address()
        let embedded = runOnEmbeddedLog(script)
        var nats = Hubsh()
        defer { nats.cleanUp() }
        nats.engine = NATSTestCluster.freshNamespace(address)
        let onNATS = run(script, with: nats)

        let expected = ScenarioMask.lines(embedded)
        let actual = ScenarioMask.lines(onNATS)
        XCTAssertGreaterThan(expected.count, 5, "the scenario printed too little: \(embedded)")
        for (index, (want, got)) in zip(expected, actual).enumerated() where want != got {
            XCTFail(
                "\(script) line \(index + 1) differs\n  embedded: \(want)\n  nats:     \(got)"
                    + "\n  nats stderr: \(onNATS.stderr)")
            return
        }
        XCTAssertEqual(
            expected.count, actual.count,
            "\(script): embedded printed \(expected.count) lines, nats \(actual.count):"
                + " \(actual.suffix(3))")
        XCTAssertEqual(embedded.status, onNATS.status, onNATS.stderr)
    }

    private func runOnEmbeddedLog(_ script: String) -> Hubsh.Result {
        let hubsh = Hubsh()
        defer { hubsh.cleanUp() }
        return run(script, with: hubsh)
    }

    private func run(_ script: String, with hubsh: Hubsh) -> Hubsh.Result {
        let path = Self.scenarios.appendingPathComponent(script).path
        return hubsh.run(["--json", "--keep-going", "-f", path], timeout: 120)
    }
}

/// Replaces what differs between runs and engines by nature with placeholders: times, offsets
/// and stored bytes (bytes on the embedded log, message numbers on JetStream), schema ids,
/// checkpoint owners (host and process) and elapsed durations. Everything else must match.
enum ScenarioMask {
    static let maskedKeys: Set<String> = [
        "enqueuedTime", "createdAt", "updatedAt", "registeredAt", "offset", "id", "owner",
        "lastEnqueuedTime", "deadletter.schemaId", "elapsedMillis", "bytes", "nextOffset",
    ]

    /// Keys only a replicating engine prints (`hub show`'s leader and followers), left out.
    static let replicaKeys: Set<String> = ["leader", "followers"]

    /// Standard output as masked JSON lines, then standard error's lines as they are.
    static func lines(_ result: Hubsh.Result) -> [String] {
        let out = result.stdout.split(separator: "\n").map { line -> String in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) else {
                return String(line)
            }
            return canonical(mask(object))
        }
        let err = result.stderr.split(separator: "\n").map { "stderr: \($0)" }
        return out + err
    }

    static func mask(_ value: Any) -> Any {
        if let object = value as? [String: Any] {
            var masked: [String: Any] = [:]
            for (key, item) in object where !replicaKeys.contains(key) {
                let volatile = maskedKeys.contains(key) && !(item is NSNull)
                masked[key] = volatile ? "<masked>" : mask(item)
            }
            return masked
        }
        if let array = value as? [Any] { return array.map(mask) }
        return value
    }

    static func canonical(_ value: Any) -> String {
        let data = try? JSONSerialization.data(
            withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "\(value)"
    }
}
