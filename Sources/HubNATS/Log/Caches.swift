import Foundation
import HubCore

/// Hub records this process read recently, by folded name. Thread-safe.
///
/// Reads and publishes look a hub up on every call; a record younger than `ttlMillis` saves
/// the round trip. A deleted hub's streams are gone, which the caller notices. A hub's
/// retention, maximum event size and schema binding can change (`updateHub`,
/// `setSchemaBinding`): the changing process stores the new record at once, other processes
/// see it when their copy expires.
final class HubCache: @unchecked Sendable {
    private let lock = NSLock()
    private var records: [String: (record: HubRecord, at: Int64)] = [:]
    static let ttlMillis: Int64 = 2000

    func find(_ name: String, now: Int64) -> HubRecord? {
        lock.withLock {
            guard let entry = records[Names.folded(name)],
                  now - entry.at < HubCache.ttlMillis
            else { return nil }
            return entry.record
        }
    }

    func store(_ record: HubRecord, now: Int64) {
        lock.withLock { records[Names.folded(record.name)] = (record, now) }
    }

    func forget(_ name: String) {
        _ = lock.withLock { records.removeValue(forKey: Names.folded(name)) }
    }
}

/// The last message of a stream as this process knows it: its sequence and enqueued time.
struct Tip: Equatable {
    var sequence: UInt64
    var time: Int64
}

/// The last known message of each stream this process published to or looked at.
/// Thread-safe. A tip may be behind the stream (another process appended since): a publish
/// that expects it fails and reads the real one.
final class TipCache: @unchecked Sendable {
    private let lock = NSLock()
    private var tips: [String: Tip] = [:]

    func find(_ stream: String) -> Tip? {
        lock.withLock { tips[stream] }
    }

    /// Records `tip` unless a later one is known.
    func advance(_ stream: String, to tip: Tip) {
        lock.withLock {
            if let known = tips[stream], known.sequence > tip.sequence { return }
            tips[stream] = tip
        }
    }

    func forget(_ stream: String) {
        _ = lock.withLock { tips.removeValue(forKey: stream) }
    }
}

/// Pull readers left where a read ended, so the next read of the same stream from there
/// (a tail, a consume loop) reuses the consumer instead of creating one. Thread-safe: a
/// reader is taken out while one thread uses it.
final class ReaderCache: @unchecked Sendable {
    private let lock = NSLock()
    private var readers: [PullReader] = []
    static let capacity = 64

    /// A reader of `stream` whose next sequence is `sequence`, removed from the cache.
    func take(_ stream: String, at sequence: UInt64) -> PullReader? {
        lock.withLock {
            guard let index = readers.firstIndex(where: {
                $0.stream == stream && $0.nextSequence == sequence
            }) else { return nil }
            return readers.remove(at: index)
        }
    }

    func put(_ reader: PullReader) {
        let evicted: PullReader? = lock.withLock {
            readers.append(reader)
            return readers.count > ReaderCache.capacity ? readers.removeFirst() : nil
        }
        evicted?.close()
    }

    /// Closes the readers of `streams` (a deleted hub's).
    func close(streams: Set<String>) {
        let closing: [PullReader] = lock.withLock {
            let matching = readers.filter { streams.contains($0.stream) }
            readers.removeAll { streams.contains($0.stream) }
            return matching
        }
        closing.forEach { $0.close() }
    }

    func closeAll() {
        let closing: [PullReader] = lock.withLock {
            defer { readers = [] }
            return readers
        }
        closing.forEach { $0.close() }
    }
}

/// One writer at a time per stream within this process.
///
/// Appends to one partition from several threads would otherwise race on the stream's last
/// sequence: all but one chain would be refused and re-anchored, round trip after round trip.
/// Taking the partitions' turns in one order (by stream name) keeps two multi-partition
/// batches from waiting on each other. Other processes are still kept apart by the chain's
/// expectations on the stream itself.
final class StreamTurns: @unchecked Sendable {
    private let lock = NSLock()
    private var turns: [String: NSLock] = [:]

    /// Runs `body` holding the turn of every stream in `streams`.
    func withTurns<T>(_ streams: [String], _ body: () throws -> T) rethrows -> T {
        let locks = lock.withLock {
            Set(streams).sorted().map { stream in
                if let existing = turns[stream] { return existing }
                let created = NSLock()
                turns[stream] = created
                return created
            }
        }
        locks.forEach { $0.lock() }
        defer { locks.reversed().forEach { $0.unlock() } }
        return try body()
    }

    /// Forgets the turns of a deleted hub's streams.
    func forget(_ streams: Set<String>) {
        lock.withLock { turns = turns.filter { !streams.contains($0.key) } }
    }
}
