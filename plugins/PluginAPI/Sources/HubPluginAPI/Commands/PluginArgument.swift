/// A positional argument of a plugin command.
public struct PluginArgument: Sendable {
    /// Upper case in help, such as `HUB`.
    public var name: String
    public var help: String
    public var optional: Bool
    /// Takes every remaining word; only the last argument may.
    public var variadic: Bool
    public var completion: PluginCompletion

    public init(
        _ name: String, _ help: String, optional: Bool = false, variadic: Bool = false,
        completion: PluginCompletion = .none
    ) {
        self.name = name
        self.help = help
        self.optional = optional
        self.variadic = variadic
        self.completion = completion
    }
}

/// A flag of a plugin command or an option of a generator.
///
///     PluginFlag("--top", value: "N", "show the N most frequent keys (default 10)")
///     PluginFlag("--by", value: "WHAT", "partition or key",
///                completion: .words(["partition", "key"]))
///     PluginFlag("--verbose-rows", "show every row")
public struct PluginFlag: Sendable {
    /// `--name`: two dashes, then lower-case letters, digits and `-`.
    public var name: String
    /// `-x`, if any.
    public var short: String?
    /// The value's name in help, such as `N`; nil for a switch that takes no value.
    public var valueName: String?
    public var help: String
    /// May be given more than once; `PluginArguments.strings` returns every value.
    public var repeatable: Bool
    public var completion: PluginCompletion

    public init(
        _ name: String, short: String? = nil, value valueName: String? = nil, _ help: String,
        repeatable: Bool = false, completion: PluginCompletion = .none
    ) {
        self.name = name
        self.short = short
        self.valueName = valueName
        self.help = help
        self.repeatable = repeatable
        self.completion = completion
    }
}
