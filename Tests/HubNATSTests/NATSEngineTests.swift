import CNATS
import Foundation
import HubCore
import XCTest

@testable import HubNATS

/// What only the NATS engine has: concurrent publishers across processes, connection
/// failures, the server's limits, and the wake-ups of tails.
final class NATSEngineTests: NATSTestCase {
    func testTwoLogsPublishingToOnePartitionGetContiguousSequenceNumbers() throws {
        let logs = [try openLog(), try openLog()]
        _ = try logs[0].createHub(HubSpec(name: "orders", partitionCount: 1))
        let reported = Locked<[EventMetadata]>([])
        let failures = Locked<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { writer in
            for round in 0..<40 {
                let size = round % 3 == 0 ? 1 : 25
                let batch = (0..<size).map {
                    RoutedEvent(partition: 0, data: EventData(text: "w\(writer)-r\(round)-\($0)"))
                }
                do {
                    let landed = try logs[writer].append(
                        hub: "orders", batch: batch, durability: .noSync)
                    // A batch lands in order, even with the other writer busy.
                    let numbers = landed.map(\.sequenceNumber)
                    if numbers != numbers.sorted() || Set(numbers).count != size {
                        failures.update { $0.append("batch out of order: \(numbers)") }
                    }
                    reported.update { $0 += landed }
                } catch {
                    failures.update { $0.append(String(describing: error)) }
                }
            }
        }
        XCTAssertEqual(failures.value, [])
        let total = reported.value.count
        XCTAssertEqual(reported.value.map(\.sequenceNumber).sorted(), Array(0..<Int64(total)))
        let read = try logs[1].read(hub: "orders", partition: 0, from: .earliest, maxCount: 5000)
        XCTAssertEqual(read.map(\.sequenceNumber), Array(0..<Int64(total)))
        let times = read.map(\.enqueuedTime)
        XCTAssertEqual(times, times.sorted(), "enqueued times went back")
        XCTAssertEqual(Set(read.map(\.metadata)), Set(reported.value))
    }

    /// A log that last saw the partition empty publishes after another log filled it: its
    /// first message expects the stream empty, is refused, and the log re-reads the end, so
    /// its events land after the others with times that do not go back.
    func testAPublisherThatSawThePartitionEmptyLandsAfterAnotherOne() throws {
        let ahead = try openLog(NATSEventLog.Options(clock: { 2_000_000_000_000 }))
        let behind = try openLog(NATSEventLog.Options(clock: { 1_000_000_000_000 }))
        _ = try ahead.createHub(HubSpec(name: "race", partitionCount: 1))
        let hub = try behind.requireHub("race")
        let stream = behind.stream(hub, 0)
        XCTAssertEqual(try behind.knownTip(stream, hub, 0).sequence, 0)

        let events = { (prefix: String, count: Int) in
            (0..<count).map { RoutedEvent(partition: 0, data: .init(text: "\(prefix)\($0)")) }
        }
        let first = try ahead.append(hub: "race", batch: events("a", 3), durability: .noSync)
        XCTAssertEqual(first.map(\.sequenceNumber), [0, 1, 2])
        let second = try behind.append(hub: "race", batch: events("b", 2), durability: .noSync)
        XCTAssertEqual(second.map(\.sequenceNumber), [3, 4])
        let read = try ahead.read(hub: "race", partition: 0, from: .earliest, maxCount: 10)
        XCTAssertEqual(
            read.map { String(decoding: $0.data.body, as: UTF8.self) },
            ["a0", "a1", "a2", "b0", "b1"])
        let times = read.map(\.enqueuedTime)
        XCTAssertEqual(times, times.sorted(), "enqueued times went back")
    }

    /// A consumer that vanished under a tail (a failover removed it) answers nothing; the log
    /// drops it instead of asking it again at every poll, and the next read goes on.
    func testAReadGoesOnWhenItsConsumerWasRemoved() throws {
        let log = try openLog()
        _ = try log.createHub(HubSpec(name: "gone", partitionCount: 1))
        let events = { (first: Int) in
            (first..<first + 10).map { RoutedEvent(partition: 0, data: .init(text: "e\($0)")) }
        }
        _ = try log.append(hub: "gone", batch: events(0), durability: .noSync)
        let first = try log.read(hub: "gone", partition: 0, from: .earliest, maxCount: 10)
        XCTAssertEqual(first.count, 10)

        let hub = try log.requireHub("gone")
        let stream = log.stream(hub, 0)
        var names: UnsafeMutablePointer<jsConsumerNamesList>?
        XCTAssertEqual(js_ConsumerNames(&names, log.jetStream.handle, stream, nil, nil), NATS_OK)
        defer { jsConsumerNamesList_Destroy(names) }
        let count = Int(names?.pointee.Count ?? 0)
        XCTAssertGreaterThan(count, 0, "the read left no consumer to remove")
        for index in 0..<count {
            guard let name = names?.pointee.List[index] else { continue }
            XCTAssertEqual(js_DeleteConsumer(log.jetStream.handle, stream, name, nil, nil), NATS_OK)
        }

        _ = try log.append(hub: "gone", batch: events(10), durability: .noSync)
        var next: [ReceivedEvent] = []
        for _ in 0..<3 where next.isEmpty {
            next = try log.read(
                hub: "gone", partition: 0, from: .sequenceNumber(10, inclusive: true),
                maxCount: 10)
        }
        XCTAssertEqual(next.map(\.sequenceNumber), Array(10..<20))
    }

    func testARefusedConnectionIsOneClearLine() throws {
        let port = try TestServer.freePort()
        XCTAssertThrowsError(try NATSEventLog.open(address: "nats://127.0.0.1:\(port)")) {
            let text = String(describing: $0)
            XCTAssertEqual(
                $0 as? HubError,
                .engineUnavailable(
                    address: "nats://127.0.0.1:\(port)", detail: "no server answered"))
            XCTAssertFalse(text.contains("\n"))
            XCTAssertTrue(text.contains("is it running?"), text)
        }
    }

    func testBadAddressesAreRefusedInOneLineBeforeConnecting() {
        for text in ["nats://127.0.0.1:99999", "nats://127.0.0.1:4222/a.b", "nats://a@b:1"] {
            XCTAssertThrowsError(try NATSEventLog.open(address: text), text) {
                let message = ($0 as? EngineTargetError)?.description ?? "\($0)"
                XCTAssertTrue(message.contains(text), message)
                XCTAssertFalse(message.contains("\n"), message)
            }
        }
    }

    func testAMaximumEventSizeOverMaxPayloadIsRefusedNamingIt() throws {
        let log = try openLog()
        XCTAssertEqual(log.maxPayload, 8 * 1_048_576)
        XCTAssertThrowsError(try log.createHub(HubSpec(name: "big", maxEventSize: 8 * 1_048_576))) {
            let text = String(describing: $0)
            XCTAssertTrue(text.contains("max_payload"), text)
            XCTAssertTrue(text.contains("--max-event-size \(8 * 1_048_576 - 4096)"), text)
        }
        XCTAssertThrowsError(try log.hub(named: "big"))
        let hub = try log.createHub(HubSpec(name: "big", maxEventSize: 8 * 1_048_576 - 4096))
        let body = [UInt8](repeating: 42, count: hub.maxEventSize)
        let landed = try log.append(
            hub: "big", batch: [RoutedEvent(partition: 0, data: EventData(body: body))],
            durability: .durable)
        let read = try log.read(hub: "big", partition: 0, from: .earliest, maxCount: 1)
        XCTAssertEqual(read.map(\.metadata), landed)
        XCTAssertEqual(read.first?.data.body, body)
    }

    func testAHubChangeCutShortAfterTheStreamsIsFinishedByAskingAgain() throws {
        let log = try openLog()
        _ = try log.createHub(
            HubSpec(name: "orders", partitionCount: 2, retentionMillis: 86_400_000))
        let week: Int64 = 7 * 86_400_000
        // One stream changed, the record not: what a change cut short between the two leaves.
        var record = try log.requireHub("orders")
        record.properties.retentionMillis = week
        try log.jetStream.updateStream(log.streamConfig(record, 0))
        XCTAssertEqual(try log.hub(named: "orders").retentionMillis, 86_400_000)

        let hub = try log.updateHub(named: "ORDERS", retentionMillis: week, maxEventSize: nil)
        XCTAssertEqual(hub.retentionMillis, week)
        XCTAssertEqual(try openLog().hub(named: "orders").retentionMillis, week)
        for partition in 0..<2 {
            XCTAssertEqual(
                try log.jetStream.streamMaxAge(log.stream(record, partition)), week * 1_000_000)
        }
    }

    func testAMaximumEventSizeChangedPastMaxPayloadIsRefusedNamingIt() throws {
        let log = try openLog()
        let created = try log.createHub(HubSpec(name: "orders", partitionCount: 1))
        XCTAssertThrowsError(
            try log.updateHub(named: "orders", retentionMillis: nil, maxEventSize: 8 * 1_048_576)
        ) {
            let text = String(describing: $0)
            XCTAssertTrue(text.contains("max_payload"), text)
            XCTAssertTrue(text.contains("--max-event-size \(8 * 1_048_576 - 4096)"), text)
        }
        XCTAssertEqual(try log.hub(named: "orders"), created)
    }

    func testMoreReplicasThanTheClusterHasIsOneLineAndLeavesNoHub() throws {
        let log = try openLog()
        XCTAssertThrowsError(try log.createHub(HubSpec(name: "orders", replicas: 3))) {
            let text = String(describing: $0)
            XCTAssertTrue(text.contains("asks for 3 replicas"), text)
            XCTAssertFalse(text.contains("\n"))
        }
        XCTAssertEqual(try log.hubs(), [])
        _ = try log.createHub(HubSpec(name: "orders", replicas: 1))
    }

    func testATailerInAnotherLogIsWokenByAnAppend() throws {
        let publisher = try openLog()
        let follower = try openLog()
        _ = try publisher.createHub(HubSpec(name: "orders", partitionCount: 1))
        let seen = follower.appendCount
        // The first wait starts the subscription; it may time out before anything happens.
        _ = follower.waitForAppend(after: seen, timeoutNanos: 50_000_000)
        let before = follower.appendCount
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.1) {
            _ = try? publisher.append(
                hub: "orders", batch: [RoutedEvent(partition: 0, data: EventData(text: "x"))],
                durability: .durable)
        }
        let after = follower.waitForAppend(after: before, timeoutNanos: 5_000_000_000)
        XCTAssertGreaterThan(after, before)
        XCTAssertEqual(publisher.waitForAppend(after: 0, timeoutNanos: 5_000_000_000), 1)
    }

    func testReadsContinueAcrossManyChunksThroughOneConsumer() throws {
        let log = try openLog()
        _ = try log.createHub(HubSpec(name: "orders", partitionCount: 1))
        for round in 0..<5 {
            let batch = (0..<200).map {
                RoutedEvent(partition: 0, data: EventData(text: "r\(round)-\($0)"))
            }
            _ = try log.append(hub: "orders", batch: batch, durability: .noSync)
        }
        var total = 0
        let visited = try log.scan(hub: "orders", partition: 0, from: .earliest, maxCount: 2000) {
            total += $0.body.count
            return true
        }
        XCTAssertEqual(visited, 1000)
        XCTAssertGreaterThan(total, 0)
        let tail = try log.read(hub: "orders", partition: 0, from: .last(5), maxCount: 10)
        XCTAssertEqual(tail.map(\.sequenceNumber), Array(995..<1000))
    }
}

/// A server killed in the middle of a publish: every event reported as published is there
/// afterwards, and numbers stay contiguous.
final class NATSFailureTests: NATSTestCase {
    func testEveryEventReportedAsPublishedSurvivesAServerCrash() throws {
        let server = try requireServer()
        let log = try openLog(NATSEventLog.Options(ackTimeoutMillis: 300, resendWindowMillis: 1000))
        _ = try log.createHub(HubSpec(name: "orders", partitionCount: 2))
        let reported = Locked<[EventMetadata]>([])
        let errors = Locked<[String]>([])
        let stop = Locked(false)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            var round = 0
            while !stop.value {
                let batch = (0..<50).map {
                    RoutedEvent(partition: $0 % 2, data: EventData(text: "r\(round)-\($0)"))
                }
                do {
                    let landed = try log.append(hub: "orders", batch: batch, durability: .noSync)
                    reported.update { $0 += landed }
                } catch HubError.partiallyAppended(let landed, _, let reason) {
                    reported.update { $0 += landed }
                    errors.update { $0.append(reason) }
                } catch {
                    errors.update { $0.append(String(describing: error)) }
                }
                round += 1
            }
            done.signal()
        }
        Thread.sleep(forTimeInterval: 0.3)
        // Down longer than the publisher resends, so that some publishes fail.
        server.kill()
        Thread.sleep(forTimeInterval: 3)
        try server.restart()
        Thread.sleep(forTimeInterval: 3)
        stop.update { $0 = true }
        XCTAssertEqual(done.wait(timeout: .now() + 60), .success)

        XCTAssertFalse(errors.value.isEmpty, "the crash went unnoticed")
        for error in errors.value { XCTAssertFalse(error.contains("\n"), error) }
        let reader = try openLog()
        for partition in 0..<2 {
            let read = try reader.read(
                hub: "orders", partition: partition, from: .earliest, maxCount: 1_000_000)
            XCTAssertEqual(read.map(\.sequenceNumber), Array(0..<Int64(read.count)))
            let stored = Set(read.map(\.metadata))
            let claimed = reported.value.filter { $0.partition == partition }
            XCTAssertTrue(claimed.allSatisfy(stored.contains),
                          "\(claimed.filter { !stored.contains($0) }.count) reported events lost")
        }
    }

    /// The same log, kept open through an outage longer than any retry, works again once the
    /// server is back: the connection reconnects without end. With 20 ms between attempts the
    /// outage spans about 75 of them, far past libnats' default limit of 60.
    func testALogLeftOpenThroughAnOutageWorksWhenTheServerIsBack() throws {
        let server = try requireServer()
        var options = NATSEventLog.Options()
        options.readRetryMillis = 500
        options.reconnectWaitMillis = 20
        let log = try openLog(options)
        _ = try log.createHub(HubSpec(name: "steady", partitionCount: 1))
        server.kill()
        XCTAssertThrowsError(try log.hubs()) {
            XCTAssertFalse("\($0)".contains("\n"), "\($0)")
        }
        Thread.sleep(forTimeInterval: 1.5)
        try server.restart()
        var listed: [HubProperties]?
        for _ in 0..<40 where listed == nil {
            listed = try? log.hubs()
            if listed == nil { Thread.sleep(forTimeInterval: 0.25) }
        }
        XCTAssertEqual(listed?.map(\.name), ["steady"], "the log did not come back")
        let landed = try log.append(
            hub: "steady", batch: [RoutedEvent(partition: 0, data: EventData(text: "x"))],
            durability: .durable)
        XCTAssertEqual(landed.map(\.sequenceNumber), [0])
    }

    /// An interrupt ends the retries of a read at once instead of after `readRetryMillis`.
    func testAnInterruptStopsRetryingAtTheNextPause() throws {
        let server = try requireServer()
        let asked = Locked(0)
        var options = NATSEventLog.Options()
        options.readRetryMillis = 600_000
        options.isInterrupted = {
            asked.update { $0 += 1 }
            return true
        }
        let log = try openLog(options)
        _ = try log.createHub(HubSpec(name: "stopped", partitionCount: 1))
        server.kill()
        defer { try? server.restart() }
        XCTAssertThrowsError(try log.partitionStates(hub: "stopped"))
        XCTAssertGreaterThan(asked.value, 0, "the retry loop never asked about an interrupt")
    }
}

final class NATSNamingLimitTests: NATSTestCase {
    func testAHubNameTooLongForAStreamNameIsRefusedWithTheLimit() throws {
        let log = try openLog()
        let name = String(repeating: "a", count: 256)
        XCTAssertThrowsError(try log.createHub(HubSpec(name: name, partitionCount: 2))) {
            let message = "\($0)"
            XCTAssertTrue(message.contains("a hub name has at most"), message)
            XCTAssertFalse(message.contains(".c:"), message)
        }
        XCTAssertEqual(try log.hubs().count, 0)
    }

    func testLibnatsSourcePositionsAreLeftOutOfMessages() {
        XCTAssertEqual(
            NATSError.withoutSourcePosition("(jsm.c:1033): stream name is too long"),
            "stream name is too long")
        XCTAssertEqual(
            NATSError.withoutSourcePosition("(not a position): x"), "(not a position): x")
    }
}
