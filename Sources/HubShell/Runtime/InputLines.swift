import Foundation

/// The lines of an open descriptor (standard input), each handed out as soon as it has
/// arrived, so that commands piped into hubsh run as they come, as in `sh`.
///
/// A read that a signal interrupts is retried, unless the signal was Ctrl-C: then `next`
/// throws `.interrupted`. Runs on the caller's thread and blocks until a line or the end.
struct InputLines {
    private let descriptor: Int32
    private let shownAs: String
    private var buffer: [UInt8] = []
    /// Where the unread part of `buffer` starts.
    private var start = 0
    private var ended = false

    init(descriptor: Int32, shownAs: String) {
        self.descriptor = descriptor
        self.shownAs = shownAs
    }

    /// The next line's bytes without its `\n`; the last line may lack one. Nil at the end.
    mutating func next() throws(FileReadError) -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                defer { start = newline + 1 }
                return buffer[start..<newline]
            }
            if ended {
                guard start < buffer.count else { return nil }
                defer { start = buffer.count }
                return buffer[start...]
            }
            try fill()
        }
    }

    /// Whether input after the lines handed out has already arrived.
    var hasMoreBuffered: Bool { start < buffer.count }

    /// Reads what has arrived, dropping what was handed out before.
    private mutating func fill() throws(FileReadError) {
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
        ended = !(try FileReading.readChunk(
            descriptor: descriptor, appendingTo: &buffer, shownAs: shownAs))
    }
}
