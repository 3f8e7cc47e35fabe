import HubCore

/// What a command accepts: its words, positional arguments and flags, with help and completion.
///
/// Every command, built-in or not, is described by one spec. The parser, `help`, `--help` and tab
/// completion all read it, so they cannot drift apart.
public struct CommandSpec: Sendable {
    /// The command's words: `["hub", "create"]`.
    public var path: [String]
    public var summary: String
    /// Longer help shown by `help COMMAND`, one paragraph per element.
    public var details: [String]
    public var positionals: [Positional]
    public var flags: [Flag]
    /// Complete example command lines, shown by `help COMMAND`.
    public var examples: [String]
    /// The words before `--help` that show this spec's help, when the name alone does not
    /// show all its flags: `publish --generator iot`. Nil means the name.
    public var helpWords: String?

    /// `publish --help`, or `publish --generator iot --help`: where errors send a person.
    public var helpCommand: String { (helpWords ?? name) + " --help" }

    public init(
        _ path: [String], summary: String, details: [String] = [], positionals: [Positional] = [],
        flags: [Flag] = [], examples: [String] = []
    ) {
        self.path = path
        self.summary = summary
        self.details = details
        self.positionals = positionals
        self.flags = flags + [Flag.json, Flag.help]
        self.examples = examples
    }

    public var name: String { path.joined(separator: " ") }

    /// `hub create NAME [--partitions N] [--retention D]`; required flags come first, without
    /// brackets: `consume HUB --group GROUP [--count N]`.
    public var usage: String {
        var parts = [name]
        for positional in positionals {
            let word = positional.variadic ? "\(positional.name)..." : positional.name
            parts.append(positional.optional ? "[\(word)]" : word)
        }
        let shown = flags.filter { $0.name != "--json" && $0.name != "--help" && !$0.hidden }
        for flag in shown.filter(\.required) + shown.filter({ !$0.required }) {
            let word = flag.required ? flag.usageWord : "[\(flag.usageWord)]"
            parts.append(flag.repeatable ? "\(word)..." : word)
        }
        return parts.joined(separator: " ")
    }

    public func flag(named name: String) -> Flag? {
        flags.first { $0.name == name || $0.short == name }
    }

    /// This spec with `extra` flags after its own and before `--json` and `--help`;
    /// `helpWords` name the command line whose help lists them.
    public func adding(flags extra: [Flag], helpWords: String? = nil) -> CommandSpec {
        var spec = self
        let standard = spec.flags.suffix(2)
        spec.flags = spec.flags.dropLast(2) + extra + standard
        spec.helpWords = helpWords ?? spec.helpWords
        return spec
    }
}

/// What tab completion offers for a word.
public enum CompletionKind: Sendable {
    case none
    /// A hub name from the store.
    case hub
    /// A consumer group of the hub given as the first positional argument.
    case group
    /// A partition id of the hub given as the first positional argument.
    case partition
    /// A path on disk.
    case file
    /// A name of a sample value stream.
    case sample
    /// A read position: earliest, latest, seq:, offset:, time:, -N.
    case position
    /// One of these words.
    case words([String])
    /// A name of an event generator that a plugin adds.
    case generator
    /// A name of an output format: `text`, `json` or one that a plugin adds.
    case format
    /// A name of a loaded plugin.
    case plugin
    /// Whatever the closure returns for the words given after the command's own and the start
    /// of the word being completed: the completions that plugins define.
    case custom(@Sendable (_ given: [String], _ partial: String, ShellContext) -> [String])
    /// Like `custom`, for names that are found in any case, as schema group names are:
    /// `ord` fits `Orders`, and Tab gives the name as the closure returns it.
    case names(@Sendable (_ given: [String], _ partial: String, ShellContext) -> [String])
}

public struct Positional: Sendable {
    public var name: String
    public var help: String
    public var optional: Bool
    public var variadic: Bool
    public var completion: CompletionKind

    public init(
        _ name: String, _ help: String, optional: Bool = false, variadic: Bool = false,
        completion: CompletionKind = .none
    ) {
        self.name = name
        self.help = help
        self.optional = optional
        self.variadic = variadic
        self.completion = completion
    }
}

public struct Flag: Sendable {
    /// `--partitions`
    public var name: String
    /// `-p`, if any.
    public var short: String?
    /// `N` for a flag that takes a value; nil for a switch.
    public var valueName: String?
    public var help: String
    public var repeatable: Bool
    /// True when the command cannot run without this flag: usage and help show it without
    /// brackets, and `Arguments` refuses a command line that leaves it out.
    public var required: Bool
    public var completion: CompletionKind
    /// True for a flag hubsh passes to itself (a second process of a benchmark, say): it is
    /// accepted, but usage, help and completion leave it out.
    public var hidden: Bool

    public init(
        _ name: String, short: String? = nil, value valueName: String? = nil, _ help: String,
        repeatable: Bool = false, required: Bool = false, completion: CompletionKind = .none,
        hidden: Bool = false
    ) {
        self.name = name
        self.short = short
        self.valueName = valueName
        self.help = help
        self.repeatable = repeatable
        self.required = required
        self.completion = completion
        self.hidden = hidden
    }

    public var takesValue: Bool { valueName != nil }

    /// The flag as usage writes it, without brackets: `--group GROUP`, `--json`.
    public var usageWord: String {
        valueName.map { "\(name) \($0)" } ?? name
    }

    public static let json = Flag("--json", "print JSON for scripts instead of a table")
    public static let help = Flag("--help", short: "-h", "show this command's help")
}
