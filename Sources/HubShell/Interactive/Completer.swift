import Foundation
import HubCore

/// Tab completion: what the word under the cursor could become.
///
///     let completer = Completer(registry: registry, context: context)
///     completer.complete(line: "hub c", cursor: 5)         // ["create"]
///     completer.complete(line: "tail ord", cursor: 8)      // ["orders"], from the log
///
/// Command words and subcommands come from the registry, flags from the matched command's
/// spec, and values from the spec's `CompletionKind`: hubs, groups and partitions from the log,
/// paths from the disk, generators, formats and completions that plugins add. A failure to read
/// the log completes nothing. It needs no terminal, so tests call it directly; the line editor
/// calls it on the shell's thread.
public struct Completer {
    public let registry: CommandRegistry
    public let context: ShellContext

    public init(registry: CommandRegistry, context: ShellContext) {
        self.registry = registry
        self.context = context
    }

    /// Candidates for the word under the cursor, and where that word starts.
    public struct Completion: Equatable, Sendable {
        /// Offset of the word's first character, in Unicode scalars of the line.
        public var wordStart: Int
        /// Replacements for the text from `wordStart` to the cursor, quoted where needed.
        public var candidates: [String]
    }

    /// Replacements for the word that ends at `cursor` (an offset in Unicode scalars).
    public func complete(line: String, cursor: Int) -> [String] {
        completion(line: line, cursor: cursor).candidates
    }

    public func completion(line: String, cursor: Int) -> Completion {
        let scalars = Array(line.unicodeScalars.prefix(max(0, cursor)))
        let typed = String(String.UnicodeScalarView(scalars))
        var lexer = Lexer(typed, file: nil, lenient: true)
        let statements = (try? lexer.statements()) ?? []

        // The words of the command being typed, and the word under the cursor if one is.
        var words = statements.last?.words ?? []
        if let last = words.last {
            let between = String(String.UnicodeScalarView(scalars[last.range.upperBound...]))
            if between.contains("#") { return Completion(wordStart: cursor, candidates: []) }
            if between.contains(";") || between.contains("\n") { words = [] }
        }
        var current: Word? = nil
        if let last = words.last, last.range.upperBound == scalars.count {
            current = words.removeLast()
        }
        if let current, let names = variableNames(completing: current, in: scalars) {
            return Completion(wordStart: current.range.lowerBound, candidates: names)
        }
        let expander = Expander(lookup: { [context] in context.variable($0) ?? "" })
        let before = words.compactMap { try? expander.expand($0).text }
        let partial = current?.literalText ?? ""

        let values = candidates(before: before, partial: partial)
        let matching = Set(values.filter { $0.fits(partial) }.map(\.text)).sorted()
        return Completion(
            wordStart: current?.range.lowerBound ?? scalars.count,
            candidates: matching.map(Quoting.quoted))
    }

    /// `$HU` becomes `$HUB`: the names of shell and environment variables, when the word being
    /// typed ends in a `$NAME` without braces. The word is kept as typed up to the `$`.
    func variableNames(completing word: Word, in scalars: [Unicode.Scalar]) -> [String]? {
        guard case .variable(let name, _)? = word.parts.last else { return nil }
        let typed = String(String.UnicodeScalarView(scalars[word.range]))
        guard typed.hasSuffix("$" + name) else { return nil }
        let head = String(typed.dropLast(name.count))
        let names = Set(context.variables.keys)
            .union(ProcessInfo.processInfo.environment.keys)
        return names.filter { $0.hasPrefix(name) }.sorted().map { head + $0 }
    }

    // MARK: - What fits where

    /// A word that could replace the one being typed, and how it must start to fit.
    ///
    /// Hub, consumer group, schema group, schema and plugin names are found in any case, so
    /// `ord` fits `Orders` and Tab replaces the typed prefix with the name as it was created;
    /// commands, flags, paths and the other words fit only as written.
    struct Candidate: Equatable {
        var text: String
        var anyCase: Bool

        func fits(_ partial: String) -> Bool {
            if text.hasPrefix(partial) { return true }
            return anyCase && Names.folded(text).hasPrefix(Names.folded(partial))
        }
    }

    /// Every value that fits after `before`, unfiltered.
    func candidates(before: [String], partial: String) -> [Candidate] {
        var result = commandWords(after: before).map { Candidate(text: $0, anyCase: false) }
        if let (command, used) = registry.match(before) {
            result += arguments(of: command, given: Array(before.dropFirst(used)), partial: partial)
        }
        return result
    }

    /// The next word of the command paths that start with `before`.
    func commandWords(after before: [String]) -> [String] {
        registry.commands.compactMap { command in
            let path = command.spec.path
            guard path.count > before.count, Array(path.prefix(before.count)) == before else {
                return nil
            }
            return path[before.count]
        }
    }

    /// Flags or values for the word after `given`, the arguments typed so far.
    func arguments(of command: Command, given: [String], partial: String) -> [Candidate] {
        let spec = command.spec(for: given, context: context)
        if spec.path == ["help"] {
            return commandWords(after: given).map { Candidate(text: $0, anyCase: false) }
        }

        if partial.hasPrefix("--"), let equals = partial.firstIndex(of: "=") {
            let name = String(partial[..<equals])
            guard let flag = spec.flag(named: name), flag.takesValue else { return [] }
            let value = String(partial[partial.index(after: equals)...])
            return candidates(flag.completion, given: given, spec: spec, partial: value)
                .map { Candidate(text: name + "=" + $0.text, anyCase: $0.anyCase) }
        }
        if partial.hasPrefix("-") {
            return spec.flags.filter { !$0.hidden && ($0.repeatable || !given.contains($0.name)) }
                .map { Candidate(text: $0.name, anyCase: false) }
        }
        if let previous = given.last, let flag = spec.flag(named: previous), flag.takesValue {
            return candidates(flag.completion, given: given, spec: spec, partial: partial)
        }

        let positionals = Completer.positionals(in: given, spec: spec)
        guard !spec.positionals.isEmpty else { return [] }
        let index = positionals.count
        guard index < spec.positionals.count || spec.positionals.last!.variadic else { return [] }
        let positional = spec.positionals[min(index, spec.positionals.count - 1)]
        return candidates(positional.completion, given: given, spec: spec, partial: partial)
    }

    /// The values of one kind, marked as names (found in any case) where they are.
    func candidates(
        _ kind: CompletionKind, given: [String], spec: CommandSpec, partial: String
    ) -> [Candidate] {
        let anyCase: Bool
        switch kind {
        case .hub, .group, .plugin, .names: anyCase = true
        default: anyCase = false
        }
        return values(kind, given: given, spec: spec, partial: partial)
            .map { Candidate(text: $0, anyCase: anyCase) }
    }

    /// The positional arguments among `given`: words that are neither flags nor their values.
    static func positionals(in given: [String], spec: CommandSpec) -> [String] {
        var result: [String] = []
        var index = 0
        var flagsEnded = false
        while index < given.count {
            let word = given[index]
            index += 1
            if !flagsEnded && word == "--" {
                flagsEnded = true
            } else if !flagsEnded, word.hasPrefix("-"), word.count > 1,
                !Arguments.looksNumeric(word)
            {
                if let flag = spec.flag(named: word), flag.takesValue, !word.contains("=") {
                    index += 1
                }
            } else {
                result.append(word)
            }
        }
        return result
    }

    // MARK: - Values

    /// The values of one kind; whatever the log cannot tell completes nothing.
    func values(
        _ kind: CompletionKind, given: [String], spec: CommandSpec, partial: String
    ) -> [String] {
        let hub = Completer.positionals(in: given, spec: spec).first
        switch kind {
        case .none:
            return []
        case .hub:
            return ((try? context.log.hubs()) ?? []).map(\.name)
        case .group:
            guard let hub else { return [] }
            return ((try? context.log.consumerGroups(hub: hub)) ?? []).map(\.name)
        case .partition:
            guard let hub else { return [] }
            return (try? context.log.hub(named: hub))?.partitionIds ?? []
        case .file:
            return paths(matching: partial)
        case .sample:
            return SampleNames.all()
        case .position:
            return ["earliest", "latest", "seq:", "offset:", "time:"]
        case .words(let words):
            return words
        case .generator:
            return context.plugins.generatorNames
        case .format:
            return EventFormatChoice.builtInNames + context.plugins.formatNames
        case .plugin:
            return context.plugins.all.map(\.name)
        case .custom(let complete), .names(let complete):
            return complete(given, partial, context)
        }
    }

    /// Entries of the folder `partial` points into, folders ending in `/`. Hidden entries
    /// appear once the name being typed starts with a dot.
    func paths(matching partial: String) -> [String] {
        let slash = partial.lastIndex(of: "/")
        let folderPart = slash.map { String(partial[...$0]) } ?? ""
        let namePart = slash.map { String(partial[partial.index(after: $0)...]) } ?? partial
        let folder = context.resolve(path: folderPart.isEmpty ? "." : folderPart)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            return []
        }
        let showHidden = namePart.hasPrefix(".")
        return names.filter { $0.hasPrefix(namePart) && (showHidden || !$0.hasPrefix(".")) }
            .map { name in
                var isFolder: ObjCBool = false
                let path = (folder as NSString).appendingPathComponent(name)
                _ = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
                return folderPart + name + (isFolder.boolValue ? "/" : "")
            }
    }
}
