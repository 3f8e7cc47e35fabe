import HubCore

/// The name of a throwaway hub, `bench-PID-XXXXXXXX`: the process that made it, so that a
/// later run can tell whether it was left behind, and eight random hex digits, so that runs of
/// one process never clash.
///
///     ThrowawayHubName.make()                       // "bench-4711-6a5e6ec9"
///     ThrowawayHubName.owner(of: "bench-4711-6a5e6ec9")   // 4711
///     ThrowawayHubName.isOlderForm("bench-6a5e6ec9")      // true: hubsh before process ids
public enum ThrowawayHubName {
    static let prefix = "bench-"
    static let randomDigits = 8

    /// A new name for a hub of this process.
    public static func make() -> String {
        let digits = String(UInt32.random(in: .min ... .max), radix: 16)
        let random = String(repeating: "0", count: randomDigits - digits.count) + digits
        return prefix + "\(OwnerProcess.current)-" + random
    }

    /// The process that made hub `name`; nil when `name` is not a throwaway hub's name.
    public static func owner(of name: String) -> Int32? {
        guard name.hasPrefix(prefix) else { return nil }
        let parts = name.dropFirst(prefix.count).split(
            separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, isRandomPart(parts[1]), let pid = Int32(parts[0]), pid > 0
        else { return nil }
        return pid
    }

    /// True for `bench-XXXXXXXX`, the throwaway hubs of hubsh before names carried a process:
    /// whose they are cannot be told, so they are only mentioned.
    public static func isOlderForm(_ name: String) -> Bool {
        name.hasPrefix(prefix) && isRandomPart(name.dropFirst(prefix.count))
    }

    private static func isRandomPart(_ text: Substring) -> Bool {
        text.count == randomDigits && text.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }
}
