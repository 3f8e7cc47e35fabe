/// A command a plugin adds, with the spec that help, parsing and completion read.
///
///     PluginCommand(
///         PluginCommandSpec(
///             ["hello"], summary: "greet a hub",
///             arguments: [PluginArgument("HUB", "the hub", completion: .hub)]),
///         run: { arguments, host in
///             let hub = try host.hub(named: arguments.string(at: 0) ?? "")
///             host.write("hello, \(hub.name)")
///         })
///
/// hubsh parses the words after the command against the spec before `run` is called: unknown
/// flags, missing arguments and `--help` never reach the plugin. Every command also takes
/// `--json` (see `PluginArguments.wantsJSON`) and `--help`; a spec does not declare them.
public struct PluginCommand: Sendable {
    public var spec: PluginCommandSpec
    /// Runs the command on the shell's thread. Throw `PluginUsageError` for a command written
    /// wrongly (exit status 2) and `PluginError` for a failure (exit status 1).
    public var run: @Sendable (PluginArguments, any PluginHost) throws -> Void

    public init(
        _ spec: PluginCommandSpec,
        run: @escaping @Sendable (PluginArguments, any PluginHost) throws -> Void
    ) {
        self.spec = spec
        self.run = run
    }
}

/// What a command accepts, and the text of its help.
public struct PluginCommandSpec: Sendable {
    /// The command's words, such as `["skew"]` or `["report", "keys"]`: lower-case letters,
    /// digits and `-`. They must not be, start, or be the start of, another command.
    public var words: [String]
    /// One line, shown by `help`.
    public var summary: String
    /// Paragraphs shown by `help COMMAND`.
    public var details: [String]
    /// Positional arguments, in order; only the last may be variadic.
    public var arguments: [PluginArgument]
    public var flags: [PluginFlag]
    /// Complete example command lines.
    public var examples: [String]

    public init(
        _ words: [String], summary: String, details: [String] = [],
        arguments: [PluginArgument] = [], flags: [PluginFlag] = [], examples: [String] = []
    ) {
        self.words = words
        self.summary = summary
        self.details = details
        self.arguments = arguments
        self.flags = flags
        self.examples = examples
    }
}
