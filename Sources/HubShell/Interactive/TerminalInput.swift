@preconcurrency import CEditLine
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
/// A resize of the terminal interrupts the read the same way, and the reader passes the new
/// size on to libedit before it reads on.
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
            if count < 0 && errno == EINTR {
                if windowChanged != 0 {
                    windowChanged = 0
                    rl_resize_terminal()
                }
                continue
            }
            return nil
        }
    }

    // MARK: - Window size

    /// Set by the SIGWINCH handler; the reader then tells libedit the terminal's new size.
    nonisolated(unsafe) static var windowChanged: sig_atomic_t = 0

    /// Notes terminal resizes while the editor waits for a key, so a long line is redrawn for
    /// the new width. Installed only around `readline`: commands never see SIGWINCH interrupt
    /// their reads and writes.
    static func watchWindowSize() {
        windowChanged = 0
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in TerminalInput.windowChanged = 1 }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGWINCH, &action, nil)
    }

    /// Restores SIGWINCH's default action (ignore it).
    static func stopWatchingWindowSize() {
        signal(SIGWINCH, SIG_DFL)
    }
}
