import Foundation
import Synchronization

/// Runs a benchmark's worker threads and keeps the calling thread free for progress.
///
/// Each worker gets its index. Workers start together: each waits at a gate until all of them
/// exist, so thread creation is not timed. While they run, the calling thread wakes every
/// `tickNanos` to report progress and to pass on a stop request through `stop`.
final class Workers: @unchecked Sendable {
    /// Set when the run should end early; workers check it between operations.
    let stop = Atomic<Bool>(false)
    /// Events the workers have finished, for progress; workers add to it as they go.
    let done = Atomic<Int>(0)
    /// When the gate opened, in nanoseconds of `MonotonicClock`; 0 before.
    private let started = Atomic<UInt64>(0)

    private let gate = NSCondition()
    /// Read and written only while holding `gate`.
    private var opened = false
    /// Workers waiting at the gate; read and written only while holding `gate`.
    private var ready = 0

    static let tickNanos: UInt64 = 200_000_000

    var shouldStop: Bool { stop.load(ordering: .relaxed) }

    /// When the gate opened, in nanoseconds of `MonotonicClock`.
    var startNanos: UInt64 { started.load(ordering: .relaxed) }

    /// Nanoseconds since the gate opened; 0 before.
    var elapsedSoFar: UInt64 {
        let start = started.load(ordering: .relaxed)
        return start == 0 ? 0 : MonotonicClock.nanos() - start
    }

    func add(_ events: Int) {
        done.add(events, ordering: .relaxed)
    }

    /// Runs `count` workers, each calling `body` with its index, and returns when all are
    /// done; `tick` runs on the calling thread between waits. Returns the nanoseconds from the
    /// moment the gate opened until the last worker finished.
    func run(
        count: Int, name: String, _ body: @escaping @Sendable (Int) -> Void,
        tick: () -> Void
    ) -> UInt64 {
        let finished = DispatchGroup()
        for index in 0..<count {
            finished.enter()
            let thread = Thread { [self] in
                waitAtGate(count: count)
                body(index)
                finished.leave()
            }
            thread.name = "\(name)-\(index)"
            thread.start()
        }
        let started = openGate(count: count)
        while finished.wait(timeout: .now() + .nanoseconds(Int(Workers.tickNanos))) == .timedOut {
            tick()
        }
        return MonotonicClock.nanos() - started
    }

    private func waitAtGate(count: Int) {
        gate.lock()
        ready += 1
        gate.broadcast()
        while !opened { gate.wait() }
        gate.unlock()
    }

    /// Waits until every worker is at the gate, opens it and returns when that was.
    private func openGate(count: Int) -> UInt64 {
        gate.lock()
        while ready < count { gate.wait() }
        opened = true
        let now = MonotonicClock.nanos()
        started.store(now, ordering: .relaxed)
        gate.broadcast()
        gate.unlock()
        return now
    }
}

/// The first error any worker hit; later ones are dropped.
final class FirstError: Sendable {
    private let stored = Mutex<Error?>(nil)

    func record(_ error: Error) {
        stored.withLock { if $0 == nil { $0 = error } }
    }

    func rethrow() throws {
        if let error = stored.withLock({ $0 }) { throw error }
    }
}

/// A number a worker leaves for the calling thread.
final class Counter: Sendable {
    private let stored = Atomic<Int>(0)

    func set(_ value: Int) {
        stored.store(value, ordering: .relaxed)
    }

    /// Adds one and returns the new value.
    func increment() -> Int {
        stored.add(1, ordering: .relaxed).newValue
    }

    var value: Int { stored.load(ordering: .relaxed) }
}
