/// When this process last purged each hub, so that publishing purges at most once per
/// interval per hub.
///
/// Process-wide, like the environments: two logs of the same directory share one schedule.
final class PurgeSchedule: @unchecked Sendable {
    static let shared = PurgeSchedule()

    private let lock = Lock()
    /// Keyed by the directory's real path and the hub name; read and written under `lock`.
    private var lastPurge: [String: Int64] = [:]

    /// Whether `hub` is due for a purge at `now`; if so, records `now` as its last purge.
    ///
    /// A clock that went backwards also makes the hub due, so a purge is never put off by
    /// more than one interval.
    func claim(directory: String, hub: String, now: Int64, interval: Int64) -> Bool {
        let key = directory + "\u{0}" + hub
        return lock.withLock {
            if let last = lastPurge[key], now >= last, now - last < interval { return false }
            lastPurge[key] = now
            return true
        }
    }
}
