import Glibc

/// Milliseconds of `CLOCK_MONOTONIC`, for deadlines that wall-clock changes do not move.
enum MonotonicClock {
    static func millis() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000
    }
}
