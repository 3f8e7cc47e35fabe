import Foundation
import XCTest

/// Hubs with a bound schema, through the built binary: reject, dead-lettering, replay, Avro
/// encoding on publish and decoding on read.
final class SchemaEnforcementTests: XCTestCase {
    var hubsh = Hubsh()
    var folder = Hubsh.temporaryDirectory("enforcement")

    override func tearDown() {
        hubsh.cleanUp()
        try? FileManager.default.removeItem(atPath: folder)
    }

    @discardableResult
    func write(_ name: String, _ text: String) -> String {
        let path = (folder as NSString).appendingPathComponent(name)
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Hub `orders` bound to `shop/order` (an object with a string `id`) with `policy`.
    func bindOrders(_ policy: String) {
        let schema = write("order.json", """
            {"type":"object","properties":{"id":{"type":"string"}},"required":["id"]}
            """)
        let setUp = hubsh.script("""
            hub create orders --partitions 2 --if-not-exists
            schema group create shop --format json
            schema register shop order \(schema)
            hub set orders --schema shop/order --on-invalid \(policy)
            """)
        XCTAssertEqual(setUp.status, 0, setUp.stderr)
    }

    func testAnExistingDeadLetterHubThatDoesNotFitIsRefusedWhenBinding() {
        let schema = write("order.json", #"{"type":"object","required":["id"]}"#)
        hubsh.script("""
            hub create y --partitions 8
            hub create y.deadletter --partitions 2 --retention 1d
            schema group create shop --format json
            schema register shop order \(schema)
            """)
        let bind = hubsh.script("hub set y --schema shop/order --on-invalid deadletter")
        XCTAssertEqual(bind.status, 1)
        XCTAssertEqual(bind.stdout, "")
        XCTAssertEqual(
            bind.stderr,
            "error: hub 'y.deadletter' cannot be the dead-letter hub of 'y': it has 2 partitions,"
                + " not 8; keeps events 1d, not at least 30d; takes events of at most 1.0 MiB,"
                + " not at least 1114112 bytes (the largest event of 'y' with its deadletter.*"
                + " properties); delete it ('hub delete"
                + " y.deadletter') to have one made that fits, or create it with --partitions 8"
                + " --retention 30d --max-event-size 1114112\n")
        let shown = hubsh.script("hub show y --json").jsonLines().first
        XCTAssertTrue(shown?["schema"] is NSNull, "\(shown ?? [:])")
    }

    func testADeadLetterHubWithTheOriginsMaximumEventSizeIsRefusedWhenBinding() {
        let schema = write("order.json", #"{"type":"object","required":["id"]}"#)
        hubsh.script("""
            hub create k --partitions 2
            hub create k.deadletter --partitions 2 --retention 30d
            schema group create shop --format json
            schema register shop order \(schema)
            """)
        let bind = hubsh.script("hub set k --schema shop/order --on-invalid deadletter")
        XCTAssertEqual(bind.status, 1)
        XCTAssertTrue(
            bind.stderr.contains("takes events of at most 1.0 MiB, not at least 1114112 bytes"),
            bind.stderr)

        // The hub the advice describes takes the largest event 'k' takes, once dead-lettered.
        let made = hubsh.script("""
            hub delete k.deadletter
            hub create k.deadletter --partitions 2 --retention 30d --max-event-size 1114112
            hub set k --schema shop/order --on-invalid deadletter
            """)
        XCTAssertEqual(made.status, 0, made.stderr)
        let body = #"{"pad":""# + String(repeating: "x", count: 1_048_500 - 10) + #""}"#
        let file = write("large.json", body)
        let publish = hubsh.script("publish k --body-file \(file)")
        XCTAssertEqual(publish.status, 0, publish.stderr)
        XCTAssertEqual(eventCount("k.deadletter"), 1)
    }

    func testADeadLetterHubMadeSmallerAfterBindingRefusesThePublishNamingItself() {
        bindOrders("deadletter")
        hubsh.script("hub delete orders.deadletter; hub create Orders.DeadLetter --partitions 1"
            + " --retention 30d --max-event-size 1114112")
        let smaller = hubsh.script(#"publish orders '{"id":1}' --partition 1"#)
        XCTAssertEqual(smaller.status, 1)
        XCTAssertEqual(
            smaller.stderr,
            "error: invalid events of hub 'orders' cannot go to dead-letter hub"
                + " 'Orders.DeadLetter': it has 1 partition, not 2; the publish stopped before"
                + " appending these events (delete 'Orders.DeadLetter', then run 'hub set orders"
                + " --schema shop/order --on-invalid deadletter' to make one that fits)\n")
        XCTAssertFalse(smaller.stderr.contains("partition 1 does not exist"), smaller.stderr)

        hubsh.script("hub delete orders.deadletter")
        let gone = hubsh.script(#"publish orders '{"id":1}'"#)
        XCTAssertEqual(gone.status, 1)
        XCTAssertTrue(
            gone.stderr.contains("'orders.deadletter': it no longer exists;"), gone.stderr)
        XCTAssertEqual(eventCount("orders"), 0)
        // Valid events need no dead-letter hub.
        XCTAssertEqual(hubsh.script(#"publish orders '{"id":"o-1"}'"#).status, 0)
    }

    func testDeadLetterPathsShowHubNamesAsCreated() {
        let schema = write("order.json", #"{"type":"object","required":["id"]}"#)
        let setUp = hubsh.script("""
            hub create Orders
            hub create H
            hub create Q --partitions 2
            hub create q.deadletter --partitions 2 --retention 30d --max-event-size 1114112
            schema group create shop --format json
            schema register shop order \(schema)
            hub set h --schema shop/order --on-invalid deadletter
            """)
        XCTAssertEqual(setUp.status, 0, setUp.stderr)

        let none = hubsh.script("deadletter list orders")
        XCTAssertEqual(none.status, 1)
        XCTAssertTrue(
            none.stderr.hasPrefix("error: hub 'Orders' has no dead-letter hub 'Orders.deadletter'"),
            none.stderr)

        XCTAssertEqual(hubsh.script("publish h '{}'").status, 0)
        let listed = hubsh.script("deadletter list h")
        XCTAssertTrue(
            listed.stderr.contains("1 dead-lettered event of hub 'H', 1 pending"), listed.stderr)

        let bind = hubsh.script("hub set q --schema shop/order --on-invalid deadletter")
        XCTAssertEqual(bind.status, 0, bind.stderr)
        XCTAssertTrue(bind.stdout.contains("sent to 'q.deadletter'"), bind.stdout)
        let lettered = hubsh.script("publish q '{}'")
        XCTAssertTrue(
            lettered.stderr.contains("went to dead-letter hub 'q.deadletter'"), lettered.stderr)
        let smaller = hubsh.script("""
            hub delete q.deadletter
            hub create q.deadletter --partitions 1 --retention 30d --max-event-size 1114112
            publish q '{}'
            """)
        XCTAssertTrue(
            smaller.stderr.contains("cannot go to dead-letter hub 'q.deadletter'"), smaller.stderr)
        XCTAssertFalse(smaller.stderr.contains("Q.deadletter"), smaller.stderr)
    }

    func testAHubNameTooLongForItsDeadLetterHubIsRefusedInOneLine() {
        let long = String(repeating: "a", count: 250)
        let fits = String(repeating: "b", count: 245)
        let schema = write("order.json", #"{"type":"object","required":["id"]}"#)
        let setUp = hubsh.script("""
            hub create \(long)
            hub create \(fits)
            schema group create shop --format json
            schema register shop order \(schema)
            """)
        XCTAssertEqual(setUp.status, 0, setUp.stderr)
        let bind = hubsh.script("hub set \(long) --schema shop/order --on-invalid deadletter")
        XCTAssertEqual(bind.status, 1)
        XCTAssertEqual(
            bind.stderr,
            "error: hub '\(long)' cannot dead-letter: dead-lettering needs a hub name of at most"
                + " 245 characters (its dead-letter hub adds '.deadletter'), this one has 250;"
                + " use --on-invalid reject\n")
        let longest = hubsh.script("hub set \(fits) --schema shop/order --on-invalid deadletter")
        XCTAssertEqual(longest.status, 0, longest.stderr)
    }

    func testADeadLetterHubCannotHaveADeadLetterHubOfItsOwn() {
        bindOrders("deadletter")
        let bind = hubsh.script(
            "hub set Orders.DeadLetter --schema shop/order --on-invalid deadletter")
        XCTAssertEqual(bind.status, 1)
        XCTAssertEqual(
            bind.stderr,
            "error: hub 'orders.deadletter' is the dead-letter hub of 'orders' and cannot have a"
                + " dead-letter hub of its own; use --on-invalid reject\n")
        XCTAssertEqual(hubsh.script("hub show orders.deadletter.deadletter").status, 1)
        let reject = hubsh.script("hub set orders.deadletter --schema shop/order")
        XCTAssertEqual(reject.status, 0, reject.stderr)
    }

    func testOnInvalidAloneChangesThePolicyOfTheBoundSchema() {
        bindOrders("reject")
        let change = hubsh.script("hub set orders --on-invalid deadletter")
        XCTAssertEqual(change.status, 0, change.stderr)
        let schema = hubsh.script("hub show orders --json").jsonLines().first?["schema"]
        let binding = schema as? [String: Any]
        XCTAssertEqual(binding?["name"] as? String, "order")
        XCTAssertEqual(binding?["onInvalid"] as? String, "deadletter")
        XCTAssertEqual(hubsh.script("publish orders '{}'").status, 0)
        XCTAssertEqual(eventCount("orders.deadletter"), 1)

        hubsh.script("hub create u")
        let unbound = hubsh.script("hub set u --on-invalid reject")
        XCTAssertEqual(unbound.status, 2)
        XCTAssertTrue(
            unbound.stderr.contains(
                "hub 'u' has no schema bound; give --schema GROUP/NAME with --on-invalid"),
            unbound.stderr)
        XCTAssertEqual(unbound.stderr.split(separator: "\n").count, 1, unbound.stderr)
    }

    func testBindingTheSameSchemaAgainSaysNothingChanged() {
        bindOrders("reject")
        let again = hubsh.script("hub set orders --schema shop/order")
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(
            again.stdout,
            "hub 'orders' already validates events against 'shop/order'; invalid events are"
                + " refused; unchanged\n")
    }

    func eventCount(_ hub: String) -> Int {
        hubsh.script("read \(hub) --count 1000", ["--json"]).jsonLines().count
    }

    func testRejectAppendsNothingOfABatchWithOneInvalidEvent() {
        bindOrders("reject")
        let events = write("events.jsonl", """
            {"id":"o-1"}
            {"id":2}
            {"id":"o-3"}
            """)
        let result = hubsh.script("publish orders --file \(events)")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("event 2: /id"), result.stderr)
        XCTAssertTrue(result.stderr.contains("nothing was published"), result.stderr)
        XCTAssertEqual(eventCount("orders"), 0)
        XCTAssertEqual(hubsh.script("publish orders '{\"id\":\"o-1\"}'").status, 0)
        XCTAssertEqual(eventCount("orders"), 1)
    }

    func testRejectAppendsNothingWhenTheInvalidEventComesAfterManyValidOnes() {
        bindOrders("reject")
        let valid = (0..<12_000).map { #"{"id":"o-\#($0)"}"# }
        let events = write("many.jsonl", (valid + [#"{"id":0}"#]).joined(separator: "\n"))
        let result = hubsh.script("publish orders --no-sync --file \(events)")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("event 12001: /id"), result.stderr)
        XCTAssertEqual(eventCount("orders"), 0)
    }

    func testDeadletterSetsInvalidEventsAsideWithTheReasonAndPublishesValidOnes() {
        bindOrders("deadletter")
        let events = write("events.jsonl", """
            {"id":"o-1"}
            {"id":2}
            """)
        let result = hubsh.script("publish orders --key customer-7 --file \(events)")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(eventCount("orders"), 1)
        let letters = hubsh.script("read orders.deadletter", ["--json"]).jsonLines()
        XCTAssertEqual(letters.count, 1)
        XCTAssertEqual(letters.first?["body"] as? String, "{\"id\":2}")
        XCTAssertEqual(letters.first?["partitionKey"] as? String, "customer-7")
        let properties = letters.first?["properties"] as? [String: Any] ?? [:]
        XCTAssertEqual(properties["deadletter.reason"] as? String, "schema-validation-failed")
        XCTAssertEqual(properties["deadletter.originHub"] as? String, "orders")
        XCTAssertEqual(properties["deadletter.originKey"] as? String, "customer-7")
        XCTAssertEqual(properties["deadletter.schema"] as? String, "shop/order")
        XCTAssertEqual(properties["deadletter.schemaVersion"] as? Int, 1)
        XCTAssertEqual((properties["deadletter.schemaId"] as? String)?.count, 32)
        XCTAssertTrue(
            (properties["deadletter.errors"] as? String ?? "").hasPrefix("/id:"),
            "\(properties)")
    }

    func testPublishJSONHasOneLinePerInputEventInOrderWithDeadLettersSaidWhere() {
        bindOrders("deadletter")
        // The blank line makes the third event line 4, so `event` and `line` differ.
        let events = write("events.jsonl", """
            {"id":"o-1"}
            {"id":2}

            not json
            {"id":"o-2"}
            """)
        let result = hubsh.script("publish orders --file \(events) --partition 1", ["--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.jsonLines()
        XCTAssertEqual(lines.count, 4, result.stdout)
        guard lines.count == 4 else { return }

        // Stored events keep the fields they always had, and nothing more.
        for stored in [lines[0], lines[3]] {
            XCTAssertEqual(
                Set(stored.keys), ["partition", "sequenceNumber", "offset", "enqueuedTime"])
        }
        XCTAssertEqual(lines[0]["sequenceNumber"] as? Int, 0)
        XCTAssertEqual(lines[3]["sequenceNumber"] as? Int, 1)

        let letters = [lines[1], lines[2]]
        XCTAssertEqual(letters.map { $0["deadLettered"] as? Bool }, [true, true])
        XCTAssertEqual(letters.map { $0["event"] as? Int }, [2, 3])
        XCTAssertEqual(letters.map { $0["line"] as? Int }, [2, 4])
        XCTAssertEqual(letters.map { $0["hub"] as? String }, Array(repeating: "orders.deadletter",
                                                                   count: 2))
        XCTAssertEqual(letters.map { $0["partition"] as? String }, ["1", "1"])
        XCTAssertEqual(letters.map { $0["sequenceNumber"] as? Int }, [0, 1])
        let errors = letters.map { ($0["errors"] as? [[String: Any]])?.first }
        XCTAssertEqual(errors[0]?["instancePath"] as? String, "/id")
        XCTAssertEqual(errors[0]?["keyword"] as? String, "type")
        XCTAssertEqual(errors[1]?["keyword"] as? String, "json")

        // Each line says where the event is: the dead-letter hub holds what the lines say.
        let stored = hubsh.script(
            "read orders.deadletter --partition 1 --from seq:1 --count 1", ["--json"])
        XCTAssertEqual(stored.jsonLines().first?["body"] as? String, "not json")
    }

    func testPublishJSONCountsEventsOfARepeatedBodyWithoutALine() {
        bindOrders("deadletter")
        let result = hubsh.script(#"publish orders --count 2 '{"id":3}'"#, ["--json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.jsonLines()
        XCTAssertEqual(lines.map { $0["event"] as? Int }, [1, 2])
        XCTAssertTrue(lines.allSatisfy { $0["line"] == nil }, result.stdout)
        XCTAssertTrue(
            result.stderr.contains("2 invalid events went to dead-letter hub"), result.stderr)
    }

    func testHubShowReportsTheBindingAndNoSchemaRemovesIt() {
        bindOrders("reject")
        let shown = hubsh.script("hub show orders", ["--json"]).jsonLines().first
        let schema = shown?["schema"] as? [String: Any]
        XCTAssertEqual(schema?["group"] as? String, "shop")
        XCTAssertEqual(schema?["name"] as? String, "order")
        XCTAssertEqual(schema?["onInvalid"] as? String, "reject")
        XCTAssertEqual(hubsh.script("hub set orders --no-schema").status, 0)
        XCTAssertEqual(hubsh.script("publish orders '{\"id\":5}'").status, 0)
        let after = hubsh.script("hub show orders", ["--json"]).jsonLines().first
        XCTAssertTrue(after?["schema"] is NSNull)
    }

    func testAvroEventIsEncodedOnPublishAndDecodedOnRead() {
        let schema = write("reading.avsc", """
            {"type":"record","name":"Reading","fields":[{"name":"device","type":"string"},
             {"name":"celsius","type":"double"}]}
            """)
        let setUp = hubsh.script("""
            hub create readings --partitions 1
            schema group create iot --format avro
            schema register iot reading \(schema)
            hub set readings --schema iot/reading
            publish readings '{"device":"d-1","celsius":21.5}'
            """)
        XCTAssertEqual(setUp.status, 0, setUp.stderr)
        let id = hubsh.script("schema show iot reading", ["--json"]).jsonLines().first?["id"]
        let decoded = hubsh.script("read readings", ["--json"]).jsonLines().first
        XCTAssertEqual(decoded?["body"] as? String, "{\"device\":\"d-1\",\"celsius\":21.5}")
        XCTAssertEqual(decoded?["contentType"] as? String, "avro/binary+\(id as? String ?? "")")
        let raw = hubsh.script("read readings --raw", ["--json"]).jsonLines().first
        let bytes = Data(base64Encoded: raw?["bodyBase64"] as? String ?? "") ?? Data()
        // "d-1" as a zig-zag length 3 and its bytes, then 21.5 as a little-endian double.
        XCTAssertEqual([UInt8](bytes), [6, 0x64, 0x2D, 0x31, 0, 0, 0, 0, 0, 0x80, 0x35, 0x40])

        let invalid = hubsh.script("publish readings '{\"device\":\"d-1\"}'")
        XCTAssertEqual(invalid.status, 1)
        XCTAssertTrue(invalid.stderr.contains("celsius"), invalid.stderr)
    }

    func testReplayRepublishesDeadLettersThatPassTheNewSchemaOnlyOnce() {
        bindOrders("deadletter")
        XCTAssertEqual(hubsh.script("publish orders --partition 1 '{\"id\":2}'").status, 0)
        XCTAssertEqual(eventCount("orders"), 0)

        let early = hubsh.script("deadletter replay orders --all", ["--json"])
        XCTAssertEqual(early.status, 1)
        XCTAssertEqual(early.jsonLines().first?["replayed"] as? Bool, false)

        let relaxed = write("order-v2.json", """
            {"type":"object","properties":{"id":{"type":["string","integer"]}},"required":["id"]}
            """)
        XCTAssertEqual(hubsh.script("schema register shop order \(relaxed)").status, 0)
        let replay = hubsh.script("deadletter replay orders --all", ["--json"])
        XCTAssertEqual(replay.status, 0, replay.stderr)
        let line = replay.jsonLines().first
        XCTAssertEqual(line?["replayed"] as? Bool, true)
        XCTAssertEqual((line?["published"] as? [String: Any])?["partition"] as? String, "1")

        let events = hubsh.script("read orders", ["--json"]).jsonLines()
        XCTAssertEqual(events.count, 1)
        XCTAssertEqual(events.first?["body"] as? String, "{\"id\":2}")
        XCTAssertEqual((events.first?["properties"] as? [String: Any])?.count, 0)

        let again = hubsh.script("deadletter replay orders --all", ["--json"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(again.jsonLines().count, 0)
        XCTAssertEqual(eventCount("orders"), 1)
        let listed = hubsh.script("deadletter list orders", ["--json"]).jsonLines()
        XCTAssertEqual(listed.count, 1)
        XCTAssertEqual(listed.first?["replayed"] as? Bool, true)
        XCTAssertEqual(listed.first?["reason"] as? String, "schema-validation-failed")
    }

    func testReplayOfMoreThanTheHubsMaximumSizeGoesInBatchesThatFit() {
        bindOrders("deadletter")
        // Three invalid events of 500,000 bytes: 1.5 MB pending for a hub of 1 MiB.
        let padding = String(repeating: "x", count: 499_980)
        let lines = (1...3).map { #"{"id":\#($0),"pad":"\#(padding)"}"# }
        let file = write("large.jsonl", lines.joined(separator: "\n") + "\n")
        XCTAssertEqual(hubsh.script("publish orders --file \(file)").status, 0)

        let relaxed = write("order-v2.json", """
            {"type":"object","properties":{"id":{"type":["string","integer"]}},"required":["id"]}
            """)
        XCTAssertEqual(hubsh.script("schema register shop order \(relaxed)").status, 0)
        let replay = hubsh.script("deadletter replay orders --all", ["--json"])
        XCTAssertEqual(replay.status, 0, replay.stderr)
        XCTAssertEqual(replay.stderr, "")
        XCTAssertEqual(replay.jsonLines().filter { $0["replayed"] as? Bool == true }.count, 3)
        XCTAssertEqual(eventCount("orders"), 3)

        let again = hubsh.script("deadletter replay orders --all")
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(eventCount("orders"), 3)
        let pending = hubsh.script("deadletter list orders --pending", ["--json"])
        XCTAssertEqual(pending.jsonLines().count, 0, pending.stdout)
    }

    func testReplayLeavesEventsThatHubshDidNotDeadLetter() {
        bindOrders("deadletter")
        XCTAssertEqual(hubsh.script("publish orders.deadletter '{\"id\":\"forged\"}'").status, 0)
        let replay = hubsh.script("deadletter replay orders --all")
        XCTAssertEqual(replay.status, 0, replay.stderr)
        XCTAssertTrue(replay.stderr.contains("were not dead-lettered by hubsh"), replay.stderr)
        XCTAssertEqual(eventCount("orders"), 0)
    }

    func testReplayToAHubCreatedAgainWithFewerPartitionsStillRepublishes() {
        bindOrders("deadletter")
        XCTAssertEqual(hubsh.script("publish orders --partition 1 '{\"id\":2}'").status, 0)
        let schema = write("any.json", "{}")
        let recreate = hubsh.script("""
            hub delete orders
            hub create orders --partitions 1
            schema register shop any \(schema)
            hub set orders --schema shop/any
            deadletter replay orders --all
            """)
        XCTAssertEqual(recreate.status, 0, recreate.stderr)
        XCTAssertEqual(eventCount("orders"), 1)
    }

    func testHubValidateCountsStoredEventsThatFailTheSchema() {
        let setUp = hubsh.script("""
            hub create orders --partitions 1
            publish orders '{"id":"o-1"}'
            publish orders '{"id":2}'
            """)
        XCTAssertEqual(setUp.status, 0, setUp.stderr)
        bindOrders("reject")
        let result = hubsh.script("hub validate orders", ["--json"])
        XCTAssertEqual(result.status, 1)
        let lines = result.jsonLines()
        XCTAssertEqual(lines.first?["sequenceNumber"] as? Int, 1)
        XCTAssertEqual(lines.last?["checked"] as? Int, 2)
        XCTAssertEqual(lines.last?["invalid"] as? Int, 1)
    }
}
