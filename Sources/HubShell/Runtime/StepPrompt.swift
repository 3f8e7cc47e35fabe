import CSupport
import Foundation

/// Asks on the terminal before each command of `source --step` (but `echo`, `set`, `unset`).
///
/// It talks to `/dev/tty` rather than stdin, so stepping works even when the script itself
/// arrives on stdin. It runs on the shell's thread; Ctrl-C while it waits stops the script.
final class StepPrompt {
    enum Answer: Equatable {
        case run
        case stop
        case interrupted
    }

    private let descriptor: Int32
    /// False after the person typed `c`: the rest runs without asking.
    private var asking = true

    /// Opens the terminal; nil when the process has none (stepping is then skipped).
    init?() {
        let descriptor = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Commands that narrate or prepare rather than act: stepping runs them without stopping
    /// or showing them, so a tour's `echo` lines read as its narration, once.
    static let narrationCommands: Set<String> = ["echo", "set", "unset"]

    /// True when stepping stops before `statement`: every command but `narrationCommands`,
    /// and any command whose name comes from a variable.
    static func stops(before statement: Statement) -> Bool {
        guard let name = statement.words.first?.parts, name.count == 1,
              case .literal(let text) = name[0]
        else { return true }
        return !narrationCommands.contains(text)
    }

    /// Shows `statement` and waits for the answer.
    func confirm(_ statement: Statement) -> Answer {
        guard asking else { return .run }
        let place = statement.location.file.map { "\($0):\(statement.location.line): " } ?? ""
        while true {
            write("\(place)\(statement.text)\n  Enter runs it, c runs the rest, q stops: ")
            guard let answer = readLine() else {
                write("\n")
                return hubsh_interrupt_pending() != 0 ? .interrupted : .stop
            }
            switch answer.trimmingCharacters(in: .whitespaces).lowercased() {
            case "":
                return .run
            case "c":
                asking = false
                return .run
            case "q":
                return .stop
            default:
                write("  type nothing, c or q\n")
            }
        }
    }

    private func write(_ text: String) {
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            let written = bytes[start...].withUnsafeBytes {
                Foundation.write(descriptor, $0.baseAddress, $0.count)
            }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            start += written
        }
    }

    /// One line from the terminal; nil on end of input or Ctrl-C.
    private func readLine() -> String? {
        var bytes: [UInt8] = []
        while true {
            var byte: UInt8 = 0
            let count = read(descriptor, &byte, 1)
            if count < 0 && errno == EINTR {
                if hubsh_interrupt_pending() != 0 { return nil }
                continue
            }
            guard count == 1 else { return nil }
            if byte == UInt8(ascii: "\n") { return String(decoding: bytes, as: UTF8.self) }
            bytes.append(byte)
        }
    }
}
