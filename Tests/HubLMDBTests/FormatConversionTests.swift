import HubCore
import XCTest

@testable import HubLMDB

/// Opening a store written in storage format 1, where every partition shared one `events`
/// database. The fixtures are written here, record by record, in that format.
final class FormatConversionTests: LMDBTestCase {
    /// Notices collected from a log's options.
    final class Notices: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        var all: [String] { lock.withLock { lines } }

        func add(_ line: String) {
            lock.withLock { lines.append(line) }
        }
    }

    let enqueuedAt: Int64 = 1_700_000_000_000

    /// Writes a format-1 store: hub `orders` (id 1, 3 partitions) with `counts[p]` events in
    /// partition p, hub `other` (id 2, 1 partition) with 2 events. Returns the stored size of
    /// each event of `orders`, by partition.
    @discardableResult
    func writeFormat1Store(counts: [Int] = [5, 0, 3], extraKey: [UInt8]? = nil) throws
        -> [[Int]]
    {
        let log = try openLog()
        _ = try log.createHub(HubSpec(name: "orders", partitionCount: 3))
        _ = try log.createHub(HubSpec(name: "other", partitionCount: 1))
        let databases = log.environment.databases
        var sizes: [[Int]] = []
        try log.environment.write(durability: .durable) { txn in
            let legacy = try txn.openDatabase(named: Databases.legacyEventsName, create: true)
            let hubs = HubTable(txn: txn, dbi: databases.hubs)
            let partitions = PartitionTable(
                txn: txn, dbi: databases.partitions, events: EventTable(txn: txn))
            let fixtures = [("orders", counts), ("other", [2])]
            for (name, counts) in fixtures {
                let record = try hubs.require(name)
                for (partition, count) in counts.enumerated() {
                    var state = PartitionState.empty(partition)
                    var partitionSizes: [Int] = []
                    for sequenceNumber in 0..<count {
                        let event = EventData(text: "\(name)-\(partition)-\(sequenceNumber)")
                        let size = EventCodec.storedSize(of: event)
                        var value = [UInt8](repeating: 0, count: size)
                        value.withUnsafeMutableBytes {
                            EventCodec.encode(
                                event, offset: state.nextOffset,
                                enqueuedTime: enqueuedAt + Int64(sequenceNumber), into: $0)
                        }
                        let key = LegacyLayout.eventKey(
                            hubId: record.id, partition: partition,
                            sequenceNumber: Int64(sequenceNumber))
                        try txn.put(value, forKey: key, in: legacy)
                        state.nextSequenceNumber += 1
                        state.nextOffset += Int64(size)
                        state.bytes += Int64(size)
                        state.lastEnqueuedTime = enqueuedAt + Int64(sequenceNumber)
                        partitionSizes.append(size)
                    }
                    try partitions.store(record, state)
                    if name == "orders" { sizes.append(partitionSizes) }
                }
            }
            if let extraKey { try txn.put([0], forKey: extraKey, in: legacy) }
            let version = [UInt8](encodedSize: 4) { $0.write(LegacyLayout.formatVersion) }
            try txn.put(version, forKey: Databases.formatKey, in: databases.meta)
        }
        log.close()
        return sizes
    }

    func openLog(notices: Notices, readOnly: Bool = false) throws -> LMDBEventLog {
        try openLog(
            LMDBEventLog.Options(
                readOnly: readOnly, autoPurgeInterval: nil, notice: { notices.add($0) }))
    }

    func storedFormat(_ log: LMDBEventLog) throws -> UInt32 {
        let meta = log.environment.databases.meta
        return try log.environment.read { txn in
            let stored = try txn.value(forKey: Databases.formatKey, in: meta)
            var reader = RawReader(try XCTUnwrap(stored))
            return try reader.readUInt32()
        }
    }

    func testFormat1StoreIsConvertedOnOpenWithOneNotice() throws {
        let sizes = try writeFormat1Store()
        let notices = Notices()
        let log = try openLog(notices: notices)

        XCTAssertEqual(notices.all, [
            "data directory '\(dataDirectory)': converted the store from storage format 1 to 2"
                + " (one database per partition): 10 events in 3 partitions",
        ])
        XCTAssertEqual(try storedFormat(log), 2)
        let events = try log.read(hub: "orders", partition: 0, from: .earliest, maxCount: 9)
        XCTAssertEqual(bodies(events), (0..<5).map { "orders-0-\($0)" })
        XCTAssertEqual(events.map(\.offset), [0] + sizes[0].dropLast().reduce(into: [Int64]()) {
            $0.append(($0.last ?? 0) + Int64($1))
        })
        XCTAssertEqual(events.map(\.enqueuedTime), (0..<5).map { enqueuedAt + Int64($0) })
        XCTAssertEqual(
            bodies(try log.read(hub: "other", partition: 0, from: .earliest, maxCount: 9)),
            ["other-0-0", "other-0-1"])
        XCTAssertEqual(
            try log.partitionStates(hub: "orders").map(\.nextSequenceNumber), [5, 0, 3])
        XCTAssertEqual(
            try log.partitionStates(hub: "orders")[2].bytes, Int64(sizes[2].reduce(0, +)))
    }

    func testConvertedPartitionsContinueTheirNumbers() throws {
        let sizes = try writeFormat1Store()
        let log = try openLog(notices: Notices())
        let landed = try log.append(
            hub: "orders", batch: [text("a", partition: 0), text("b", partition: 1)],
            durability: .durable)

        XCTAssertEqual(landed.map(\.sequenceNumber), [5, 0])
        XCTAssertEqual(landed[0].offset, Int64(sizes[0].reduce(0, +)))
        XCTAssertEqual(landed[1].offset, 0)
        XCTAssertGreaterThanOrEqual(landed[0].enqueuedTime, enqueuedAt + 4)
    }

    func testConvertedStoreOpensAgainWithoutNotice() throws {
        try writeFormat1Store()
        try openLog(notices: Notices()).close()
        let notices = Notices()
        let log = try openLog(notices: notices)
        XCTAssertEqual(notices.all, [])
        XCTAssertEqual(
            bodies(try log.read(hub: "orders", partition: 2, from: .earliest, maxCount: 9)),
            ["orders-2-0", "orders-2-1", "orders-2-2"])
    }

    func testConversionRemovesTheSharedEventsDatabase() throws {
        try writeFormat1Store()
        let log = try openLog(notices: Notices())
        let main = log.environment.databases.main
        let names = try log.environment.read { txn in
            var names: [String] = []
            try txn.forEach(prefix: Array("events".utf8), in: main) { key, _ in
                names.append(String(decoding: key, as: UTF8.self))
            }
            return names
        }
        XCTAssertEqual(names, ["events.1.0", "events.1.2", "events.2.0"])
    }

    func testFormat1StoreOpenedReadOnlyIsRefusedWithWhatToDo() throws {
        try writeFormat1Store()
        assertThrows(
            .storage(
                "this data directory is in storage format 1, which hubsh converts to format 2"
                    + " in place; open it once with write access to convert it"),
            try openLog(notices: Notices(), readOnly: true))
    }

    func testFailedConversionLeavesTheStoreInFormat1() throws {
        try writeFormat1Store(extraKey: [9, 9, 9])
        let notices = Notices()
        XCTAssertThrowsError(try openLog(notices: notices)) { error in
            guard case .corrupt(_, let detail) = error as? HubError else {
                return XCTFail("expected corrupt, got \(error)")
            }
            XCTAssertEqual(detail, "an event key of 3 bytes is malformed")
        }
        XCTAssertEqual(notices.all, [])

        // The store is untouched: still format 1, its events where they were.
        assertThrows(
            .storage(
                "this data directory is in storage format 1, which hubsh converts to format 2"
                    + " in place; open it once with write access to convert it"),
            try openLog(notices: Notices(), readOnly: true))
    }
}
