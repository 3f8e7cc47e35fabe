import HubCore
import HubPluginAPI

/// `--format NAME` of `read` and `tail`: text for a person, JSON lines, or a format a plugin adds.
enum EventFormatChoice {
    /// The formats hubsh itself has; a plugin may not take these names.
    static let builtInNames = ["text", "json"]

    static let flag = Flag(
        "--format", value: "NAME", "text, json, or a format a plugin adds (see 'plugin list')",
        completion: .format)

    /// The renderer for the command's `--format` and `--json`: `--json` alone means json, and
    /// a `--format` overrides hubsh's global `--json`.
    static func renderer(_ arguments: Arguments, hub: String, context: ShellContext) throws
        -> EventRenderer
    {
        guard let token = arguments.token("--format") else {
            return .printer(
                EventPrinter(output: context.output, json: context.output.wantsJSON(arguments)))
        }
        if arguments.has("--json") {
            throw arguments.usageError("give --json or --format, not both", at: token)
        }
        switch token.text {
        case "text": return .printer(EventPrinter(output: context.output, json: false))
        case "json": return .printer(EventPrinter(output: context.output, json: true))
        default: break
        }
        guard let (format, plugin) = context.plugins.format(named: token.text) else {
            let disabled = context.plugins.disabledHint(format: token.text)
            guard disabled.isEmpty else {
                throw arguments.usageError("no format '\(token.text)'" + disabled, at: token)
            }
            let names = builtInNames + context.plugins.formatNames
            throw arguments.usageError(
                "no format '\(token.text)'; use \(names.joined(separator: ", "))"
                    + " (plugins can add more: see 'plugin list')",
                at: token)
        }
        let host = ShellPluginHost(context: context, plugin: plugin.name)
        do {
            let formatter = try format.make(FormatRequest(hub: hub, terminal: host.terminal))
            return .plugin(formatter, output: context.output)
        } catch {
            throw PluginAdapters.shellError(error, plugin: plugin.name, arguments: arguments)
        }
    }
}

/// Prints the events of one `read` or `tail` in the chosen format: `begin` once, `render` for
/// each event, `end` once.
enum EventRenderer {
    case printer(EventPrinter)
    case plugin(any EventFormatter, output: Output)

    /// True for the formats meant for a person, after which a summary note fits.
    var isText: Bool {
        if case .printer(let printer) = self { return !printer.json }
        return false
    }

    /// True for hubsh's JSON lines, after which a JSON summary line fits.
    var isJSON: Bool {
        if case .printer(let printer) = self { return printer.json }
        return false
    }

    func begin() {
        if case .plugin(let formatter, let output) = self {
            formatter.header().forEach { output.line($0) }
        }
    }

    func render(_ event: ReceivedEvent) {
        switch self {
        case .printer(let printer):
            printer.print(event)
        case .plugin(let formatter, let output):
            formatter.lines(for: StoredEvent(event)).forEach { output.line($0) }
        }
    }

    func end() {
        if case .plugin(let formatter, let output) = self {
            formatter.footer().forEach { output.line($0) }
        }
    }
}
