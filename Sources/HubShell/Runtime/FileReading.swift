import CSupport
import Foundation

/// Reads a whole file with plain `open(2)` and `read(2)`, so that pipes, FIFOs, `/dev/stdin`,
/// `/dev/fd/N` and character devices read as well as regular files do.
///
///     let bytes = try FileReading.readAll(path: "setup.hsh")
///
/// A read that a signal interrupts is retried, unless the signal was Ctrl-C (SIGINT, seen
/// through `hubsh_interrupt_pending()`): then reading stops with `.interrupted`, which the shell
/// reports as exit status 130. It runs on the caller's thread and blocks until end of input.
public enum FileReading {
    /// The bytes of the file at `path`; errors name `shownAs` (default `path`), the name the
    /// person typed.
    public static func readAll(path: String, shownAs: String? = nil) throws(FileReadError)
        -> [UInt8]
    {
        let name = shownAs ?? path
        let descriptor = try openForReading(path, shownAs: name)
        defer { close(descriptor) }

        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            throw FileReadError(name, .isDirectory)
        }
        return try readAll(descriptor: descriptor, shownAs: name)
    }

    /// The bytes left in the open `descriptor` (such as 0, standard input) up to end of input;
    /// errors name `shownAs`. The descriptor stays open.
    public static func readAll(descriptor: Int32, shownAs: String) throws(FileReadError)
        -> [UInt8]
    {
        var bytes: [UInt8] = []
        while try readChunk(descriptor: descriptor, appendingTo: &bytes, shownAs: shownAs) {}
        return bytes
    }

    /// Appends what one `read(2)` of `descriptor` gives (up to 64 KiB) to `bytes`; returns
    /// false at end of input. Retries a read a signal interrupted, unless it was Ctrl-C.
    static func readChunk(
        descriptor: Int32, appendingTo bytes: inout [UInt8], shownAs: String
    ) throws(FileReadError) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes += chunk[0..<count]
                return true
            } else if count == 0 {
                return false
            } else if errno == EINTR {
                if hubsh_interrupt_pending() != 0 { throw FileReadError(shownAs, .interrupted) }
            } else {
                throw FileReadError(shownAs, reason(for: errno))
            }
        }
    }

    /// `open(2)` for reading, retried on EINTR; opening a FIFO blocks until a writer comes.
    private static func openForReading(_ path: String, shownAs: String) throws(FileReadError)
        -> Int32
    {
        while true {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            if descriptor >= 0 { return descriptor }
            guard errno == EINTR else { throw FileReadError(shownAs, reason(for: errno)) }
            if hubsh_interrupt_pending() != 0 { throw FileReadError(shownAs, .interrupted) }
        }
    }

    private static func reason(for code: Int32) -> FileReadError.Reason {
        switch code {
        case ENOENT, ENOTDIR: return .notFound
        case EISDIR: return .isDirectory
        case EACCES, EPERM: return .permissionDenied
        default: return .failed(String(cString: strerror(code)))
        }
    }
}

/// Why `FileReading` could not read a file, with the file's name as the person gave it.
public struct FileReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// Neither the file nor, perhaps, a folder on its path exists.
        case notFound
        case isDirectory
        case permissionDenied
        /// Ctrl-C arrived while waiting for input.
        case interrupted
        /// Any other failure, with the system's text for it.
        case failed(String)
    }

    public var name: String
    public var reason: Reason

    public init(_ name: String, _ reason: Reason) {
        self.name = name
        self.reason = reason
    }

    /// What went wrong and what to do, calling the file `noun` ("script 'x' does not exist").
    public func message(calling noun: String) -> String {
        let file = "\(noun) '\(name)'"
        switch reason {
        case .notFound:
            return "\(file) does not exist; check the path"
        case .isDirectory:
            return "\(file) is a directory; name a file in it"
        case .permissionDenied:
            return "cannot read \(file): permission denied; check its permissions"
        case .interrupted:
            return "reading \(file) was interrupted"
        case .failed(let text):
            return "cannot read \(file): \(text)"
        }
    }

    public var description: String { message(calling: "file") }
}
