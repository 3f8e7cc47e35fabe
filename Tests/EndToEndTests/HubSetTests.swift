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
        XCTAssertEqual(json.first?["changed"] as? [String], ["maxEventSize"])
        let same = hubsh.script("hub set orders --retention 7d --json").jsonLines().first
        XCTAssertEqual(same?["changed"] as? [String], [])
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
        XCTAssertTrue(
            count.stderr.hasSuffix(
                "left as it is; the partition count is fixed when a hub is created, as on Event"
                    + " Hubs' standard tier; for another count, create a new hub with 'hub"
                    + " create NAME --partitions N'\n"),
            count.stderr)
        let applied = hubsh.script("hub set orders --retention 7d")
        XCTAssertEqual(applied.stdout, "hub 'orders': retention 1d -> 7d\n")
    }

    /// Writes a schema requiring `id`, registers it as `shop/order` and returns nothing; the
    /// hubs are the caller's.
    private func registerOrderSchema() {
        let schema = (folder as NSString).appendingPathComponent("order.json")
        try? #"{"type":"object","required":["id"]}"#.write(
            toFile: schema, atomically: true, encoding: .utf8)
        let made = hubsh.script("""
            schema group create Shop --format json
            schema register Shop OrderEvent \(schema)
            """)
        XCTAssertEqual(made.status, 0, made.stderr)
    }

    func testRebindingTheSameSchemaInAnotherCaseIsUnchangedAndShownAsRegistered() {
        registerOrderSchema()
        hubsh.script("hub create Orders; hub set orders --schema Shop/OrderEvent")
        let again = hubsh.script("hub set orders --schema shop/orderevent")
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(
            again.stdout,
            "hub 'Orders' already validates events against 'Shop/OrderEvent'; invalid events are"
                + " refused; unchanged\n")
        let json = hubsh.script("hub set orders --schema SHOP/OrderEvent --json").jsonLines()
        XCTAssertEqual(json.first?["changed"] as? [String], [])
        let policy = hubsh.script("hub set orders --on-invalid deadletter --json").jsonLines()
        XCTAssertEqual(policy.first?["changed"] as? [String], ["schema"])
    }

    func testIfNotExistsNamesTheDeadLetterHubsHubSetFirstWhenItMustGrow() {
        registerOrderSchema()
        hubsh.script("""
            hub create invoicing --retention 7d
            hub set invoicing --schema shop/orderevent --on-invalid deadletter
            """)
        let create = hubsh.script(
            "hub create invoicing --retention 40d --max-event-size 2MiB --if-not-exists")
        XCTAssertEqual(create.status, 0, create.stderr)
        XCTAssertTrue(
            create.stderr.hasSuffix(
                "; change them with 'hub set invoicing.deadletter --max-event-size 2162688' and"
                    + " then 'hub set invoicing --retention 40d --max-event-size 2MiB'\n"),
            create.stderr)
        let applied = hubsh.script("""
            hub set invoicing.deadletter --max-event-size 2162688
            hub set invoicing --retention 40d --max-event-size 2MiB
            """)
        XCTAssertEqual(applied.status, 0, applied.stderr)
    }

    func testDeadLetteringNeedsRoomUnderTheEngineLimitForTheDeadLetterProperties() {
        registerOrderSchema()
        hubsh.script("hub create big --max-event-size 256MiB; hub create orders")
        let bind = hubsh.script("hub set big --schema shop/orderevent --on-invalid deadletter")
        XCTAssertEqual(bind.status, 1)
        XCTAssertEqual(bind.stderr.split(separator: "\n").count, 1, bind.stderr)
        XCTAssertTrue(
            bind.stderr.contains("'hub set big --max-event-size 268369920' (the most it can be)"),
            bind.stderr)
        XCTAssertEqual(hubsh.script("hub list").stdout.contains("big.deadletter"), false)

        hubsh.script("hub set orders --schema shop/orderevent --on-invalid deadletter")
        let raise = hubsh.script("hub set orders --max-event-size 256MiB")
        XCTAssertEqual(raise.status, 1)
        XCTAssertEqual(raise.stderr.split(separator: "\n").count, 1, raise.stderr)
        XCTAssertTrue(
            raise.stderr.hasPrefix(
                "error: hub 'orders' dead-letters invalid events, so its max event size can be"
                    + " at most 268369920 bytes"),
            raise.stderr)
        XCTAssertFalse(raise.stderr.contains("orders.deadletter"), raise.stderr)
    }

    func testThePartitionCountIsFixedAndABadPolicyIsNamedFirst() {
        hubsh.script("hub create orders")
        let partitions = hubsh.script("hub set orders --partitions 4")
        XCTAssertEqual(partitions.status, 2)
        XCTAssertEqual(partitions.stderr.split(separator: "\n").count, 1, partitions.stderr)
        XCTAssertTrue(
            partitions.stderr.contains("the partition count is fixed when a hub is created"),
            partitions.stderr)
        XCTAssertTrue(partitions.stderr.contains("create a new hub"), partitions.stderr)
        XCTAssertFalse(hubsh.script("help hub set").stdout.contains("--partitions"))

        let policy = hubsh.script("hub set orders --on-invalid bogus")
        XCTAssertEqual(policy.status, 2)
        XCTAssertTrue(
            policy.stderr.contains("--on-invalid is reject or deadletter, not 'bogus'"),
            policy.stderr)
    }

    func testRaisingRetentionPastTheDeadLetterHubsWarnsWithTheHubSetThatKeepsThemInStep() {
        registerOrderSchema()
        let made = hubsh.script("""
            hub create invoicing --retention 45d
            hub set invoicing --schema shop/orderevent --on-invalid deadletter
            """)
        XCTAssertEqual(made.status, 0, made.stderr)
        let created = hubsh.script("hub show invoicing.deadletter --json").jsonLines().first
        XCTAssertEqual(created?["retention"] as? String, "45d")

        hubsh.script(
            "hub set invoicing.deadletter --retention 30d; hub set invoicing --retention 20d")
        let raised = hubsh.script("hub set invoicing --retention 40d")
        XCTAssertEqual(raised.status, 0, raised.stderr)
        XCTAssertEqual(raised.stdout, "hub 'invoicing': retention 20d -> 40d\n")
        XCTAssertEqual(
            raised.stderr,
            "warning: hub 'invoicing' now keeps events 40d, longer than its dead-letter hub"
                + " 'invoicing.deadletter' (30d), so dead letters expire before the events they"
                + " stand for; keep them in step with 'hub set invoicing.deadletter --retention"
                + " 40d'\n")
        let within = hubsh.script("hub set invoicing --retention 25d")
        XCTAssertEqual(within.stderr, "")
    }
}
