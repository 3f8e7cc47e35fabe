import Glibc

/// Time for measuring: `CLOCK_MONOTONIC` in nanoseconds.
///
/// The clock is the same for every process of the machine, so a time stamped into an event by
/// one process can be compared with the time another process reads when it receives it.
public enum MonotonicClock {
    public static func nanos() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    /// Sleeps until `deadline` (nanoseconds of this clock); returns at once when it has passed.
    public static func sleep(until deadline: UInt64) {
        var spec = timespec(
            tv_sec: Int(deadline / 1_000_000_000), tv_nsec: Int(deadline % 1_000_000_000))
        while clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &spec, nil) == EINTR {}
    }

    /// Sleeps for `nanos` nanoseconds.
    public static func sleep(nanos: UInt64) {
        sleep(until: self.nanos() + nanos)
    }
}
