import CSupport
import Foundation

/// The keys a person types, read for libedit one character at a time.
///
/// libedit's own reader retries a read that Ctrl-C interrupted, so the prompt would not notice
/// Ctrl-C until the next key. This reader is installed as libedit's `rl_getc_function` instead:
/// the shell's SIGINT handler is installed without `SA_RESTART`, so the blocking `read` fails
/// with EINTR, and the reader reports end of input, which makes libedit give up the line. The
/// line editor then sees the interrupt flag and knows it was Ctrl-C rather than Ctrl-D.
///
/// libedit takes the returned value as a whole wide character, so the reader decodes UTF-8
/// itself and returns Unicode scalar values. It runs on the shell's thread, inside `readline`.
enum TerminalInput {
    /// The value libedit takes as end of input.
    static let endOfInput: Int32 = -1

    /// `rl_getc_function`: the next character typed, or -1 on end of input or Ctrl-C.
    static let readCharacter: @convention(c) (UnsafeMutablePointer<FILE>?) -> Int32 = { _ in
        guard let lead = TerminalInput.readByte() else { return TerminalInput.endOfInput }
        let extra: Int
        switch lead {
        case 0x00...0x7F: return Int32(lead)
        case 0xC2...0xDF: extra = 1
        case 0xE0...0xEF: extra = 2
        case 0xF0...0xF4: extra = 3
        default: return 0xFFFD
        }
        var bytes = [lead]
        for _ in 0..<extra {
            guard let byte = TerminalInput.readByte() else { return TerminalInput.endOfInput }
            bytes.append(byte)
        }
        let decoded = String(decoding: bytes, as: UTF8.self).unicodeScalars
        return decoded.count == 1 ? Int32(bitPattern: decoded.first!.value) : 0xFFFD
    }

    /// One byte from standard input; nil at end of input or when Ctrl-C is pending.
    static func readByte() -> UInt8? {
        while true {
            if hubsh_interrupt_pending() != 0 { return nil }
            var byte: UInt8 = 0
            let count = read(STDIN_FILENO, &byte, 1)
            if count == 1 { return byte }
            if count < 0 && errno == EINTR { continue }
            return nil
        }
    }
}
