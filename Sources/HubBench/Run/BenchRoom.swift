import HubCore

/// Whether the engine has room for what a run will store, asked before anything is made.
///
/// A benchmark can be told to store far more than a disk holds (`bench read --events
/// 1000000000 --size 100000` is 100 TB) and would fill it at full speed before failing. The
/// estimate counts every event the run keeps stored at its peak, with the engine's overhead;
/// engines whose storage is not on this machine's disk (`freeStorageBytes` nil) are not
/// checked.
public enum BenchRoom {
    /// Throws `BenchRefusal.notEnoughRoom` when storing `workloads` (all of them at once:
    /// the same workload twice when two copies coexist) needs more than `log` has free.
    public static func check(log: EventLog, storing workloads: [PublishWorkload]) throws {
        guard let engine = log as? EngineBenchmarks, !workloads.isEmpty,
            let free = engine.freeStorageBytes
        else { return }
        var needed: Int64 = 0
        for workload in workloads {
            let bytes = engine.storedBytes(
                events: workload.events, bodySize: workload.bodySize,
                keyBytes: EventFactory.keyBytes(workload.keys))
            needed = needed.addingReportingOverflow(bytes).overflow ? .max : needed + bytes
        }
        if needed > free { throw BenchRefusal.notEnoughRoom(needed: needed, free: free) }
    }
}
