import Foundation

/// The process that made a benchmark's scratch storage (a throwaway hub, a raw-baseline
/// directory), named by its process id in that storage's name, so that a later run can tell
/// what a killed run left behind.
///
/// Caveat: a process id means something only on the machine, and in the process-id namespace,
/// that issued it; a container sharing the data directory through a bind mount has ids of its
/// own. LMDB's own check for stale readers has the same limit. Fix: let processes that share a
/// data directory share one process-id namespace.
///
/// Caveat: the system reuses ids, so a leftover whose id now belongs to an unrelated process
/// waits until that process ends before it is swept.
public enum OwnerProcess {
    /// This process's id: `getpid(2)`.
    public static var current: Int32 { getpid() }

    /// Whether process `pid` exists on this machine: `kill(2)` with signal 0, where `EPERM`
    /// means it exists but belongs to another user.
    public static func isAlive(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
