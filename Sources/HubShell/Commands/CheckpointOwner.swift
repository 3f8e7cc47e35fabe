import Foundation
import HubCore

/// The consumer that wrote a checkpoint, read back from its owner text `hubsh@HOST:PID`, to
/// tell whether it may still be running.
///
///     CheckpointOwner("hubsh@vm:31920")  // host "vm", process 31920
///
/// Caveat: process ids are reused, so a consumer that exited long ago can look alive when
/// another program now has its id; `consume` then warns once more than it needs to.
struct CheckpointOwner: Equatable {
    let host: String
    let processId: pid_t

    /// Nil for owner text in another form (other tools, older versions).
    init?(_ owner: String) {
        guard owner.hasPrefix("hubsh@"), let colon = owner.lastIndex(of: ":") else { return nil }
        let host = owner[owner.index(owner.startIndex, offsetBy: 6)..<colon]
        guard !host.isEmpty, let id = pid_t(owner[owner.index(after: colon)...]), id > 0 else {
            return nil
        }
        self.host = String(host)
        self.processId = id
    }

    /// False when the owner is known not to be another live consumer: a process on this host
    /// that has exited, or this very process. True for other hosts (hubsh cannot see their
    /// processes), for live processes and for owner text it cannot read.
    static func mightBeRunning(
        _ owner: String, localHost: String = ProcessInfo.processInfo.hostName,
        localProcess: pid_t = getpid()
    ) -> Bool {
        guard let parsed = CheckpointOwner(owner), parsed.host == localHost else { return true }
        if parsed.processId == localProcess { return false }
        return OwnerProcess.isAlive(parsed.processId)
    }
}
