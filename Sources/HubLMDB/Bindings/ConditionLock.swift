import Glibc

/// A mutex with condition variables, for threads of this process that wait for each other.
///
/// A thin wrapper over `pthread_mutex_t` and `pthread_cond_t`; timed waits count on
/// `CLOCK_MONOTONIC`, so changing the wall clock neither shortens nor stretches them. `wait`
/// may only be called inside `withLock`, by the thread holding the lock. Several conditions
/// can share the mutex, so that one kind of waiter is woken without waking the others; they
/// are numbered from 0, the one used when none is named.
final class ConditionLock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let conditions: UnsafeMutablePointer<pthread_cond_t>
    private let conditionCount: Int

    init(conditions count: Int = 1) {
        mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        conditionCount = max(1, count)
        conditions = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: conditionCount)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        for index in 0..<conditionCount { pthread_cond_init(conditions + index, &attributes) }
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        for index in 0..<conditionCount { pthread_cond_destroy(conditions + index) }
        conditions.deallocate()
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` while holding the lock.
    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// Takes the lock; pair it with `unlock` on the same thread. Prefer `withLock`.
    func lock() {
        pthread_mutex_lock(mutex)
    }

    func unlock() {
        pthread_mutex_unlock(mutex)
    }

    /// Releases the lock until condition `index` is signalled (or a spurious wake-up), then
    /// takes it again.
    func wait(on index: Int = 0) {
        precondition(index < conditionCount, "no condition \(index)")
        pthread_cond_wait(conditions + index, mutex)
    }

    /// Like `wait`, but returns by `deadline` (nanoseconds of `CLOCK_MONOTONIC`) at the latest.
    func wait(on index: Int = 0, untilNanos deadline: UInt64) {
        precondition(index < conditionCount, "no condition \(index)")
        var spec = timespec(
            tv_sec: Int(deadline / 1_000_000_000), tv_nsec: Int(deadline % 1_000_000_000))
        pthread_cond_timedwait(conditions + index, mutex, &spec)
    }

    /// Wakes every thread waiting on condition `index`.
    func broadcast(_ index: Int = 0) {
        precondition(index < conditionCount, "no condition \(index)")
        pthread_cond_broadcast(conditions + index)
    }

    /// Now, in nanoseconds of `CLOCK_MONOTONIC`: the clock `wait(untilNanos:)` counts on.
    static func monotonicNanos() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }
}
