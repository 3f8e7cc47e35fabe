import Foundation
import XCTest

/// `hub set HUB --retention D --max-event-size BYTES` through the built binary: what it says,
/// what it refuses, and how it keeps a dead-letter hub fitting its hub.
final class HubSetTests: XCTestCase {
    var hubsh = Hubsh()
    var folder = Hubsh.temporaryDirectory("hubset")

    override func tearDown() {
        hubsh.cleanUp()
        try? FileManager.default.removeItem(atPath: folder)
    }

    func testRetentionAndMaxEventSizeChangeAndTheOutputSaysHow() {
        hubsh.script("hub create Orders --retention 1d")
        let longer = hubsh.script("hub set orders --retention 7d")
        XCTAssertEqual(longer.status, 0, longer.stderr)
        XCTAssertEqual(longer.stdout, "hub 'Orders': retention 1d -> 7d\n")

        let both = hubsh.script("hub set ORDERS --retention 7d --max-event-size 2MiB")
        XCTAssertEqual(both.stdout, "hub 'Orders': max event size 1.0 MiB -> 2.0 MiB\n")
        let again = hubsh.script("hub set orders --retention 7d --max-event-size 2097152")
        XCTAssertEqual(
            again.stdout, "hub 'Orders': retention 7d, max event size 2.0 MiB; unchanged\n")
        XCTAssertEqual(again.stderr, "")

        let json = hubsh.script("hub set orders --max-event-size 512KiB --json").jsonLines()
        XCTAssertEqual(json.count, 1)
        XCTAssertEqual(json.first?["name"] as? String, "Orders")
        XCTAssertEqual(json.first?["retention"] as? String, "7d")
        XCTAssertEqual(json.first?["maxEventSize"] as? Int, 524_288)
        XCTAssertEqual(json.first?["partitionCount"] as? Int, 4)
        XCTAssertTrue(json.first?["schema"] is NSNull)
        let shown = hubsh.script("hub show orders --json").jsonLines().first
        XCTAssertEqual(shown?["retentionMillis"] as? Int, 7 * 86_400_000)
        XCTAssertEqual(shown?["maxEventSize"] as? Int, 524_288)
    }

    func testBadValuesAndNothingToChangeAreUsageErrorsOfOneLine() {
        hubsh.script("hub create orders --retention 1d")
        for command in [
            "hub set orders --retention 30s", "hub set orders --retention 3651d",
            "hub set orders --max-event-size 0", "hub set orders --max-event-size 257MiB",
            "hub set orders", "hub set orders --partitions 8",
        ] {
            let result = hubsh.script(command)
            XCTAssertEqual(result.status, 2, command)
            XCTAssertEqual(
                result.stderr.split(separator: "\n").count, 1, "\(command): \(result.stderr)")
        }
        let unknown = hubsh.script("hub set nope --retention 7d")
        XCTAssertEqual(unknown.status, 1)
        XCTAssertEqual(unknown.stderr.split(separator: "\n").count, 1, unknown.stderr)
        XCTAssertEqual(
            hubsh.script("hub show orders --json").jsonLines().first?["retention"] as? String,
            "1d")
    }

    func testADeadLetterHubKeepsFittingTheHubThatDeadLettersIntoIt() {
        let schema = (folder as NSString).appendingPathComponent("order.json")
        try? #"{"type":"object","required":["id"]}"#.write(
            toFile: schema, atomically: true, encoding: .utf8)
        let setUp = hubsh.script("""
            hub create orders --partitions 2
            schema group create shop --format json
            schema register shop order \(schema)
            hub set orders --schema shop/order --on-invalid deadletter
            """)
        XCTAssertEqual(setUp.status, 0, setUp.stderr)

        let shorter = hubsh.script("hub set orders.deadletter --retention 1d")
        XCTAssertEqual(shorter.status, 1)
        XCTAssertEqual(
            shorter.stderr,
            "error: hub 'orders.deadletter' is where 'orders' dead-letters invalid events, and"
                + " would no longer fit it: it keeps events 1d, not at least 30d; give at least"
                + " --retention 30d, or first stop dead-lettering with 'hub set orders"
                + " --on-invalid reject'\n")
        let smaller = hubsh.script("hub set orders.deadletter --max-event-size 1MiB")
        XCTAssertEqual(smaller.status, 1)
        XCTAssertTrue(smaller.stderr.contains("--max-event-size 1114112"), smaller.stderr)

        let larger = hubsh.script("hub set orders --max-event-size 2MiB")
        XCTAssertEqual(larger.status, 1)
        XCTAssertEqual(larger.stderr.split(separator: "\n").count, 1, larger.stderr)
        XCTAssertTrue(
            larger.stderr.hasPrefix(
                "error: hub 'orders' dead-letters into 'orders.deadletter', which would no"
                    + " longer fit it"),
            larger.stderr)
        XCTAssertTrue(
            larger.stderr.hasSuffix(
                "raise that first with 'hub set orders.deadletter --max-event-size 2162688'\n"),
            larger.stderr)
        let hubs = hubsh.script("hub list --json").jsonLines()
        XCTAssertEqual(hubs.map { $0["retention"] as? String }, ["7d", "30d"])

        let inOrder = hubsh.script("""
            hub set orders.deadletter --max-event-size 2162688 --retention 60d
            hub set orders --max-event-size 2MiB
            """)
        XCTAssertEqual(inOrder.status, 0, inOrder.stderr)
        XCTAssertEqual(
            inOrder.stdout,
            "hub 'orders.deadletter': retention 30d -> 60d, max event size 1.1 MiB -> 2.1 MiB\n"
                + "hub 'orders': max event size 1.0 MiB -> 2.0 MiB\n")
        let unbound = hubsh.script("""
            hub set orders --on-invalid reject
            hub set orders.deadletter --retention 1d
            """)
        XCTAssertEqual(unbound.status, 0, unbound.stderr)
    }

    func testIfNotExistsPointsAtTheHubSetThatAppliesTheAskedSettings() {
        hubsh.script("hub create orders --retention 1d")
        let one = hubsh.script("hub create orders --retention 7d --if-not-exists")
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertEqual(
            one.stderr,
            "warning: hub 'orders' already exists with retention 1d (asked: 7d); left as it is;"
                + " change it with 'hub set orders --retention 7d'\n")
        let two = hubsh.script(
            "hub create ORDERS --retention 3d --max-event-size 2MiB --if-not-exists")
        XCTAssertTrue(
            two.stderr.hasSuffix(
                "; change them with 'hub set orders --retention 3d --max-event-size 2MiB'\n"),
            two.stderr)
        let count = hubsh.script("hub create orders --partitions 8 --if-not-exists")
        XCTAssertFalse(count.stderr.contains("hub set"), count.stderr)
        let applied = hubsh.script("hub set orders --retention 7d")
        XCTAssertEqual(applied.stdout, "hub 'orders': retention 1d -> 7d\n")
    }
}
