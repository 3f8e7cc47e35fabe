import HubBench
import HubCore

/// How a bench run is shown: aligned lines and a latency chart for people, one JSON object on
/// one line for scripts.
struct BenchReport {
    /// What ran, in words: `100,000 events of 100 bytes in batches of 100, ...`.
    var summary: String
    /// The settings, as JSON members.
    var settings: [(String, JSONValue)]
    var hub: BenchHub?
    var result: BenchResult
    /// What the run is compared with, measured in the same run: the raw baseline, or the same
    /// workload with fewer producers.
    var reference: Reference?
    /// More members for the JSON object, and lines for people, such as the other process's
    /// side of a two-process run.
    var extraJSON: [(String, JSONValue)] = []
    var extraLines: [(String, String)] = []

    /// A run measured next to the main one.
    struct Reference {
        /// Its row label and JSON key: `baseline`, or `reference`.
        var name: String
        /// What it was, in words.
        var description: String
        var result: BenchResult
    }

    /// The share of the reference's event rate that the measured run reached; nil when
    /// either side measured no events (a stop can come before the measured run begins).
    var ratio: Double? {
        guard let reference, reference.result.eventsPerSecond > 0, result.events > 0 else {
            return nil
        }
        return result.eventsPerSecond / reference.result.eventsPerSecond
    }

    func print(to output: Output, json: Bool) {
        if json {
            output.json(self.json)
        } else {
            text(output)
        }
    }

    // MARK: - For people

    private func text(_ output: Output) {
        output.line(output.style(.bold, "bench \(result.benchmark)") + ": " + summary)
        var rows: [(String, String)] = []
        if let hub {
            rows.append(
                ("hub", hub.name + (hub.isThrowaway ? " (throwaway, removed afterwards)" : "")))
        }
        rows.append(("throughput", BenchReport.throughput(result)))
        if let commits = result.commits, let perCommit = result.eventsPerCommit {
            rows.append(
                ("commits", "\(Figures.grouped(Int(commits))) ("
                    + "\(Figures.groupedDecimal(perCommit, places: 1)) events per commit)"))
        }
        if let cycles = result.cycles, cycles.groups > 0 {
            rows.append(("per commit", BenchReport.cycleSteps(cycles)))
        }
        if let perEvent = result.contextSwitchesPerEvent {
            rows.append(
                ("switches", Figures.decimal(perEvent, places: 2) + " context switches per event"))
        }
        rows.append(("latency", BenchReport.percentiles(result.latency)))
        rows.append(("", result.latencyMeaning))
        if result.missing > 0 {
            rows.append(
                ("missing", Figures.count(result.missing, "event") + " never arrived"))
        }
        if let peak = result.peakResidentBytes {
            rows.append(("memory", "peak resident " + ByteSize.format(Int64(peak))))
        }
        if let reference {
            rows.append((reference.name, BenchReport.throughput(reference.result)))
            rows.append(("", reference.description))
            rows.append(("", "latency " + BenchReport.percentiles(reference.result.latency)))
        }
        if let reference {
            rows.append(
                ("vs " + reference.name,
                 ratio.map { Figures.decimal($0, places: 2) + " times its events/s" }
                    ?? "no ratio: one side measured no events"))
        }
        rows += extraLines
        if result.interrupted {
            rows.append(("stopped", "early: the figures cover the part that ran"))
        }
        let width = rows.map(\.0.count).max() ?? 0
        for (label, value) in rows {
            output.line("  " + Output.pad(label, width, right: false) + "  " + value)
        }
        let chart = LatencyChart.lines(result.latency)
        if !chart.isEmpty {
            output.line()
            output.line(
                "  latency distribution of " + Figures.count(Int(result.latency.count), "value")
                    + ": share, and share at or below")
            chart.forEach { output.line("  " + $0) }
        }
    }

    /// `85,210 events/s  8.52 MB/s  100,000 events in 1.17 s`, or that a stop came before
    /// any event was done.
    static func throughput(_ result: BenchResult) -> String {
        if result.events == 0 && result.interrupted {
            return "none measured: stopped before an event was done"
        }
        return "\(Figures.rate(result.eventsPerSecond)) events/s  "
            + "\(Figures.decimal(result.megabytesPerSecond, places: 2)) MB/s  "
            + Figures.count(result.events, "event") + " in "
            + Figures.duration(nanos: result.elapsedNanos)
    }

    /// `412 µs committing, 56 µs gathering, 14 µs between commits`: the mean time per shared
    /// commit of each step.
    static func cycleSteps(_ cycles: CommitCycles) -> String {
        let groups = cycles.groups
        return [
            (cycles.committingNanos, "committing"), (cycles.gatheringNanos, "gathering"),
            (cycles.betweenNanos, "between commits"),
        ].map { Figures.duration(nanos: $0.0 / groups) + " " + $0.1 }.joined(separator: ", ")
    }

    /// `p50 1.12 ms  p90 1.31 ms  p99 2.40 ms  p99.9 4.12 ms  max 5.01 ms`
    static func percentiles(_ histogram: LatencyHistogram) -> String {
        guard !histogram.isEmpty else { return "none measured" }
        return BenchReport.percentileNames.map { name, percentile in
            "\(name) " + Figures.duration(nanos: histogram.value(atPercentile: percentile))
        }.joined(separator: "  ") + "  max " + Figures.duration(nanos: histogram.maximum)
    }

    static let percentileNames: [(String, Double)] = [
        ("p50", 50), ("p90", 90), ("p99", 99), ("p99.9", 99.9),
    ]

    // MARK: - For scripts

    var json: JSONValue {
        var members: [(String, JSONValue)] = [("benchmark", .string(result.benchmark))]
        if let hub {
            members.append(("hub", .string(hub.name)))
            members.append(("throwawayHub", .bool(hub.isThrowaway)))
        }
        members.append(("settings", .object(settings)))
        members += BenchReport.members(of: result)
        if let reference {
            members.append(
                (reference.name,
                 .object([("description", .string(reference.description))]
                    + BenchReport.members(of: reference.result))))
        }
        if let reference {
            let key = "ratioTo" + reference.name.prefix(1).uppercased() + reference.name.dropFirst()
            members.append((key, ratio.map { .number(Figures.decimal($0, places: 4)) } ?? .null))
        }
        return .object(members + extraJSON)
    }

    static func members(of result: BenchResult) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = [
            ("events", .int(result.events)),
            ("bytes", .int(result.bytes)),
            ("seconds", .number(Figures.decimal(result.seconds, places: 6))),
            ("eventsPerSecond", .number(Figures.decimal(result.eventsPerSecond, places: 1))),
            ("megabytesPerSecond", .number(Figures.decimal(result.megabytesPerSecond, places: 3))),
        ]
        if let commits = result.commits { members.append(("commits", .int(commits))) }
        if let cycles = result.cycles {
            members.append(
                ("commitCycles",
                 .object([
                    ("groups", .int(cycles.groups)),
                    ("committingNanos", .int(cycles.committingNanos)),
                    ("gatheringNanos", .int(cycles.gatheringNanos)),
                    ("betweenNanos", .int(cycles.betweenNanos)),
                 ])))
        }
        if let switches = result.contextSwitches {
            members.append(("contextSwitches", .int(switches)))
        }
        members.append(("latencyNanos", latencyJSON(result.latency)))
        members.append(("latencyMeaning", .string(result.latencyMeaning)))
        members.append(("peakResidentBytes", result.peakResidentBytes.map { .int($0) } ?? .null))
        members.append(("missing", .int(result.missing)))
        members.append(("interrupted", .bool(result.interrupted)))
        return members
    }

    static func latencyJSON(_ histogram: LatencyHistogram) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("count", .int(histogram.count)),
            ("min", .int(histogram.minimum)),
            ("mean", .number(Figures.decimal(histogram.mean, places: 1))),
        ]
        for (name, percentile) in percentileNames {
            let key = name == "p99.9" ? "p999" : name
            members.append((key, .int(histogram.value(atPercentile: percentile))))
        }
        members.append(("max", .int(histogram.maximum)))
        return .object(members)
    }
}
