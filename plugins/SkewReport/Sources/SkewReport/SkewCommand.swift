import HubPluginAPI

/// `skew HUB [--by partition|key] [--last N] [--top N]`: a table of how many events each
/// partition (or partition key) holds, with a bar per row and a verdict on the spread.
enum SkewCommand {
    static let command = PluginCommand(
        PluginCommandSpec(
            ["skew"], summary: "show how evenly a hub's events spread over partitions or keys",
            details: [
                "By partition it counts the retained events of each partition. Skew is the"
                    + " largest partition over the mean: 1.00 is perfectly even, and above"
                    + " 1.20 one partition gets noticeably more than its share, which caps the"
                    + " throughput of the consumers that read it.",
                "By key it reads the last N events of every partition and counts them by"
                    + " partition key: a few hot keys explain a skewed partition.",
            ],
            arguments: [
                PluginArgument(
                    "HUB", "a hub with events", completion: .custom(hubsWithEvents)),
            ],
            flags: [
                PluginFlag(
                    "--by", value: "WHAT", "partition (default) or key",
                    completion: .words(["partition", "key"])),
                PluginFlag(
                    "--last", value: "N",
                    "with --by key, how many recent events of each partition to count"
                        + " (default 1000)"),
                PluginFlag(
                    "--top", value: "N", "with --by key, how many keys to show (default 10)"),
            ],
            examples: ["skew telemetry", "skew telemetry --by key --top 5", "skew orders --json"]),
        run: run)

    static func run(_ arguments: PluginArguments, _ host: any PluginHost) throws {
        let hub = try host.hub(named: arguments.string(at: 0) ?? "")
        let by = try arguments.choice("--by", among: ["partition", "key"], default: "partition")
        let last = try arguments.int("--last", default: 1000, range: 1...1_000_000)
        let top = try arguments.int("--top", default: 10, range: 1...1000)
        if by == "partition" && (arguments.has("--last") || arguments.has("--top")) {
            throw PluginUsageError("--last and --top apply to --by key")
        }

        let report = by == "partition"
            ? try SkewReport.byPartition(hub: hub, host: host)
            : try SkewReport.byKey(hub: hub, last: last, top: top, host: host)
        if arguments.wantsJSON {
            host.writeJSON(report.json)
        } else {
            ReportText.write(report, to: host)
        }
    }

    /// Completes HUB with the hubs that hold events: the skew of an empty hub says nothing.
    @Sendable
    static func hubsWithEvents(_ request: CompletionRequest) -> [String] {
        let hubs = (try? request.host.hubs()) ?? []
        return hubs.filter { hub in
            let partitions = (try? request.host.partitions(ofHub: hub.name)) ?? []
            return partitions.contains { $0.eventCount > 0 }
        }.map(\.name)
    }
}
