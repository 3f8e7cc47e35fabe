import Foundation
import HubCore
import XCTest

@testable import HubLMDB

/// A test case with a fresh data directory, removed afterwards, and helpers to fill it.
class LMDBTestCase: XCTestCase {
    /// A directory of this test's own; the log's data directory is `dataDirectory` inside it.
    var scratch = ""
    var dataDirectory: String { scratch + "/data" }
    private var openedLogs: [LMDBEventLog] = []

    override func setUpWithError() throws {
        try super.setUpWithError()
        let template = NSTemporaryDirectory() + "hublmdb-XXXXXX"
        var bytes = Array(template.utf8CString)
        guard let made = mkdtemp(&bytes) else {
            throw XCTSkip("cannot create a temporary directory")
        }
        scratch = String(cString: made)
    }

    override func tearDownWithError() throws {
        for log in openedLogs { log.close() }
        openedLogs = []
        try? FileManager.default.removeItem(atPath: scratch)
        try super.tearDownWithError()
    }

    /// Opens the log in `dataDirectory` (or `directory`); it is closed after the test.
    func openLog(
        _ options: LMDBEventLog.Options = LMDBEventLog.Options(autoPurgeInterval: nil),
        directory: String? = nil
    ) throws -> LMDBEventLog {
        let log = try LMDBEventLog.open(directory: directory ?? dataDirectory, options: options)
        openedLogs.append(log)
        return log
    }

    /// Opens a log and creates `hub` in it.
    func openLog(
        withHub hub: HubSpec,
        _ options: LMDBEventLog.Options = LMDBEventLog.Options(autoPurgeInterval: nil)
    ) throws -> LMDBEventLog {
        let log = try openLog(options)
        _ = try log.createHub(hub)
        return log
    }

    /// Publishes `count` text events `prefix-0`, `prefix-1`, ... to one partition.
    @discardableResult
    func publish(
        _ log: LMDBEventLog, hub: String, partition: Int, count: Int, prefix: String = "event",
        durability: Durability = .noSync
    ) throws -> [EventMetadata] {
        let batch = (0..<count).map { text("\(prefix)-\($0)", partition: partition) }
        return try log.append(hub: hub, batch: batch, durability: durability)
    }

    /// Asserts that `expression` throws exactly `expected`.
    func assertThrows<T>(
        _ expected: HubError, _ expression: @autoclosure () throws -> T,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertThrowsError(try expression(), file: file, line: line) { error in
            XCTAssertEqual(error as? HubError, expected, file: file, line: line)
        }
    }
}

/// A text event routed to `partition`.
func text(_ body: String, partition: Int) -> RoutedEvent {
    RoutedEvent(partition: partition, data: EventData(text: body))
}

/// The bodies of `events` as text.
func bodies(_ events: [ReceivedEvent]) -> [String] {
    events.map { String(decoding: $0.data.body, as: UTF8.self) }
}

/// A clock that moves only when a test moves it.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var millis: Int64

    init(_ millis: Int64 = 1_800_000_000_000) {
        self.millis = millis
    }

    func now() -> Int64 {
        lock.withLock { millis }
    }

    func advance(by delta: Int64) {
        lock.withLock { millis += delta }
    }

    func set(_ value: Int64) {
        lock.withLock { millis = value }
    }

    /// Options whose clock is this one.
    func options(autoPurgeInterval: Int64? = nil, mapSize: Int? = nil) -> LMDBEventLog.Options {
        var options = LMDBEventLog.Options(
            clock: { [self] in now() }, autoPurgeInterval: autoPurgeInterval)
        if let mapSize { options.mapSize = mapSize }
        return options
    }
}
