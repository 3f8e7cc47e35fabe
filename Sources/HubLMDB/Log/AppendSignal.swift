/// Counts the commits that carried appends of this process to one environment, and wakes
/// whoever waits for the next one.
///
/// Shared by every log of the environment, like the environment itself. A publisher calls
/// `signal` after its commit, on its own thread; a consumer blocks in `wait` on its thread.
final class AppendSignal: @unchecked Sendable {
    private let condition = ConditionLock()
    /// Read and written only while holding `condition`.
    private var count: UInt64 = 0
    /// Threads inside `wait`; `signal` skips the wake-up when there are none. Read and written
    /// only while holding `condition`.
    private var waiters = 0

    var current: UInt64 {
        condition.withLock { count }
    }

    /// Records one commit that carried appends and wakes the waiting threads.
    func signal() {
        condition.withLock {
            count &+= 1
            if waiters > 0 { condition.broadcast() }
        }
    }

    /// Waits until the count is past `seen` or `timeoutNanos` have passed; returns the count.
    func wait(after seen: UInt64, timeoutNanos: UInt64) -> UInt64 {
        let deadline = ConditionLock.monotonicNanos() &+ timeoutNanos
        return condition.withLock {
            waiters += 1
            defer { waiters -= 1 }
            while count == seen && ConditionLock.monotonicNanos() < deadline {
                condition.wait(untilNanos: deadline)
            }
            return count
        }
    }
}
