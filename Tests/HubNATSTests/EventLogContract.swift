import Foundation
import HubCore
import XCTest

/// Behaviour every engine behind `EventLog` must show, checked the same way on each.
///
/// An engine's test class makes one contract with a factory for logs on one fresh store
/// (each call opens another log on the same store, as a second process would) and calls
/// each check from a test method of its own.
struct EventLogContract {
    /// Opens a log on the test's store whose clock is `clock`.
    let open: (ManualClock) throws -> EventLog & SchemaRegistry
    let clock = ManualClock()

    struct Refused: Error {}

    func log() throws -> EventLog & SchemaRegistry { try open(clock) }

    // MARK: - Hubs

    func hubsAreCreatedListedShownAndDeleted() throws {
        let log = try log()
        let created = try log.createHub(
            HubSpec(name: "orders", partitionCount: 3, retentionMillis: 3_600_000,
                    maxEventSize: 2048))
        XCTAssertEqual(created.createdAt, clock.now())
        _ = try log.createHub(HubSpec(name: "billing.v2", partitionCount: 1))
        XCTAssertEqual(try log.hubs().map(\.name), ["billing.v2", "orders"])
        XCTAssertEqual(try log.hub(named: "orders"), created)
        assertThrows(.hubExists("orders"), try log.createHub(HubSpec(name: "orders")))
        assertThrows(
            .nameTakenInOtherCase(kind: "hub", name: "ORDERS", existing: "orders"),
            try log.createHub(HubSpec(name: "ORDERS")))
        XCTAssertEqual(try log.hub(named: "Orders"), created)

        try log.deleteHub(named: "orders")
        XCTAssertEqual(try log.hubs().map(\.name), ["billing.v2"])
        assertThrows(.hubNotFound("orders"), try log.hub(named: "orders"))
        assertThrows(.hubNotFound("orders"), try log.deleteHub(named: "orders"))
        assertThrows(
            .hubNotFound("orders"),
            try log.append(hub: "orders", batch: [text("x", 0)], durability: .durable))
    }

    func aHubCreatedAgainUnderItsNameStartsEmpty() throws {
        let log = try log()
        _ = try log.createHub(HubSpec(name: "orders", partitionCount: 2))
        _ = try log.append(hub: "orders", batch: [text("old", 0)], durability: .durable)
        _ = try log.createConsumerGroup(hub: "orders", name: "billing")
        let tailer = try Tailer(log: log, hub: "orders", starts: [0: .earliest])
        XCTAssertEqual(try tailer.poll().count, 1)

        try log.deleteHub(named: "orders")
        clock.advance(by: 1000)
        _ = try log.createHub(HubSpec(name: "orders", partitionCount: 2))
        XCTAssertEqual(try log.read(hub: "orders", partition: 0, from: .earliest, maxCount: 9)
            .count, 0)
        XCTAssertEqual(try log.partitionStates(hub: "orders").map(\.nextSequenceNumber), [0, 0])
        XCTAssertEqual(try log.consumerGroups(hub: "orders").map(\.name), ["$default"])
        let landed = try log.append(hub: "orders", batch: [text("new", 0)], durability: .durable)
        XCTAssertEqual(landed.map(\.sequenceNumber), [0])

        Thread.sleep(forTimeInterval: 0.6)
        XCTAssertThrowsError(try tailer.poll()) {
            XCTAssertEqual($0 as? HubError, .hubReplaced("orders"))
        }
    }

    func namesAreFoundInAnyCaseUnderTheSpellingTheyWereCreatedWith() throws {
        let log = try log()
        _ = try log.createHub(HubSpec(name: "Orders", partitionCount: 2))
        XCTAssertEqual(try log.hub(named: "orders").name, "Orders")
        let landed = try log.append(hub: "ORDERS", batch: [text("a", 1)], durability: .durable)
        XCTAssertEqual(landed.map(\.sequenceNumber), [0])
        XCTAssertEqual(
            try log.read(hub: "orders", partition: 1, from: .earliest, maxCount: 9).count, 1)
        XCTAssertEqual(try log.partitionStates(hub: "oRdErS").map(\.eventCount), [0, 1])

        let group = try log.createConsumerGroup(hub: "orders", name: "Billing")
        XCTAssertEqual(group.hub, "Orders")
        try log.checkGroup(hub: "orders", group: "billing")
        var mark = checkpoint("BILLING", partition: 1, seq: 0)
        mark.hub = "ORDERS"
        try log.setCheckpoints([mark])
        let stored = try log.checkpoints(hub: "orders", group: "billing")
        XCTAssertEqual(stored.map(\.hub), ["Orders"])
        XCTAssertEqual(stored.map(\.group), ["Billing"])
        XCTAssertEqual(try log.checkpoints(hub: "orders", group: nil).map(\.group), ["Billing"])
        try log.clearCheckpoints(hub: "ORDERS", group: "billing")
        XCTAssertEqual(try log.checkpoints(hub: "orders", group: nil), [])
        assertThrows(
            .defaultGroupIsPermanent(hub: "Orders"),
            try log.deleteConsumerGroup(hub: "orders", name: "$DEFAULT"))

        try log.deleteConsumerGroup(hub: "ORDERS", name: "billing")
        XCTAssertEqual(try log.consumerGroups(hub: "orders").map(\.name), ["$default"])
        try log.deleteHub(named: "orders")
        XCTAssertEqual(try log.hubs(), [])
        assertThrows(.hubNotFound("Orders"), try log.hub(named: "Orders"))
    }

    func aHubsRetentionAndMaxEventSizeChangeAndNothingElse() throws {
        let log = try log()
        _ = try log.createSchemaGroup(SchemaGroup(name: "shop", format: .json))
        _ = try log.registerSchema(
            group: "shop", name: "order", definition: "{}", canonicalForm: "{}", check: { _ in })
        let binding = SchemaBinding(group: "shop", name: "order", onInvalid: .reject)
        _ = try log.createHub(
            HubSpec(name: "Orders", partitionCount: 3, retentionMillis: 86_400_000,
                    maxEventSize: 2048))
        var expected = try log.setSchemaBinding(hub: "Orders", binding)

        let longer = try log.updateHub(
            named: "orders", retentionMillis: 7 * 86_400_000, maxEventSize: nil)
        expected.retentionMillis = 7 * 86_400_000
        XCTAssertEqual(longer, expected)
        let larger = try log.updateHub(named: "ORDERS", retentionMillis: nil, maxEventSize: 4096)
        expected.maxEventSize = 4096
        XCTAssertEqual(larger, expected)
        XCTAssertEqual(try log.hub(named: "orders"), expected)
        XCTAssertEqual(try self.log().hub(named: "orders"), expected)
        XCTAssertEqual(
            try log.updateHub(named: "orders", retentionMillis: 7 * 86_400_000, maxEventSize: 4096),
            expected)

        let body = [UInt8](repeating: 1, count: 3000)
        let event = RoutedEvent(partition: 2, data: EventData(body: body))
        _ = try log.append(hub: "orders", batch: [event], durability: .durable)
        _ = try log.updateHub(named: "orders", retentionMillis: nil, maxEventSize: 2048)
        assertThrows(
            .eventTooLarge(index: 0, size: 3000, max: 2048, hub: "Orders"),
            try log.append(hub: "orders", batch: [event], durability: .durable))
        XCTAssertEqual(try log.partitionStates(hub: "orders").map(\.eventCount), [0, 0, 1])
    }

    func hubSettingsOutOfRangeOrOfNoHubAreRefusedAndChangeNothing() throws {
        let log = try log()
        let created = try log.createHub(HubSpec(name: "orders", partitionCount: 2))
        assertThrows(
            .invalidRetention("30s"),
            try log.updateHub(named: "orders", retentionMillis: 30_000, maxEventSize: 1024))
        assertThrows(
            .invalidMaxEventSize("0"),
            try log.updateHub(named: "orders", retentionMillis: 3_600_000, maxEventSize: 0))
        assertThrows(
            .invalidMaxEventSize(String(HubSpec.maxEventSizeLimit + 1)),
            try log.updateHub(
                named: "orders", retentionMillis: nil, maxEventSize: HubSpec.maxEventSizeLimit + 1))
        assertThrows(
            .hubNotFound("nope"),
            try log.updateHub(named: "nope", retentionMillis: 3_600_000, maxEventSize: nil))
        XCTAssertEqual(try log.hub(named: "orders"), created)
    }

    // MARK: - Consumer groups

    func consumerGroupsAreCreatedListedAndDeletedWithTheirCheckpoints() throws {
        let log = try log()
        _ = try log.createHub(HubSpec(name: "orders", partitionCount: 2))
        _ = try log.append(hub: "orders", batch: [text("a", 0)], durability: .durable)
        let group = try log.createConsumerGroup(hub: "orders", name: "billing")
        XCTAssertEqual(group.createdAt, clock.now())
        _ = try log.createConsumerGroup(hub: "orders", name: "audit.v1")
        XCTAssertEqual(
            try log.consumerGroups(hub: "orders").map(\.name), ["$default", "audit.v1", "billing"])
        assertThrows(
            .groupExists(hub: "orders", group: "billing"),
            try log.createConsumerGroup(hub: "orders", name: "billing"))
        assertThrows(
            .nameTakenInOtherCase(kind: "consumer group", name: "Billing", existing: "billing"),
            try log.createConsumerGroup(hub: "orders", name: "Billing"))
        assertThrows(
            .defaultGroupIsPermanent(hub: "orders"),
            try log.deleteConsumerGroup(hub: "orders", name: "$default"))
        assertThrows(
            .groupNotFound(hub: "orders", group: "nope"),
            try log.deleteConsumerGroup(hub: "orders", name: "nope"))

        try log.setCheckpoints([checkpoint("billing", partition: 0, seq: 0)])
        try log.deleteConsumerGroup(hub: "orders", name: "billing")
        XCTAssertEqual(try log.consumerGroups(hub: "orders").map(\.name), ["$default", "audit.v1"])
        _ = try log.createConsumerGroup(hub: "orders", name: "billing")
        XCTAssertEqual(try log.checkpoints(hub: "orders", group: "billing"), [])
    }

    // MARK: - Appending

    func sequenceNumbersAreContiguousFromZeroPerPartitionInBatchOrder() throws {
        let log = try log()
        _ = try log.createHub(HubSpec(name: "orders", partitionCount: 3))
        let single = try log.append(hub: "orders", batch: [text("one", 1)], durability: .durable)
        XCTAssertEqual(single.map(\.sequenceNumber), [0])
        XCTAssertEqual(single[0].enqueuedTime, clock.now())

        let batch = (0..<30).map { text("e\($0)", $0 % 3) }
        let landed = try log.append(hub: "orders", batch: batch, durability: .noSync)
        XCTAssertEqual(landed.map(\.partition), (0..<30).map { $0 % 3 })
        for partition in 0..<3 {
            let numbers = landed.filter { $0.partition == partition }.map(\.sequenceNumber)
            let first: Int64 = partition == 1 ? 1 : 0
            XCTAssertEqual(numbers, Array(first..<first + 10))
            let read = try log.read(
                hub: "orders", partition: partition, from: .earliest, maxCount: 100)
            XCTAssertEqual(read.map(\.sequenceNumber), Array(0..<first + 10))
            XCTAssertEqual(Array(read.suffix(10).map(\.metadata)),
                           landed.filter { $0.partition == partition })
        }
        XCTAssertEqual(try log.append(hub: "orders", batch: [], durability: .durable), [])
        assertThrows(
            .partitionNotFound(hub: "orders", partition: 3, partitionCount: 3),
            try log.append(hub: "orders", batch: [text("x", 3)], durability: .durable))
    }

    func oversizeEventsAndBatchesPublishNothing() throws {
        let log = try log()
        _ = try log.createHub(HubSpec(name: "orders", partitionCount: 2, maxEventSize: 100))
        let big = RoutedEvent(partition: 1, data: EventData(body: Array(repeating: 7, count: 101)))
        assertThrows(
            .eventTooLarge(index: 1, size: 101, max: 100, hub: "orders"),
            try log.append(hub: "orders", batch: [text("fits", 0), big], durability: .durable))
        let forty = RoutedEvent(partition: 0, data: EventData(body: Array(repeating: 1, count: 40)))
        assertThrows(
            .batchTooLarge(size: 120, max: 100, hub: "orders"),
            try log.append(hub: "orders", batch: [forty, forty, forty], durability: .durable))
        XCTAssertEqual(try log.partitionStates(hub: "orders").map(\.nextSequenceNumber), [0, 0])
    }

    func keysContentTypesAndPropertiesRoundTripExactly() throws {
        let log = try log()
        _ = try log.createHub(HubSpec(name: "orders", partitionCount: 1))
        let events = [
            EventData(
                body: [0, 255, 13, 10], partitionKey: "line\nbreak\r%20&=é\u{1}",
                properties: [
                    ("text", .string("a=b&c%d\r\n ")), ("n", .int(-9_007_199_254_740_993)),
                    ("x", .double(0.1)), ("tiny", .double(-5e-324)), ("ok", .bool(true)),
                    ("no", .bool(false)), ("", .string("")), ("ümlaut key", .string("✓")),
                ],
                contentType: "application/json; charset=utf-8"),
            EventData(body: [], partitionKey: "", properties: [], contentType: ""),
            EventData(body: Array("plain".utf8)),
        ]
        _ = try log.append(
            hub: "orders", batch: events.map { RoutedEvent(partition: 0, data: $0) },
            durability: .durable)
        let read = try log.read(hub: "orders", partition: 0, from: .earliest, maxCount: 10)
        XCTAssertEqual(read.map(\.data), events)
        var scanned: [EventData] = []
        _ = try log.scan(hub: "orders", partition: 0, from: .earliest, maxCount: 10) {
            scanned.append($0.copy().data)
            return true
        }
        XCTAssertEqual(scanned, events)
    }

    // MARK: - Reading

    func everyPositionKindStartsWhereItSays() throws {
        let log = try log()
        _ = try log.createHub(HubSpec(name: "orders", partitionCount: 1))
        var landed: [EventMetadata] = []
        for index in 0..<10 {
            landed += try log.append(
                hub: "orders", batch: [text("e\(index)", 0)], durability: .durable)
            clock.advance(by: 1000)
        }
        func first(_ position: EventPosition, _ count: Int = 100) throws -> [Int64] {
            try log.read(hub: "orders", partition: 0, from: position, maxCount: count)
                .map(\.sequenceNumber)
        }
        XCTAssertEqual(try first(.earliest), Array(0..<10))
        XCTAssertEqual(try first(.earliest, 3), [0, 1, 2])
        XCTAssertEqual(try first(.latest), [])
        XCTAssertEqual(try first(.sequenceNumber(4, inclusive: true)), Array(4..<10))
        XCTAssertEqual(try first(.sequenceNumber(4, inclusive: false)), Array(5..<10))
        XCTAssertEqual(try first(.sequenceNumber(10, inclusive: true)), [])
        XCTAssertEqual(try first(.offset(landed[6].offset, inclusive: true)), Array(6..<10))
        XCTAssertEqual(try first(.offset(landed[6].offset, inclusive: false)), Array(7..<10))
        XCTAssertEqual(try first(.enqueuedTime(landed[3].enqueuedTime)), Array(3..<10))
        XCTAssertEqual(try first(.enqueuedTime(landed[3].enqueuedTime - 1)), Array(3..<10))
        XCTAssertEqual(try first(.enqueuedTime(landed[9].enqueuedTime + 1)), [])
        XCTAssertEqual(try first(.enqueuedTime(0)), Array(0..<10))
        XCTAssertEqual(try first(.last(3)), [7, 8, 9])
        XCTAssertEqual(try first(.last(50)), Array(0..<10))
        XCTAssertEqual(try first(.last(0)), [])
        assertThrows(
            .sequenceNumberAhead(hub: "orders", partition: 0, sequenceNumber: 11, last: 9),
            try first(.sequenceNumber(11, inclusive: true)))
        assertThrows(
            .partitionNotFound(hub: "orders", partition: 1, partitionCount: 1),
            try log.read(hub: "orders", partition: 1, from: .earliest, maxCount: 1))
        // Reading on from where the last read ended continues without a gap.
        var seen: [Int64] = []
        var position = EventPosition.earliest
        while true {
            let chunk = try log.read(hub: "orders", partition: 0, from: position, maxCount: 4)
            guard let last = chunk.last else { break }
            seen += chunk.map(\.sequenceNumber)
            position = .sequenceNumber(last.sequenceNumber, inclusive: false)
        }
        XCTAssertEqual(seen, Array(0..<10))
    }

    func partitionStatesCountWhatWasPublished() throws {
        let log = try log()
        _ = try log.createHub(HubSpec(name: "orders", partitionCount: 3))
        XCTAssertEqual(try log.partitionStates(hub: "orders"), (0..<3).map(PartitionState.empty))
        _ = try log.append(
            hub: "orders", batch: [text("a", 0), text("b", 0), text("c", 2)],
            durability: .durable)
        let states = try log.partitionStates(hub: "orders")
        XCTAssertEqual(states.map(\.nextSequenceNumber), [2, 0, 1])
        XCTAssertEqual(states.map(\.firstSequenceNumber), [0, 0, 0])
        XCTAssertEqual(states.map(\.lastEnqueuedTime), [clock.now(), nil, clock.now()])
        XCTAssertTrue(states[0].bytes > 0)
        XCTAssertEqual(states[1].bytes, 0)
    }

    // MARK: - Checkpoints

    func checkpointsAreSetReplacedAndCleared() throws {
        let log = try log()
        _ = try log.createHub(HubSpec(name: "orders", partitionCount: 3))
        let batch = (0..<9).map { text("e\($0)", $0 % 3) }
        _ = try log.append(hub: "orders", batch: batch, durability: .durable)
        _ = try log.createConsumerGroup(hub: "orders", name: "billing")

        try log.setCheckpoints([
            checkpoint("billing", partition: 1, seq: 2),
            checkpoint("billing", partition: 0, seq: 1),
            checkpoint("$default", partition: 2, seq: 0),
        ])
        XCTAssertEqual(
            try log.checkpoints(hub: "orders", group: "billing").map(\.partition), [0, 1])
        XCTAssertEqual(try log.checkpoints(hub: "orders", group: nil).map(\.group),
                       ["$default", "billing", "billing"])
        try log.setCheckpoints([checkpoint("billing", partition: 0, seq: 2)])
        XCTAssertEqual(
            try log.checkpoints(hub: "orders", group: "billing").map(\.sequenceNumber), [2, 2])

        try log.replaceCheckpoints(
            hub: "orders", group: "billing", partitions: [1],
            with: [checkpoint("billing", partition: 2, seq: 1)])
        XCTAssertEqual(
            try log.checkpoints(hub: "orders", group: "billing").map(\.partition), [0, 2])
        try log.clearCheckpoints(hub: "orders", group: "billing")
        XCTAssertEqual(try log.checkpoints(hub: "orders", group: "billing"), [])
        XCTAssertEqual(try log.checkpoints(hub: "orders", group: nil).count, 1)

        assertThrows(
            .sequenceNumberAhead(hub: "orders", partition: 0, sequenceNumber: 3, last: 2),
            try log.setCheckpoints([checkpoint("billing", partition: 0, seq: 3)]))
        assertThrows(
            .groupNotFound(hub: "orders", group: "nope"),
            try log.setCheckpoints([checkpoint("nope", partition: 0, seq: 0)]))
        assertThrows(
            .groupNotFound(hub: "orders", group: "nope"),
            try log.checkpoints(hub: "orders", group: "nope"))
        XCTAssertEqual(try log.checkpoints(hub: "orders", group: "billing"), [])
    }

    // MARK: - Retention

    func purgeRemovesWhatRetentionExpiredAsOfNow() throws {
        let log = try log()
        _ = try log.createHub(
            HubSpec(name: "orders", partitionCount: 2, retentionMillis: 60_000))
        let start = clock.now()
        _ = try log.append(hub: "orders", batch: [text("a", 0), text("b", 0), text("c", 1)],
                           durability: .durable)
        clock.advance(by: 30_000)
        _ = try log.append(hub: "orders", batch: [text("d", 0)], durability: .durable)

        XCTAssertEqual(try log.purge(hub: "orders", now: start + 60_000).total, 0)
        let result = try log.purge(hub: "orders", now: start + 60_001)
        XCTAssertEqual(result.purged, [0: 2, 1: 1])
        let states = try log.partitionStates(hub: "orders")
        XCTAssertEqual(states.map(\.firstSequenceNumber), [2, 1])
        XCTAssertEqual(states.map(\.nextSequenceNumber), [3, 1])
        XCTAssertEqual(
            try log.read(hub: "orders", partition: 0, from: .earliest, maxCount: 9)
                .map(\.sequenceNumber), [2])
        let next = try log.append(hub: "orders", batch: [text("e", 1)], durability: .durable)
        XCTAssertEqual(next.map(\.sequenceNumber), [1])
        XCTAssertEqual(try log.purge(hub: "orders", now: start + 60_001).total, 0)
    }

    func aShorterRetentionExpiresEventsAlreadyKept() throws {
        let log = try log()
        _ = try log.createHub(
            HubSpec(name: "orders", partitionCount: 1, retentionMillis: 3_600_000))
        _ = try log.append(hub: "orders", batch: [text("a", 0), text("b", 0)], durability: .durable)
        clock.advance(by: 600_000)
        _ = try log.append(hub: "orders", batch: [text("c", 0)], durability: .durable)
        XCTAssertEqual(try log.purge(hub: "orders", now: clock.now()).total, 0)

        _ = try log.updateHub(named: "orders", retentionMillis: 300_000, maxEventSize: nil)
        XCTAssertEqual(try log.purge(hub: "orders", now: clock.now()).purged, [0: 2])
        XCTAssertEqual(
            try log.read(hub: "orders", partition: 0, from: .earliest, maxCount: 9)
                .map(\.sequenceNumber), [2])
    }

    // MARK: - Schema registry

    func schemasAreRegisteredVersionedAndBound() throws {
        let log = try log()
        let group = try log.createSchemaGroup(
            SchemaGroup(name: "shop.orders", format: .json, compatibility: .backward))
        XCTAssertEqual(try log.schemaGroup(named: "shop.orders"), group)
        XCTAssertThrowsError(try log.createSchemaGroup(SchemaGroup(name: "shop.orders",
                                                                   format: .avro))) {
            XCTAssertEqual($0 as? RegistryError, .groupExists("shop.orders"))
        }
        let first = try log.registerSchema(
            group: "shop.orders", name: "order", definition: "{}", canonicalForm: "{}",
            check: { XCTAssertEqual($0, []) })
        XCTAssertTrue(first.created)
        XCTAssertEqual(first.version.version, 1)
        let again = try log.registerSchema(
            group: "shop.orders", name: "order", definition: "{ }", canonicalForm: "{}",
            check: { _ in XCTFail("no check for a known schema") })
        XCTAssertEqual(again.version, first.version)
        XCTAssertFalse(again.created)
        XCTAssertThrowsError(try log.registerSchema(
            group: "shop.orders", name: "order", definition: "1", canonicalForm: "1",
            check: { _ in throw Refused() }))
        let second = try log.registerSchema(
            group: "shop.orders", name: "order", definition: "2", canonicalForm: "2",
            check: { XCTAssertEqual($0, [first.version]) })
        XCTAssertEqual(second.version.version, 2)
        XCTAssertEqual(try log.schemaVersions(group: "shop.orders", name: "order"),
                       [first.version, second.version])
        XCTAssertEqual(try log.latestSchemas(group: nil), [second.version])
        XCTAssertEqual(try log.schema(id: first.version.id), first.version)
        XCTAssertThrowsError(try log.schema(id: "0123")) {
            XCTAssertEqual($0 as? RegistryError, .schemaIdNotFound("0123"))
        }
        XCTAssertThrowsError(try log.schemaVersions(group: "shop.orders", name: "nope")) {
            XCTAssertEqual($0 as? RegistryError,
                           .schemaNotFound(group: "shop.orders", name: "nope"))
        }

        _ = try log.createHub(HubSpec(name: "orders", partitionCount: 1))
        let binding = SchemaBinding(group: "shop.orders", name: "order", onInvalid: .deadletter)
        XCTAssertEqual(try log.setSchemaBinding(hub: "orders", binding).schema, binding)
        XCTAssertEqual(try log.schemaBinding(hub: "orders"), binding)
        XCTAssertEqual(try log.hub(named: "orders").schema, binding)
        XCTAssertThrowsError(try log.setSchemaBinding(
            hub: "orders", SchemaBinding(group: "shop.orders", name: "nope")))
        XCTAssertNil(try log.setSchemaBinding(hub: "orders", nil).schema)
        XCTAssertNil(try log.schemaBinding(hub: "orders"))
    }

    /// Two logs (two processes) register the next version of one schema at the same moment:
    /// both land, as versions 1 and 2, and the second one's check saw the first.
    func concurrentRegistrationsGetDistinctVersions() throws {
        let setup = try log()
        _ = try setup.createSchemaGroup(SchemaGroup(name: "orders", format: .json))
        let logs = [try log(), try log()]
        let results = Locked<[(Int, [Int])]>([])
        let failures = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            do {
                var seen: [Int] = []
                let outcome = try logs[index].registerSchema(
                    group: "orders", name: "order", definition: "d\(index)",
                    canonicalForm: "c\(index)", check: { seen = $0.map(\.version) })
                results.update { $0.append((outcome.version.version, seen)) }
            } catch {
                failures.update { $0.append(String(describing: error)) }
            }
        }
        XCTAssertEqual(failures.value, [])
        let versions = results.value.map(\.0).sorted()
        XCTAssertEqual(versions, [1, 2])
        let second = results.value.first { $0.0 == 2 }
        XCTAssertEqual(second?.1, [1])
        XCTAssertEqual(try setup.schemaVersions(group: "orders", name: "order").count, 2)
    }

    /// Schema group and schema names are found in any case and keep the spelling they were
    /// created with; a group that differs only in case from another is refused.
    func schemaNamesAreFoundInAnyCaseUnderTheSpellingTheyWereCreatedWith() throws {
        let log = try log()
        let group = try log.createSchemaGroup(SchemaGroup(name: "Shop.Orders", format: .json))
        XCTAssertEqual(try log.schemaGroup(named: "shop.ORDERS"), group)
        XCTAssertThrowsError(try log.createSchemaGroup(
            SchemaGroup(name: "shop.orders", format: .json))
        ) {
            XCTAssertEqual($0 as? HubError, .nameTakenInOtherCase(
                kind: "schema group", name: "shop.orders", existing: "Shop.Orders"))
        }
        XCTAssertThrowsError(try log.createSchemaGroup(
            SchemaGroup(name: "Shop.Orders", format: .json))
        ) {
            XCTAssertEqual($0 as? RegistryError, .groupExists("Shop.Orders"))
        }
        XCTAssertEqual(try log.schemaGroups().map(\.name), ["Shop.Orders"])

        let first = try log.registerSchema(
            group: "shop.orders", name: "OrderEvent", definition: "1", canonicalForm: "1",
            check: { _ in })
        XCTAssertEqual(first.version.qualifiedName, "Shop.Orders/OrderEvent")
        let second = try log.registerSchema(
            group: "SHOP.ORDERS", name: "orderevent", definition: "2", canonicalForm: "2",
            check: { XCTAssertEqual($0, [first.version]) })
        XCTAssertEqual(second.version.qualifiedName, "Shop.Orders/OrderEvent")
        XCTAssertEqual(second.version.version, 2)
        XCTAssertEqual(try log.schemaVersions(group: "shop.orders", name: "ORDEREVENT"),
                       [first.version, second.version])
        XCTAssertEqual(try log.latestSchemas(group: "shop.orders"), [second.version])
        XCTAssertEqual(try log.schemaVersion(group: "SHOP.orders", name: "orderEvent", version: 1),
                       first.version)

        _ = try log.createHub(HubSpec(name: "orders", partitionCount: 1))
        let bound = try log.setSchemaBinding(
            hub: "orders", SchemaBinding(group: "shop.orders", name: "orderevent")).schema
        XCTAssertEqual(bound, SchemaBinding(group: "Shop.Orders", name: "OrderEvent"))
        XCTAssertEqual(try log.schemaBinding(hub: "orders"), bound)
    }

    /// Two logs (two processes) create groups that differ only in case at the same moment:
    /// one is created, the other is refused as a clash.
    func concurrentSchemaGroupsDifferingInCaseClash() throws {
        let logs = [try log(), try log()]
        let names = ["Payments", "payments"]
        let errors = Locked<[Error]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            do {
                _ = try logs[index].createSchemaGroup(
                    SchemaGroup(name: names[index], format: .json))
            } catch {
                errors.update { $0.append(error) }
            }
        }
        let groups = try logs[0].schemaGroups()
        XCTAssertEqual(groups.count, 1)
        XCTAssertEqual(errors.value.count, 1)
        guard let created = groups.first?.name, let error = errors.value.first else { return }
        let refused = names.first { $0 != created }!
        XCTAssertEqual(error as? HubError, .nameTakenInOtherCase(
            kind: "schema group", name: refused, existing: created))
    }

    // MARK: - Helpers

    func text(_ body: String, _ partition: Int) -> RoutedEvent {
        RoutedEvent(partition: partition, data: EventData(text: body))
    }

    func checkpoint(_ group: String, partition: Int, seq: Int64) -> Checkpoint {
        Checkpoint(
            hub: "orders", group: group, partition: partition, sequenceNumber: seq, offset: seq,
            updatedAt: clock.now(), owner: "test")
    }

    func assertThrows<T>(
        _ expected: HubError, _ expression: @autoclosure () throws -> T,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertThrowsError(try expression(), file: file, line: line) { error in
            XCTAssertEqual(error as? HubError, expected, file: file, line: line)
        }
    }
}

/// A clock that moves only when a test moves it.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var millis: Int64

    init(_ millis: Int64 = 1_800_000_000_000) {
        self.millis = millis
    }

    func now() -> Int64 { lock.withLock { millis } }

    func advance(by delta: Int64) { lock.withLock { millis += delta } }
}

/// A value shared by threads of a test.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value { lock.withLock { stored } }

    func update(_ body: (inout Value) -> Void) { lock.withLock { body(&stored) } }
}
