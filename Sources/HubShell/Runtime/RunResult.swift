/// How running a list of statements ended.
enum RunResult: Equatable {
    /// Every statement ran, perhaps passing failures with keep-going; the status to report.
    case finished(Int32)
    /// A statement failed and the run stopped there with its status.
    case stopped(Int32)
    /// `exit` asked the shell to end with this status.
    case exit(Int32)
    /// Ctrl-C arrived; the run stopped after the command it interrupted.
    case interrupted

    /// Exit status 130 is what shells report for SIGINT (128 + 2).
    static let interruptedStatus: Int32 = 130

    /// The status a caller reports for this result.
    var status: Int32 {
        switch self {
        case .finished(let status), .stopped(let status), .exit(let status): return status
        case .interrupted: return RunResult.interruptedStatus
        }
    }
}
