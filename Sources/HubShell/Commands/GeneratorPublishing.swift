import HubCore
import HubPluginAPI

/// Events for `publish HUB --generator NAME [options]`, from a generator that a plugin adds.
///
/// The generator makes all `--count` events before any is published, so that hooks and the
/// size check can refuse one before anything lands. Flags of `publish` (key, partition, content
/// type, properties) win over what the generator sets, as with `--sample`.
enum GeneratorPublishing {
    static func events(
        _ name: Token, count: Int, seed: UInt64?, hub: HubProperties, sources: EventSources,
        arguments: Arguments, context: ShellContext
    ) throws -> [EventData] {
        guard let (generator, plugin) = context.plugins.generator(named: name.text) else {
            let disabled = context.plugins.disabledHint(generator: name.text)
            guard disabled.isEmpty else {
                throw arguments.usageError("no generator '\(name.text)'" + disabled, at: name)
            }
            let names = context.plugins.generatorNames
            let known = names.isEmpty
                ? "no plugin adds a generator (load one with 'plugin load PATH')"
                : "generators: " + names.joined(separator: ", ")
            throw arguments.usageError("no generator '\(name.text)'; \(known)", at: name)
        }
        let host = ShellPluginHost(context: context, plugin: plugin.name)
        let options = PluginAdapters.values(
            arguments, flags: generator.options.map(\.name), wantsJSON: false)
        let request = GeneratorRequest(
            hub: HubSummary(hub), options: options, seed: seed, count: count,
            now: Timestamp.now(), host: host)

        var events: [EventData] = []
        events.reserveCapacity(count)
        do {
            let producer = try generator.make(request)
            while events.count < count, let event = try producer.next() {
                if events.count % 1024 == 0 && context.isInterrupted { break }
                events.append(EventData(event))
            }
        } catch {
            throw PluginAdapters.shellError(error, plugin: plugin.name, arguments: arguments)
        }
        let partitionGiven = arguments.has("--partition")
        return events.map { sources.overriding($0, partitionGiven: partitionGiven) }
    }
}
