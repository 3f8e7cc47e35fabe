import Foundation

/// How often this process's threads have been switched off a CPU, from `getrusage`.
public enum ContextSwitches {
    /// Voluntary switches (a thread slept: a lock, a wake-up, the disk) plus involuntary ones
    /// (its time slice ran out), summed over every thread the process has had; nil where the
    /// kernel does not say.
    public static func sofar() -> Int? {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return nil }
        return usage.ru_nvcsw + usage.ru_nivcsw
    }
}
