/// The text of `help`, `help COMMAND` and `COMMAND --help`, made from the command specs.
///
/// Paragraphs wrap at 80 columns so the text reads the same on every terminal and snapshot
/// tests can compare it literally.
enum HelpText {
    static let width = 80

    // MARK: - All commands

    /// Every command with its summary: the domain commands grouped by their first word in the
    /// order they were registered, then the shell's own commands, then those plugins add
    /// (`fromPlugins` holds their names).
    static func overview(
        _ commands: [Command], builtins: Set<String>, fromPlugins: Set<String> = []
    ) -> String {
        let added = commands.filter { fromPlugins.contains($0.spec.name) }
        let own = commands.filter { !fromPlugins.contains($0.spec.name) }
        let domain = own.filter { !builtins.contains($0.spec.path[0]) }
        let shell = own.filter { builtins.contains($0.spec.path[0]) }
            .sorted { $0.spec.name < $1.spec.name }
        let nameWidth = commands.map(\.spec.name.count).max() ?? 0

        var lines = ["Commands (type 'help COMMAND' or 'COMMAND --help' for details):"]
        for block in blocks(domain) {
            lines.append("")
            lines += block.map { entry($0.spec.name, $0.spec.summary, nameWidth: nameWidth) }
        }
        if !shell.isEmpty {
            lines += ["", "Shell commands:", ""]
            lines += shell.map { entry($0.spec.name, $0.spec.summary, nameWidth: nameWidth) }
        }
        if !added.isEmpty {
            lines += ["", "Commands from plugins (see 'plugin list'):", ""]
            lines += added.map { entry($0.spec.name, $0.spec.summary, nameWidth: nameWidth) }
        }
        return lines.joined(separator: "\n")
    }

    /// Commands in runs to print together: a family of several commands is one run, and
    /// single commands that follow each other share one.
    static func blocks(_ commands: [Command]) -> [[Command]] {
        var order: [String] = []
        var families: [String: [Command]] = [:]
        for command in commands {
            let word = command.spec.path[0]
            if families[word] == nil { order.append(word) }
            families[word, default: []].append(command)
        }
        var result: [[Command]] = []
        var singles: [Command] = []
        for word in order {
            let family = families[word]!
            if family.count == 1 {
                singles += family
                continue
            }
            if !singles.isEmpty { result.append(singles) }
            singles = []
            result.append(family)
        }
        if !singles.isEmpty { result.append(singles) }
        return result
    }

    /// The commands of the family `word`, for `help hub` and `hub --help`.
    static func family(_ word: String, _ commands: [Command]) -> String {
        "'\(word)' commands (type 'help \(word) COMMAND' for details):\n\n"
            + list(commands)
    }

    /// One aligned line per command: name and summary.
    static func list(_ commands: [Command]) -> String {
        let nameWidth = commands.map(\.spec.name.count).max() ?? 0
        return commands.map { entry($0.spec.name, $0.spec.summary, nameWidth: nameWidth) }
            .joined(separator: "\n")
    }

    // MARK: - One command

    /// Usage, summary, details, arguments, flags and examples of one command.
    static func command(_ spec: CommandSpec) -> String {
        var lines = hanging("usage: " + spec.usage, indent: 4)
        lines += ["", spec.summary]
        for paragraph in spec.details {
            lines.append("")
            lines += wrap(paragraph, width: width)
        }

        let arguments = spec.positionals.map { positional in
            (positional.variadic ? positional.name + "..." : positional.name, positional.help)
        }
        let flags = spec.flags.filter { !$0.hidden }.map { flag in
            var name = flag.short.map { "\($0), \(flag.name)" } ?? flag.name
            if let value = flag.valueName { name += " " + value }
            return (name, flag.help)
        }
        let nameWidth = (arguments + flags).map(\.0.count).max() ?? 0
        if !arguments.isEmpty {
            lines += ["", "Arguments:"]
            lines += arguments.map { entry($0.0, $0.1, nameWidth: nameWidth) }
        }
        if !flags.isEmpty {
            lines += ["", "Flags:"]
            lines += flags.map { entry($0.0, $0.1, nameWidth: nameWidth) }
        }
        if !spec.examples.isEmpty {
            lines += ["", "Examples:"]
            lines += spec.examples.map { "  " + $0 }
        }
        return lines.joined(separator: "\n")
    }

    // MARK: - Layout

    /// `  name    text`, the text wrapped under itself when the line would pass 80 columns.
    static func entry(_ name: String, _ text: String, nameWidth: Int) -> String {
        let lead = 2 + nameWidth + 2
        let head = "  " + name + String(repeating: " ", count: nameWidth - name.count + 2)
        let body = wrap(text, width: max(20, width - lead))
        guard !body.isEmpty else { return "  " + name }
        let rest = body.dropFirst().map { String(repeating: " ", count: lead) + $0 }
        return ([head + (body.first ?? "")] + rest).joined(separator: "\n")
    }

    /// `text` wrapped at `width`, its later lines indented by `indent` spaces.
    static func hanging(_ text: String, indent: Int) -> [String] {
        let lines = wrap(text, width: width)
        guard let first = lines.first else { return [] }
        let rest = wrap(lines.dropFirst().joined(separator: " "), width: width - indent)
        return [first] + rest.map { String(repeating: " ", count: indent) + $0 }
    }

    /// Words of `text` on lines of at most `width` characters; a longer word gets its own line.
    /// Runs of spaces inside a line are kept (`"a  b"` in an example stays as written).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
