import HubCore

/// A command's words matched against its spec: positionals in order, flags by name.
///
/// Accessors convert and check values, throwing a `UsageError` that points at the word:
///
///     let count = try arguments.int("--count", default: 1, range: 1...1_000_000)
public struct Arguments: Sendable {
    public let spec: CommandSpec
    public private(set) var positionals: [Token] = []
    public private(set) var flags: [String: [Token]] = [:]
    /// Where the command's first word was, for errors about the whole command.
    public let location: SourceLocation

    /// Matches `words` (the tokens after the command path) against `spec`.
    ///
    /// Flags and positionals may come in any order; `--` ends flags; `--flag=value` works too.
    public init(spec: CommandSpec, words: [Token], location: SourceLocation) throws {
        self.spec = spec
        self.location = location
        var index = 0
        var flagsEnded = false
        while index < words.count {
            let word = words[index]
            index += 1
            if !flagsEnded && word.text == "--" {
                flagsEnded = true
                continue
            }
            guard !flagsEnded, word.text.hasPrefix("-"), word.text.count > 1,
                  !Arguments.looksNumeric(word.text)
            else {
                positionals.append(word)
                continue
            }
            var name = word.text
            var inlineValue: Token? = nil
            if let equals = name.firstIndex(of: "="), name.hasPrefix("--") {
                var valueToken = word
                valueToken.text = String(name[name.index(after: equals)...])
                inlineValue = valueToken
                name = String(name[..<equals])
            }
            guard let flag = spec.flag(named: name) else {
                throw UsageError(
                    "unknown flag '\(name)' for '\(spec.name)'" + Arguments.suggestion(name, spec),
                    at: word.location, command: spec.name)
            }
            guard flag.takesValue else {
                if inlineValue != nil {
                    throw UsageError(
                        "flag '\(flag.name)' takes no value", at: word.location, command: spec.name)
                }
                // A switch given twice is simply on.
                if flags[flag.name] == nil || flag.repeatable {
                    flags[flag.name, default: []].append(word)
                }
                continue
            }
            if !flag.repeatable && flags[flag.name] != nil {
                throw UsageError(
                    "flag '\(flag.name)' is given twice", at: word.location, command: spec.name)
            }
            let value: Token
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < words.count else {
                    throw UsageError(
                        "flag '\(flag.name)' needs a value (\(flag.valueName!))",
                        at: word.location, command: spec.name)
                }
                value = words[index]
                index += 1
                // `--size --events 100` forgot the size; taking `--events` as it would blame
                // `100` instead. A quoted word is still a value.
                if !value.wasQuoted, Arguments.namesFlag(value.text, of: spec) {
                    throw UsageError(
                        "flag '\(flag.name)' needs a value (\(flag.valueName!)) before"
                            + " '\(value.text)'",
                        at: value.location, command: spec.name)
                }
            }
            flags[flag.name, default: []].append(value)
        }
        if flags["--help"] != nil { return }
        try checkPositionalCount()
        try checkRequiredFlags()
    }

    /// Whether `text` is one of `spec`'s flags, as `--name` or `--name=value`.
    static func namesFlag(_ text: String, of spec: CommandSpec) -> Bool {
        guard text.hasPrefix("--"), text.count > 2 else { return false }
        let name = text.split(separator: "=", maxSplits: 1).first.map(String.init) ?? text
        return spec.flag(named: name) != nil
    }

    /// `-3` is a position (the last 3 events), and `-1.5` a number, not flags.
    static func looksNumeric(_ text: String) -> Bool {
        let rest = text.dropFirst()
        return !rest.isEmpty && rest.allSatisfy { $0.isNumber || $0 == "." }
    }

    static func suggestion(_ name: String, _ spec: CommandSpec) -> String {
        let names = spec.flags.map(\.name)
        guard let best = Suggest.closest(to: name, among: names) else {
            return " (see '\(spec.helpCommand)')"
        }
        return "; did you mean '\(best)'?"
    }

    private func checkPositionalCount() throws {
        let required = spec.positionals.filter { !$0.optional }.count
        let variadic = spec.positionals.contains { $0.variadic }
        if positionals.count < required {
            let missing = spec.positionals[positionals.count]
            throw UsageError(
                "missing \(missing.name): \(missing.help) (usage: \(spec.usage))",
                at: location, command: spec.name)
        }
        if !variadic && positionals.count > spec.positionals.count {
            let extra = positionals[spec.positionals.count]
            throw UsageError(
                "unexpected argument '\(extra.text)' (usage: \(spec.usage); quote text that"
                    + " contains spaces)",
                at: extra.location, command: spec.name)
        }
    }

    /// The first flag marked `required` that was not given is a usage error naming it:
    /// `consume needs --group GROUP`.
    private func checkRequiredFlags() throws {
        if let missing = spec.flags.first(where: { $0.required && flags[$0.name] == nil }) {
            throw missingFlag(missing.name)
        }
    }

    private func missingFlag(_ name: String) -> UsageError {
        let word = spec.flag(named: name)?.usageWord ?? name
        return UsageError(
            "\(spec.name) needs \(word) (usage: \(spec.usage))", at: location, command: spec.name)
    }

    // MARK: - Reading values

    /// True when the switch was given.
    public func has(_ flag: String) -> Bool { flags[flag] != nil }

    public var wantsHelp: Bool { has("--help") }

    /// The positional at `index`, or nil when an optional one was not given.
    public func positional(_ index: Int) -> Token? {
        index < positionals.count ? positionals[index] : nil
    }

    /// The text of a required positional.
    public func string(at index: Int) -> String { positionals[index].text }

    public func token(_ flag: String) -> Token? { flags[flag]?.last }

    /// The value of a flag marked `required`, which matching already checked was given.
    public func requiredToken(_ flag: String) throws -> Token {
        guard let token = token(flag) else { throw missingFlag(flag) }
        return token
    }

    public func string(_ flag: String) -> String? { flags[flag]?.last?.text }

    public func strings(_ flag: String) -> [String] { flags[flag]?.map(\.text) ?? [] }

    public func tokens(_ flag: String) -> [Token] { flags[flag] ?? [] }

    /// An integer flag, checked against `range`.
    public func int(_ flag: String, range: ClosedRange<Int>? = nil) throws -> Int? {
        guard let token = token(flag) else { return nil }
        return try Arguments.integer(token, name: flag, range: range, command: spec.name)
    }

    public func int(_ flag: String, default value: Int, range: ClosedRange<Int>? = nil) throws
        -> Int
    {
        try int(flag, range: range) ?? value
    }

    /// The integer value of a flag marked `required`, checked against `range`.
    public func requiredInt(_ flag: String, range: ClosedRange<Int>? = nil) throws -> Int {
        try Arguments.integer(
            requiredToken(flag), name: flag, range: range, command: spec.name)
    }

    /// An integer positional, checked against `range`.
    public func int(at index: Int, name: String, range: ClosedRange<Int>? = nil) throws -> Int? {
        guard let token = positional(index) else { return nil }
        return try Arguments.integer(token, name: name, range: range, command: spec.name)
    }

    static func integer(
        _ token: Token, name: String, range: ClosedRange<Int>?, command: String
    ) throws -> Int {
        let bounds = { (range: ClosedRange<Int>) in
            let low = Figures.grouped(range.lowerBound)
            return range.upperBound == Int.max && range.lowerBound != Int.min
                ? "at least \(low)" : "between \(low) and \(Figures.grouped(range.upperBound))"
        }
        guard let value = Int(token.text) else {
            // Digits too many for an integer are a number out of range, not a word.
            if Arguments.isWholeNumber(token.text) {
                throw UsageError(
                    "\(name) must be \(bounds(range ?? Int.min...Int.max)), not \(token.text)",
                    at: token.location, command: command)
            }
            throw UsageError(
                "\(name) needs a whole number, not '\(token.text)'", at: token.location,
                command: command)
        }
        if let range, !range.contains(value) {
            throw UsageError(
                "\(name) must be \(bounds(range)), not \(Figures.grouped(value))",
                at: token.location, command: command)
        }
        return value
    }

    /// `123`, `-45`, `+6`: an optional sign and decimal digits, however many.
    static func isWholeNumber(_ text: String) -> Bool {
        let digits = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// A duration flag such as `--timeout 5s`, in milliseconds.
    public func duration(_ flag: String) throws -> Int64? {
        guard let token = token(flag) else { return nil }
        return try duration(token, name: flag)
    }

    /// The duration in `token`, in milliseconds; `name` (a flag or the command) is named in the
    /// usage error for text that is not one or is longer than `Duration.maximum`.
    public func duration(_ token: Token, name: String) throws -> Int64 {
        switch Duration.parse(token.text) {
        case .success(let millis):
            return millis
        case .failure(let problem):
            throw UsageError(
                Duration.message(problem, name: name, text: token.text), at: token.location,
                command: spec.name)
        }
    }

    /// A usage error at `token` (or at the command when nil), for checks commands make.
    public func usageError(_ message: String, at token: Token? = nil) -> UsageError {
        UsageError(message, at: token?.location ?? location, command: spec.name)
    }
}

/// A command was written wrongly: unknown flag, missing argument, bad number. Exit status 2.
public struct UsageError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation
    public var command: String?

    public init(_ message: String, at location: SourceLocation = .unknown, command: String? = nil) {
        self.message = message
        self.location = location
        self.command = command
    }

    public var description: String { message }
}

/// "Did you mean" suggestions by edit distance.
public enum Suggest {
    /// The candidate closest to `word`, if it is close enough to be a likely typo.
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(word, $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        let limit = max(1, min(3, word.count / 3))
        return best.1 <= limit ? best.0 : nil
    }

    /// Edit distance over characters, where swapping two neighbours counts as one edit
    /// (`hbu` is one typo away from `hub`).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
