import Foundation

/// Where text goes: a file descriptor, or a buffer in tests.
public protocol TextSink: AnyObject, Sendable {
    func write(_ text: String)
    func flush()
    /// True once the reader went away (a closed pipe): long commands should stop.
    var broken: Bool { get }
}

/// Buffered writes to a file descriptor (stdout or stderr).
///
/// A write to a closed pipe fails with EPIPE (SIGPIPE is ignored at start) and sets `broken`,
/// so a command like `read ... | head` stops quietly instead of dying.
public final class FileDescriptorSink: TextSink, @unchecked Sendable {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private let lock = NSLock()
    private let limit: Int
    public private(set) var broken = false

    /// `limit` is how many bytes to gather before writing; 0 writes at once.
    public init(descriptor: Int32, limit: Int = 64 * 1024) {
        self.descriptor = descriptor
        self.limit = limit
    }

    public func write(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= limit { flushLocked() }
    }

    public func flush() {
        lock.lock()
        defer { lock.unlock() }
        flushLocked()
    }

    private func flushLocked() {
        var start = 0
        while start < buffer.count && !broken {
            let written = buffer[start...].withUnsafeBytes {
                Glibc.write(descriptor, $0.baseAddress, $0.count)
            }
            if written < 0 {
                if errno == EINTR { continue }
                broken = true
                break
            }
            start += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Collects text in memory; for tests and for capturing a command's output.
public final class BufferSink: TextSink, @unchecked Sendable {
    private var parts: [String] = []
    private let lock = NSLock()

    public init() {}

    public func write(_ text: String) {
        lock.lock()
        parts.append(text)
        lock.unlock()
    }

    public func flush() {}

    public var broken: Bool { false }

    public var text: String {
        lock.lock()
        defer { lock.unlock() }
        return parts.joined()
    }
}
