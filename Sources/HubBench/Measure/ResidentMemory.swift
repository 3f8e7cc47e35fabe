import Foundation

/// How much memory this process holds, from `/proc/self/status`.
public enum ResidentMemory {
    /// The most resident memory the process has held so far (`VmHWM`), in bytes; nil where
    /// the kernel does not say.
    public static func peakBytes() -> Int? {
        field("VmHWM")
    }

    /// Starts the peak over from the resident memory now, so that `peakBytes` tells the peak
    /// of what follows: writes `5` to `/proc/self/clear_refs`. Returns false where the kernel
    /// does not allow it.
    @discardableResult
    public static func resetPeak() -> Bool {
        guard let file = fopen("/proc/self/clear_refs", "w") else { return false }
        defer { fclose(file) }
        return fputs("5", file) >= 0
    }

    /// The resident memory now (`VmRSS`), in bytes.
    public static func currentBytes() -> Int? {
        field("VmRSS")
    }

    /// A `NAME:   1234 kB` line of `/proc/self/status`, in bytes.
    static func field(_ name: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
            return nil
        }
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            let words = line.split { $0 == " " || $0 == "\t" }
            guard words.count >= 2, let kilobytes = Int(words[1]) else { return nil }
            return kilobytes * 1024
        }
        return nil
    }
}
