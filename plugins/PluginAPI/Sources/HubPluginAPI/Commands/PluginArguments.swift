/// The words of a command line, matched against the command's spec: what `run` receives.
///
///     let hub = arguments.string(at: 0) ?? ""
///     let top = try arguments.int("--top", default: 10, range: 1...100)
///     if arguments.wantsJSON { ... }
public struct PluginArguments: Sendable {
    /// The positional arguments, in order.
    public var positionals: [String]
    /// Flag values by the flag's long name; a switch maps to an empty list.
    public var flags: [String: [String]]
    /// True when the command should print JSON: its own `--json`, or hubsh's.
    public var wantsJSON: Bool

    public init(positionals: [String], flags: [String: [String]], wantsJSON: Bool) {
        self.positionals = positionals
        self.flags = flags
        self.wantsJSON = wantsJSON
    }

    /// True when the flag was given.
    public func has(_ flag: String) -> Bool {
        flags[flag] != nil
    }

    /// The positional at `index`, or nil when an optional one was not given.
    public func string(at index: Int) -> String? {
        index < positionals.count ? positionals[index] : nil
    }

    /// The last value given to `flag`.
    public func string(_ flag: String) -> String? {
        flags[flag]?.last
    }

    /// Every value given to a repeatable `flag`, in order.
    public func strings(_ flag: String) -> [String] {
        flags[flag] ?? []
    }

    /// A whole-number flag, checked against `range`; `fallback` when it was not given.
    public func int(_ flag: String, default fallback: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = string(flag) else { return fallback }
        guard let value = Int(text) else {
            throw PluginUsageError("\(flag) needs a whole number, not '\(text)'")
        }
        guard range.contains(value) else {
            throw PluginUsageError(
                "\(flag) must be between \(range.lowerBound) and \(range.upperBound), not \(value)")
        }
        return value
    }

    /// A number flag, checked against `range`; `fallback` when it was not given.
    public func double(_ flag: String, default fallback: Double, range: ClosedRange<Double>)
        throws -> Double
    {
        guard let text = string(flag) else { return fallback }
        guard let value = Double(text), value.isFinite else {
            throw PluginUsageError("\(flag) needs a number, not '\(text)'")
        }
        guard range.contains(value) else {
            throw PluginUsageError(
                "\(flag) must be between \(range.lowerBound) and \(range.upperBound), not \(text)")
        }
        return value
    }

    /// A flag that takes one of `choices`; `fallback` when it was not given.
    public func choice(_ flag: String, among choices: [String], default fallback: String) throws
        -> String
    {
        guard let text = string(flag) else { return fallback }
        guard choices.contains(text) else {
            throw PluginUsageError(
                "\(flag) takes \(choices.joined(separator: ", ")), not '\(text)'")
        }
        return text
    }
}
