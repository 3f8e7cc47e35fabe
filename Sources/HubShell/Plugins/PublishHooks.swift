import HubCore
import HubPluginAPI

/// Runs the publish hooks of the enabled plugins over the events of one publish.
///
/// This is the first step of every publish, from `publish` and from plugins: hooks see each event
/// as it was given and may change or refuse it. Everything after them (schema validation,
/// choosing the partition, the size check, the append) sees the events as the hooks left them.
/// Every event passes the hooks before anything is appended, so one refusal publishes nothing.
enum PublishHooks {
    /// The events after every hook, in load order, has seen each of them.
    static func apply(_ events: [EventData], hub: String, context: ShellContext) throws
        -> [EventData]
    {
        let hooks = context.plugins.hooks
        guard !hooks.isEmpty else { return events }
        var result: [EventData] = []
        result.reserveCapacity(events.count)
        for (index, data) in events.enumerated() {
            var event = PluginEvent(data)
            let place = HookContext(hub: hub, index: index, count: events.count)
            for (hook, plugin) in hooks {
                let verdict: HookVerdict
                do {
                    verdict = try hook.run(&event, place)
                } catch {
                    verdict = .reject(String(describing: error))
                }
                if case .reject(let reason) = verdict {
                    let which = events.count == 1 ? "the event" : "event \(index + 1)"
                    throw CommandFailure(
                        "hook '\(hook.name)' of plugin '\(plugin.name)' refused \(which):"
                            + " \(reason); nothing was published")
                }
            }
            result.append(EventData(event))
        }
        return result
    }
}
