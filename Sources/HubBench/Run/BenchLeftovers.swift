import HubCore

/// What killed benchmark runs left behind, found and, where that is safe, removed by the next
/// run: throwaway hubs and the engine's raw-baseline scratch storage whose owner process is
/// gone.
///
/// A run stopped by Ctrl-C, SIGTERM or SIGHUP removes its own; SIGKILL, a crash or a power
/// cut leave them. On an engine confined to this machine (the embedded log) a process id in a
/// name settles whether its run is still going, so leftovers are removed; hubs of live
/// processes, such as another bench running now on the same data directory, stay. On a
/// cluster the owner may run on another machine, so leftovers are only listed, and a person
/// removes them with `hub delete`. Throwaway hubs of hubsh before names carried a process id
/// are listed on every engine.
public struct BenchLeftovers: Sendable, Equatable {
    /// Throwaway hubs deleted.
    public var removedHubs: [String] = []
    /// Scratch storage of raw baselines removed (directories of the embedded log).
    public var removedScratch: [String] = []
    /// Hubs that look left behind but were kept: their owner cannot be told for sure.
    public var keptHubs: [String] = []

    public init() {}

    /// Sweeps `log`. Failures do not stop the run that sweeps: a hub that cannot be deleted
    /// (another run deleting it at the same moment, say) is left for the next run.
    public static func sweep(log: EventLog) -> BenchLeftovers {
        var found = BenchLeftovers()
        let engine = log as? EngineBenchmarks
        let confined = engine?.isConfinedToThisMachine ?? false
        let names = (try? log.hubs().map(\.name)) ?? []
        for name in names.sorted() {
            if let owner = ThrowawayHubName.owner(of: name) {
                guard !OwnerProcess.isAlive(owner) else { continue }
                if !confined {
                    found.keptHubs.append(name)
                } else if (try? log.deleteHub(named: name)) != nil {
                    found.removedHubs.append(name)
                }
            } else if ThrowawayHubName.isOlderForm(name) {
                found.keptHubs.append(name)
            }
        }
        found.removedScratch = engine?.removeAbandonedScratch() ?? []
        return found
    }

    /// One line on what was removed: `removed what stopped benches left behind: hubs
    /// bench-4711-6a5e6ec9; baseline scratch bench-baseline-4711-1`; nil when nothing was.
    public var removalSummary: String? {
        var parts: [String] = []
        if !removedHubs.isEmpty {
            parts.append(
                (removedHubs.count == 1 ? "hub " : "hubs ") + BenchLeftovers.list(removedHubs))
        }
        if !removedScratch.isEmpty {
            parts.append("baseline scratch " + BenchLeftovers.list(removedScratch))
        }
        guard !parts.isEmpty else { return nil }
        return "removed what stopped benches left behind: " + parts.joined(separator: "; ")
    }

    /// One line on the hubs kept: what they are and how to remove them; nil when none.
    public var keptSummary: String? {
        guard let first = keptHubs.first else { return nil }
        let one = keptHubs.count == 1
        return (one ? "hub " : "hubs ") + BenchLeftovers.list(keptHubs)
            + (one ? " looks" : " look") + " left behind by stopped benches; unless a bench"
            + " elsewhere still uses \(one ? "it" : "them"), remove \(one ? "it" : "each") with"
            + (one ? " 'hub delete \(first)'" : " 'hub delete NAME'")
    }

    /// Up to three names, then how many more.
    static func list(_ names: [String]) -> String {
        let shown = names.prefix(3).joined(separator: ", ")
        return names.count > 3 ? shown + " and \(names.count - 3) more" : shown
    }
}
