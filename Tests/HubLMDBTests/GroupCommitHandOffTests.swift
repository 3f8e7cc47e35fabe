import Foundation
import HubCore
import XCTest

@testable import HubLMDB

/// The queue of group commit on its own, with a commit that stores nothing: every append gets
/// its own outcome, exactly once, however the appends are grouped, led and woken.
final class GroupCommitHandOffTests: XCTestCase {
    func testEveryAppendOfACrowdGetsItsOwnOutcomeWhateverTheGroupLimit() throws {
        // Small limits leave appends over from most groups, so that they move to the next
        // cohort and one of them is often named to lead; a commit that takes no time makes
        // appenders race the hand-off.
        for limit in [1, 3, 7, 100_000] {
            for commitMicros in [UInt32(0), 200] {
                try crowd(limit: limit, commitMicros: commitMicros)
            }
        }
    }

    private func crowd(limit: Int, commitMicros: UInt32) throws {
        let context = "limit \(limit), commits of \(commitMicros) µs"
        let queue = GroupCommit(maxEventsPerGroup: limit)
        let log = CommitLog(commitMicros: commitMicros)
        let producers = 24
        let appendsEach = 150
        let answers = Answers()

        let done = DispatchGroup()
        for producer in 0..<producers {
            done.enter()
            Thread {
                for index in 0..<appendsEach {
                    let id = Int64(producer * appendsEach + index)
                    let size = 1 + (producer + index) % 4
                    let pending = GroupCommit.Pending(
                        hub: "orders", batch: Array(repeating: event, count: size),
                        durability: .durable, now: id)
                    answers.add(id, queue.append(pending, commit: log.commit))
                }
                done.leave()
            }.start()
        }
        guard done.wait(timeout: .now() + 60) == .success else {
            return XCTFail("\(context): appenders still waiting after a minute")
        }

        let all = answers.all
        XCTAssertEqual(all.count, producers * appendsEach, context)
        XCTAssertEqual(Set(all.map(\.0)).count, producers * appendsEach, context)
        for (id, outcome) in all {
            XCTAssertEqual(
                try outcome.get().map(\.sequenceNumber), [id], "\(context): append \(id)")
        }
        let groups = log.groups
        XCTAssertEqual(groups.map(\.count).reduce(0, +), producers * appendsEach, context)
        for group in groups where group.count > 1 {
            XCTAssertLessThanOrEqual(group.map(\.batch.count).reduce(0, +), limit, context)
        }
        if limit > 4 && commitMicros > 0 {
            XCTAssertLessThan(groups.count, producers * appendsEach, "\(context): none shared")
        }
    }

    func testALoneAppenderCommitsAloneAndAFailureReachesOnlyItsAppend() throws {
        let queue = GroupCommit()
        let log = CommitLog(failing: [2])
        for id in Int64(0)..<4 {
            let pending = GroupCommit.Pending(
                hub: "orders", batch: [event], durability: .noSync, now: id)
            let outcome = queue.append(pending, commit: log.commit)
            if id == 2 {
                XCTAssertThrowsError(try outcome.get())
            } else {
                XCTAssertEqual(try outcome.get().map(\.sequenceNumber), [id])
            }
        }
        XCTAssertEqual(log.groups.map(\.count), [1, 1, 1, 1])
    }
}

private let event = RoutedEvent(partition: 0, data: EventData(text: "x"))

/// A commit that stores nothing: it answers each append with its own id (its `now`) as the
/// sequence number, or fails the ids it was told to, and keeps the groups it was given.
private final class CommitLog: @unchecked Sendable {
    private let lock = NSLock()
    private var taken: [[GroupCommit.Pending]] = []
    private let failing: Set<Int64>

    private let commitMicros: UInt32

    init(failing: Set<Int64> = [], commitMicros: UInt32 = 0) {
        self.failing = failing
        self.commitMicros = commitMicros
    }

    var groups: [[GroupCommit.Pending]] { lock.withLock { taken } }

    func commit(_ group: [GroupCommit.Pending]) -> [Result<[EventMetadata], Error>] {
        lock.withLock { taken.append(group) }
        // Long enough, unless 0, for appends to queue behind it.
        if commitMicros > 0 { usleep(commitMicros) }
        return group.map { pending in
            if failing.contains(pending.now) { return .failure(HubError.readOnly(path: "test")) }
            return .success([
                EventMetadata(
                    partition: 0, sequenceNumber: pending.now, offset: 0, enqueuedTime: 0)
            ])
        }
    }
}

/// Each append's outcome by id, collected from several threads; an id answered twice shows.
private final class Answers: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [(Int64, Result<[EventMetadata], Error>)] = []

    func add(_ id: Int64, _ outcome: Result<[EventMetadata], Error>) {
        lock.withLock { outcomes.append((id, outcome)) }
    }

    var all: [(Int64, Result<[EventMetadata], Error>)] { lock.withLock { outcomes } }
}
