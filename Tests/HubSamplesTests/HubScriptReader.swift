/// Reads a hubsh script as far as the tests of the sample scripts need: `#` comments, `\` at
/// the end of a line to continue it, `set NAME VALUE`, `$NAME` and `${NAME}` outside single
/// quotes, and single and double quotes as a POSIX shell has them.
///
/// Using a variable that no `set` gave a value is an error here, so the tests catch a typo in
/// a variable name; the shell itself is the authority on everything else.
struct HubScriptReader {
    /// One command after continuation, quoting and expansion: its words and its first line.
    struct Command {
        let line: Int
        let words: [String]
    }

    struct Problem: Error, CustomStringConvertible {
        let line: Int
        let message: String
        var description: String { "line \(line): \(message)" }
    }

    /// The commands of `text`, `set` commands included, in order.
    static func commands(in text: String) throws -> [Command] {
        var variables: [String: String] = [:]
        var commands: [Command] = []
        for (line, logical) in logicalLines(text) {
            let words = try split(logical, line: line, variables: variables)
            guard !words.isEmpty else { continue }
            if words[0] == "set" {
                guard words.count >= 3 else { throw Problem(line: line, message: "set NAME VALUE") }
                variables[words[1]] = words[2...].joined(separator: " ")
            }
            commands.append(Command(line: line, words: words))
        }
        return commands
    }

    /// Physical lines joined where one ends in a backslash, each with its first line number.
    static func logicalLines(_ text: String) -> [(Int, String)] {
        var result: [(Int, String)] = []
        var pending = ""
        var start = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
        {
            if pending.isEmpty { start = index + 1 }
            if line.hasSuffix("\\") && !line.trimmingPrefixSpaces.hasPrefix("#") {
                pending += line.dropLast() + " "
                continue
            }
            result.append((start, pending + line))
            pending = ""
        }
        return result
    }

    /// The words of one logical line, with quotes removed and variables expanded.
    static func split(_ line: String, line number: Int, variables: [String: String]) throws
        -> [String]
    {
        var words: [String] = []
        var word = ""
        var inWord = false
        var characters = Array(line)[...]

        func expand() throws {
            var name = ""
            if characters.first == "{" {
                characters.removeFirst()
                while let next = characters.first, next != "}" {
                    name.append(characters.removeFirst())
                }
                guard characters.popFirst() == "}" else {
                    throw Problem(line: number, message: "unclosed ${")
                }
            } else {
                while let next = characters.first, next.isLetter || next.isNumber || next == "_" {
                    name.append(characters.removeFirst())
                }
            }
            guard let value = variables[name] else {
                throw Problem(line: number, message: "variable '\(name)' is not set")
            }
            word += value
        }

        while let character = characters.popFirst() {
            switch character {
            case " ", "\t":
                if inWord { words.append(word) }
                word = ""
                inWord = false
            case "#" where !inWord:
                return words
            case "'":
                inWord = true
                guard let end = characters.firstIndex(of: "'") else {
                    throw Problem(line: number, message: "unclosed single quote")
                }
                word += characters[..<end]
                characters = characters[(end + 1)...]
            case "\"":
                inWord = true
                while true {
                    guard let next = characters.popFirst() else {
                        throw Problem(line: number, message: "unclosed double quote")
                    }
                    if next == "\"" { break }
                    if next == "$" {
                        try expand()
                    } else if next == "\\", let escaped = characters.first,
                        "\"\\$".contains(escaped)
                    {
                        word.append(characters.removeFirst())
                    } else {
                        word.append(next)
                    }
                }
            case "$":
                inWord = true
                try expand()
            case "\\":
                inWord = true
                if let escaped = characters.popFirst() { word.append(escaped) }
            default:
                inWord = true
                word.append(character)
            }
        }
        if inWord { words.append(word) }
        return words
    }
}

extension Substring {
    fileprivate var trimmingPrefixSpaces: Substring { drop { $0 == " " || $0 == "\t" } }
}
