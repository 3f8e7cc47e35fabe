import Foundation
import HubCore
import XCTest

@testable import HubLMDB

final class EnvironmentTests: LMDBTestCase {
    func testOpenCreatesTheDirectoryWithLMDBFiles() throws {
        let nested = scratch + "/a/b/c"
        let log = try openLog(directory: nested)
        XCTAssertTrue(FileManager.default.fileExists(atPath: nested + "/data.mdb"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: nested + "/lock.mdb"))
        XCTAssertEqual(log.namespace, "c")
        XCTAssertFalse(log.isReadOnly)
    }

    func testNamespaceComesFromOptionsWhenGiven() throws {
        let log = try openLog(LMDBEventLog.Options(namespace: "dev"))
        XCTAssertEqual(log.namespace, "dev")
    }

    func testReopenAfterCloseSeesEverything() throws {
        let first = try openLog(withHub: HubSpec(name: "orders", partitionCount: 2))
        _ = try first.createConsumerGroup(hub: "orders", name: "billing")
        try publish(first, hub: "orders", partition: 1, count: 5, durability: .durable)
        try publish(first, hub: "orders", partition: 0, count: 3, durability: .noSync)
        try first.setCheckpoints([
            Checkpoint(hub: "orders", group: "billing", partition: 1, sequenceNumber: 2,
                       offset: 0, updatedAt: 7, owner: "me"),
        ])
        let states = try first.partitionStates(hub: "orders")
        first.close()
        assertThrows(.storage("the event log of '\(dataDirectory)' is closed"),
                     try first.hubs())

        let second = try openLog()
        XCTAssertFalse(second.environment === first.environment)
        XCTAssertEqual(try second.hubs().map(\.name), ["orders"])
        XCTAssertEqual(try second.partitionStates(hub: "orders"), states)
        XCTAssertEqual(try second.consumerGroups(hub: "orders").map(\.name),
                       ["$default", "billing"])
        XCTAssertEqual(try second.checkpoints(hub: "orders", group: nil).map(\.sequenceNumber),
                       [2])
        XCTAssertEqual(
            bodies(try second.read(hub: "orders", partition: 1, from: .earliest, maxCount: 9)),
            (0..<5).map { "event-\($0)" })
        // Hub ids are not reused across opens either.
        try second.deleteHub(named: "orders")
        _ = try second.createHub(HubSpec(name: "orders", partitionCount: 2))
        XCTAssertEqual(try second.partitionStates(hub: "orders")[1], .empty(1))
    }

    func testTwoOpensOfOneDirectoryShareTheEnvironment() throws {
        let first = try openLog()
        try FileManager.default.createSymbolicLink(atPath: scratch + "/link",
                                                   withDestinationPath: dataDirectory)
        let second = try openLog(directory: scratch + "/link")
        XCTAssertTrue(first.environment === second.environment)
        XCTAssertEqual(first.namespace, "data")
        XCTAssertEqual(second.namespace, "link")

        _ = try first.createHub(HubSpec(name: "orders", partitionCount: 1))
        try publish(second, hub: "orders", partition: 0, count: 2)
        XCTAssertEqual(try first.read(hub: "orders", partition: 0, from: .earliest, maxCount: 9)
            .count, 2)

        // Closing one keeps the shared environment open for the other.
        first.close()
        XCTAssertEqual(try second.hubs().map(\.name), ["orders"])
    }

    func testMapGrowsUnderATinyMapAndEveryBatchLandsWhole() throws {
        let log = try openLog(LMDBEventLog.Options(mapSize: 1_048_576, autoPurgeInterval: nil))
        XCTAssertEqual(log.environment.mapSize, 1_048_576)
        _ = try log.createHub(HubSpec(name: "bulk", partitionCount: 3))

        // 22 batches of 16 events of 60 000 bytes: about 21 MB in a map that starts at 1 MiB.
        var expected: [Int: [[UInt8]]] = [:]
        for batchIndex in 0..<22 {
            var batch: [RoutedEvent] = []
            for eventIndex in 0..<16 {
                let partition = (batchIndex + eventIndex) % 3
                let fill = UInt8(truncatingIfNeeded: batchIndex * 16 + eventIndex)
                let body = [UInt8](repeating: fill, count: 60_000)
                batch.append(RoutedEvent(partition: partition, data: EventData(body: body)))
                expected[partition, default: []].append(body)
            }
            _ = try log.append(hub: "bulk", batch: batch, durability: .noSync)
        }

        XCTAssertGreaterThanOrEqual(log.environment.mapSize, 16 * 1_048_576)
        for partition in 0..<3 {
            let read = try log.read(hub: "bulk", partition: partition, from: .earliest,
                                    maxCount: 1000)
            XCTAssertEqual(read.map(\.data.body), expected[partition])
        }
    }

    func testOneBatchLargerThanTheWholeMapStillLands() throws {
        let log = try openLog(LMDBEventLog.Options(mapSize: 1_048_576, autoPurgeInterval: nil))
        _ = try log.createHub(
            HubSpec(name: "bulk", partitionCount: 1, maxEventSize: 8 * 1_048_576))
        let body = [UInt8](repeating: 0xAB, count: 1_048_576)
        let batch = (0..<5).map { _ in RoutedEvent(partition: 0, data: EventData(body: body)) }
        let landed = try log.append(hub: "bulk", batch: batch, durability: .durable)
        XCTAssertEqual(landed.map(\.sequenceNumber), [0, 1, 2, 3, 4])
        XCTAssertEqual(
            try log.read(hub: "bulk", partition: 0, from: .earliest, maxCount: 9).count, 5)
    }

    func testMapSizeVariableOverridesTheOption() throws {
        setenv(LMDBEventLog.Options.mapSizeVariable, "2097152", 1)
        defer { unsetenv(LMDBEventLog.Options.mapSizeVariable) }
        let log = try openLog(LMDBEventLog.Options(mapSize: 64 * 1_048_576))
        XCTAssertEqual(log.environment.mapSize, 2_097_152)
    }

    func testMapSizeIsRoundedAndValidated() throws {
        typealias Options = LMDBEventLog.Options
        XCTAssertEqual(try Options.mapSize(configured: 1000, variable: nil), 65_536)
        XCTAssertEqual(try Options.mapSize(configured: 100_000, variable: nil), 131_072)
        XCTAssertEqual(try Options.mapSize(configured: 1, variable: "1048576"), 1_048_576)
        XCTAssertThrowsError(try Options.mapSize(configured: 1, variable: "1MiB")) {
            XCTAssertEqual(
                ($0 as? HubError)?.description,
                "HUBSH_MAP_SIZE must be a number of bytes, such as 1048576; it is '1MiB'")
        }
    }

    func testMapGrownByAnotherHandleIsAdopted() throws {
        // A second environment handle on the same files stands in for another process; the
        // registry is bypassed on purpose.
        let log = try openLog(LMDBEventLog.Options(mapSize: 1_048_576, autoPurgeInterval: nil))
        _ = try log.createHub(HubSpec(name: "bulk", partitionCount: 1))
        let otherEnvironment = try Environment.open(
            directory: log.environment.directory, mapSize: 1_048_576, readOnly: false)
        let other = LMDBEventLog(
            directory: dataDirectory, environment: otherEnvironment,
            options: LMDBEventLog.Options(autoPurgeInterval: nil))
        let body = [UInt8](repeating: 1, count: 500_000)
        for _ in 0..<8 {
            let batch = [RoutedEvent(partition: 0, data: EventData(body: body))]
            _ = try other.append(hub: "bulk", batch: batch, durability: .noSync)
        }
        XCTAssertGreaterThan(otherEnvironment.mapSize, 2 * 1_048_576)

        let read = try log.read(hub: "bulk", partition: 0, from: .earliest, maxCount: 99)
        XCTAssertEqual(read.count, 8)
        XCTAssertGreaterThan(log.environment.mapSize, 2 * 1_048_576)
        try publish(log, hub: "bulk", partition: 0, count: 1)
        otherEnvironment.close()
    }

    func testConcurrentAppendsFromEightThreadsGiveContiguousSequenceNumbers() throws {
        let log = try openLog(withHub: HubSpec(name: "orders", partitionCount: 2))
        let threads = 8
        let batches = 25
        let failures = FailureList()
        let group = DispatchGroup()
        for thread in 0..<threads {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                do {
                    for batch in 0..<batches {
                        let events = (0..<4).map {
                            text("t\(thread)-b\(batch)-e\($0)", partition: $0 % 2)
                        }
                        let durability: Durability = batch % 2 == 0 ? .noSync : .durable
                        _ = try log.append(hub: "orders", batch: events, durability: durability)
                        _ = try log.read(hub: "orders", partition: 0, from: .last(5), maxCount: 5)
                    }
                } catch {
                    failures.add("thread \(thread): \(error)")
                }
            }
        }
        group.wait()
        XCTAssertEqual(failures.all, [])

        let perPartition = threads * batches * 2
        for partition in 0..<2 {
            let read = try log.read(hub: "orders", partition: partition, from: .earliest,
                                    maxCount: 10_000)
            XCTAssertEqual(read.map(\.sequenceNumber), (0..<Int64(perPartition)).map { $0 })
            XCTAssertEqual(Set(bodies(read)).count, perPartition)
            // Each thread's events keep their order within the partition.
            for thread in 0..<threads {
                let mine = bodies(read).filter { $0.hasPrefix("t\(thread)-") }
                let order = mine.map { Int($0.split(separator: "-")[1].dropFirst()) ?? -1 }
                XCTAssertEqual(order, order.sorted())
            }
        }
    }

    func testNoSyncWritesLeaveTheEnvironmentSynchronous() throws {
        let log = try openLog(withHub: HubSpec(name: "orders", partitionCount: 1))
        try publish(log, hub: "orders", partition: 0, count: 2, durability: .noSync)
        XCTAssertFalse(log.environment.isSyncDeferred)

        // A no-sync publish that fails its checks clears the flag too.
        XCTAssertThrowsError(try publish(log, hub: "orders", partition: 4, count: 1))
        XCTAssertFalse(log.environment.isSyncDeferred)
        try publish(log, hub: "orders", partition: 0, count: 1, durability: .durable)
        XCTAssertEqual(try log.partitionStates(hub: "orders")[0].nextSequenceNumber, 3)
    }

    func testReadersKeepReadingWhileTheMapGrows() throws {
        let log = try openLog(LMDBEventLog.Options(mapSize: 1_048_576, autoPurgeInterval: nil))
        _ = try log.createHub(HubSpec(name: "bulk", partitionCount: 1))
        try publish(log, hub: "bulk", partition: 0, count: 1)
        let failures = FailureList()
        let done = DoneFlag()
        let group = DispatchGroup()
        for reader in 0..<3 {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                do {
                    while !done.isSet {
                        let events = try log.read(
                            hub: "bulk", partition: 0, from: .last(3), maxCount: 3)
                        if events.isEmpty { failures.add("reader \(reader) read nothing") }
                    }
                } catch {
                    failures.add("reader \(reader): \(error)")
                }
            }
        }
        let body = [UInt8](repeating: 9, count: 200_000)
        for _ in 0..<40 {
            let batch = (0..<4).map { _ in RoutedEvent(partition: 0, data: EventData(body: body)) }
            _ = try log.append(hub: "bulk", batch: batch, durability: .noSync)
        }
        done.set()
        group.wait()

        XCTAssertEqual(failures.all, [])
        XCTAssertGreaterThanOrEqual(log.environment.mapSize, 32 * 1_048_576)
        XCTAssertEqual(try log.partitionStates(hub: "bulk")[0].nextSequenceNumber, 161)
    }

    func testCorruptDataFileThrowsCorrupt() throws {
        try FileManager.default.createDirectory(
            atPath: dataDirectory, withIntermediateDirectories: true)
        let garbage = Data((0..<65_536).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try garbage.write(to: URL(fileURLWithPath: dataDirectory + "/data.mdb"))

        XCTAssertThrowsError(try openLog()) { error in
            guard case .corrupt(let path, let detail) = error as? HubError else {
                return XCTFail("expected corrupt, got \(error)")
            }
            XCTAssertEqual(path, self.dataDirectory)
            XCTAssertTrue(detail.contains("MDB_INVALID"), detail)
        }
    }

    func testDataFileCutShortThrowsCorruptNamingTheSizes() throws {
        let log = try openLog(withHub: HubSpec(name: "orders", partitionCount: 2))
        for partition in 0..<2 {
            try publish(log, hub: "orders", partition: partition, count: 2000)
        }
        log.close()
        let dataFile = dataDirectory + "/data.mdb"
        let length = try XCTUnwrap(
            FileManager.default.attributesOfItem(atPath: dataFile)[.size] as? Int)
        XCTAssertEqual(truncate(dataFile, off_t(length / 2)), 0)

        XCTAssertThrowsError(try openLog()) { error in
            guard case .corrupt(let path, let detail) = error as? HubError else {
                return XCTFail("expected corrupt, got \(error)")
            }
            XCTAssertEqual(path, self.dataDirectory)
            XCTAssertTrue(detail.hasPrefix("data.mdb is \(length / 2) bytes"), detail)
            XCTAssertTrue(detail.contains("(\(length) bytes) are in use"), detail)
            XCTAssertTrue(detail.contains("restore data.mdb from a copy"), detail)
        }
        XCTAssertThrowsError(try openLog(LMDBEventLog.Options(readOnly: true)))
    }

    func testStoreOfAnotherFormatVersionThrowsCorrupt() throws {
        let log = try openLog()
        try log.environment.write(durability: .durable) { txn in
            let version = [UInt8](encodedSize: 4) { $0.write(UInt32(99)) }
            try txn.put(version, forKey: Databases.formatKey, in: log.environment.databases.meta)
        }
        log.close()
        assertThrows(
            .corrupt(path: dataDirectory,
                     detail: "it is in format version 99; this hubsh reads version 2"),
            try openLog())
    }

    func testDamagedEventRecordThrowsCorruptOnRead() throws {
        let log = try openLog(withHub: HubSpec(name: "orders", partitionCount: 1))
        try publish(log, hub: "orders", partition: 0, count: 2)
        try log.environment.write(durability: .durable) { txn in
            let id = PartitionId(hubId: 1, partition: 0)
            let dbi = try XCTUnwrap(try txn.partitionDatabase(id, create: false))
            try txn.put([1, 2, 3], forKey: EventKey(sequenceNumber: 1).bytes, in: dbi)
        }
        XCTAssertThrowsError(
            try log.read(hub: "orders", partition: 0, from: .earliest, maxCount: 9)
        ) { error in
            guard case .corrupt(_, let detail) = error as? HubError else {
                return XCTFail("expected corrupt, got \(error)")
            }
            XCTAssertTrue(detail.hasPrefix("event 1 of partition 0 of hub 'orders'"), detail)
        }
    }

    func testPathThatIsAFileThrowsStorage() throws {
        XCTAssertTrue(FileManager.default.createFile(atPath: dataDirectory, contents: Data([1])))
        XCTAssertThrowsError(try openLog()) { error in
            guard case .storage(let message) = error as? HubError else {
                return XCTFail("expected storage, got \(error)")
            }
            XCTAssertTrue(message.hasPrefix("could not open the event log in"), message)
        }
    }
}

/// A flag one thread sets and others watch.
final class DoneFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }

    func set() {
        lock.withLock { value = true }
    }
}

/// Failures collected from several threads.
final class FailureList: @unchecked Sendable {
    private let lock = NSLock()
    private var failures: [String] = []

    func add(_ failure: String) {
        lock.withLock { failures.append(failure) }
    }

    var all: [String] { lock.withLock { failures } }
}
