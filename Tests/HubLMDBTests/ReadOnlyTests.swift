import Foundation
import HubCore
import XCTest

@testable import HubLMDB

/// Read-only data directories.
///
/// Tests usually run as root, and root ignores permission bits, so `chmod` alone cannot make a
/// directory read-only for it. As root these tests set the immutable attribute instead
/// (`chattr +i`, which needs `CAP_LINUX_IMMUTABLE` and an ext2/3/4-like file system) and skip
/// when that is not possible; as any other user they use `chmod`.
final class ReadOnlyTests: LMDBTestCase {
    private var lockedPaths: [String] = []

    override func tearDownWithError() throws {
        for path in lockedPaths.reversed() { _ = try? unlock(path) }
        lockedPaths = []
        try super.tearDownWithError()
    }

    func testUnwritableEmptyDirectoryThrowsReadOnly() throws {
        try FileManager.default.createDirectory(
            atPath: dataDirectory, withIntermediateDirectories: true)
        try lock(dataDirectory, mode: 0o555)
        assertThrows(.readOnly(path: dataDirectory), try openLog())
    }

    func testStoreThatCannotBeWrittenOpensReadOnlyAndRefusesWrites() throws {
        let writer = try openLog(withHub: HubSpec(name: "orders", partitionCount: 1))
        try publish(writer, hub: "orders", partition: 0, count: 3, durability: .durable)
        writer.close()
        try lock(dataDirectory + "/data.mdb", mode: 0o444)

        let log = try openLog()
        XCTAssertTrue(log.isReadOnly)
        XCTAssertEqual(
            bodies(try log.read(hub: "orders", partition: 0, from: .earliest, maxCount: 9)),
            ["event-0", "event-1", "event-2"])
        assertThrows(.readOnly(path: dataDirectory),
                     try publish(log, hub: "orders", partition: 0, count: 1))
        assertThrows(.readOnly(path: dataDirectory), try log.createHub(HubSpec(name: "more")))
    }

    func testReadOnlyOptionRefusesWritesButReads() throws {
        let writer = try openLog(withHub: HubSpec(name: "orders", partitionCount: 1))
        try publish(writer, hub: "orders", partition: 0, count: 2, durability: .durable)
        writer.close()

        let log = try openLog(LMDBEventLog.Options(readOnly: true))
        XCTAssertTrue(log.isReadOnly)
        XCTAssertEqual(try log.partitionStates(hub: "orders")[0].nextSequenceNumber, 2)
        assertThrows(.readOnly(path: dataDirectory),
                     try publish(log, hub: "orders", partition: 0, count: 1))
        assertThrows(.readOnly(path: dataDirectory), try log.purge(hub: "orders", now: 0))
    }

    func testReadOnlyOptionOnAMissingDirectoryThrowsStorage() throws {
        XCTAssertThrowsError(try openLog(LMDBEventLog.Options(readOnly: true))) { error in
            guard case .storage(let message) = error as? HubError else {
                return XCTFail("expected storage, got \(error)")
            }
            XCTAssertTrue(message.hasSuffix("the directory does not exist"), message)
        }
    }

    func testMissingDirectoryUnderAnUnwritableParentCannotBeCreated() throws {
        try lock(scratch, mode: 0o555)
        XCTAssertThrowsError(try openLog()) { error in
            guard case .storage(let message) = error as? HubError else {
                return XCTFail("expected storage, got \(error)")
            }
            XCTAssertTrue(
                message.hasPrefix("cannot create data directory '\(self.dataDirectory)': "),
                message)
            XCTAssertFalse(message.contains("read-only"), message)
        }
    }

    func testMissingDirectoryUnderAFileCannotBeCreatedAndNamesTheFile() throws {
        let file = scratch + "/plain"
        XCTAssertTrue(FileManager.default.createFile(atPath: file, contents: Data([1])))
        let directory = file + "/below/data"
        XCTAssertThrowsError(try openLog(directory: directory)) { error in
            XCTAssertEqual(
                error as? HubError,
                .storage(
                    "cannot create data directory '\(directory)': '\(file)' is not a directory;"
                        + " create it yourself or give another with --data DIR"))
        }
    }

    /// Makes `path` unwritable for this process, or skips the test when it cannot.
    private func lock(_ path: String, mode: mode_t) throws {
        if geteuid() != 0 {
            guard chmod(path, mode) == 0 else { throw XCTSkip("cannot chmod \(path)") }
            lockedPaths.append(path)
            return
        }
        guard try run("/usr/bin/chattr", ["+i", path]) == 0 else {
            throw XCTSkip("running as root without chattr +i: cannot make \(path) read-only")
        }
        lockedPaths.append(path)
    }

    private func unlock(_ path: String) throws {
        if geteuid() != 0 {
            chmod(path, 0o755)
        } else {
            _ = try run("/usr/bin/chattr", ["-i", path])
        }
    }

    private func run(_ executable: String, _ arguments: [String]) throws -> Int32 {
        guard FileManager.default.isExecutableFile(atPath: executable) else { return -1 }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
