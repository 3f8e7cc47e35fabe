import Foundation
import XCTest

/// The scripts in samples/ run as the README says, on a fresh namespace.
final class SampleScriptTests: XCTestCase {
    var hubsh = Hubsh()

    override func tearDown() {
        hubsh.cleanUp()
    }

    var samples: URL { Hubsh.projectRoot.appendingPathComponent("samples") }

    func testOnboardingCreatesTwentyHubsWithTheirGroups() {
        let result = hubsh.run(["-f", samples.appendingPathComponent("onboard.hsh").path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let all = hubsh.script("hub list --json").jsonLines()
        let hubs = all.filter { !($0["name"] as? String ?? "").hasSuffix(".deadletter") }
        XCTAssertEqual(hubs.count, 20)
        XCTAssertEqual(all.count - hubs.count, 5, "five hubs dead-letter invalid events")
        for hub in hubs {
            let name = hub["name"] as? String ?? "?"
            let groups = hub["consumerGroupCount"] as? Int ?? 0
            // $default plus the 2-3 groups of each value stream.
            XCTAssertTrue((3...4).contains(groups), "\(name) has \(groups) groups")
        }
        // A second run changes nothing and succeeds: the script is repeatable.
        let again = hubsh.run(["-f", samples.appendingPathComponent("onboard.hsh").path])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("already exists; left as it is"), again.stdout)
        let bindings = again.stdout.split(separator: "\n").filter {
            $0.contains("validates events against")
        }
        XCTAssertEqual(bindings.count, 20, again.stdout)
        XCTAssertTrue(bindings.allSatisfy { $0.hasSuffix("; unchanged") }, again.stdout)
        XCTAssertEqual(hubsh.script("hub list --json").jsonLines().count, 25)
        XCTAssertTrue(again.stdout.contains("identical to version 1"), again.stdout)
    }

    func testOnboardedHubsAcceptTheirSampleEventsAndRefuseOthers() {
        XCTAssertEqual(
            hubsh.run(["-f", samples.appendingPathComponent("onboard.hsh").path]).status, 0)
        for hub in ["orders", "clickstream", "warehouse-telemetry"] {
            let sample = hubsh.script("publish \(hub) --sample \(hub) --count 50 --no-sync")
            XCTAssertEqual(sample.status, 0, sample.stderr)
        }
        XCTAssertEqual(hubsh.script("publish clickstream '{\"nonsense\":true}'").status, 1)
        XCTAssertEqual(hubsh.script("publish orders '{\"nonsense\":true}'").status, 0)
        let letters = hubsh.script("deadletter list orders", ["--json"]).jsonLines()
        XCTAssertEqual(letters.count, 1)
    }

    func testTourRunsUnattendedFromAnyFolder() {
        // Relative paths in the tour resolve from its own folder, not the working directory.
        let result = hubsh.run(["-f", samples.appendingPathComponent("tour.hsh").path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("tour-orders"))
        XCTAssertEqual(hubsh.script("hub list --json").jsonLines().count, 0, "the tour cleans up")
    }

    func testSampleEventsRepeatExactlyWithASeed() {
        hubsh.script("hub create a --partitions 4; hub create b --partitions 4")
        hubsh.script("publish a --sample orders --count 25 --seed 7")
        hubsh.script("publish b --sample orders --count 25 --seed 7")
        let first = hubsh.script("read a --count 100 --json").jsonLines()
        let second = hubsh.script("read b --count 100 --json").jsonLines()
        XCTAssertEqual(first.count, 25)
        func essence(_ events: [[String: Any]]) -> [String] {
            events.map { "\($0["partition"]!)/\($0["sequenceNumber"]!)/\($0["body"]!)" }.sorted()
        }
        XCTAssertEqual(essence(first), essence(second))
        let unknown = hubsh.script("publish a --sample ordres")
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("orders"), unknown.stderr)
    }
}
