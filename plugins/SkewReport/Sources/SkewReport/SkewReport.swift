import HubPluginAPI

/// The counts behind a skew report and the figures that sum them up.
struct SkewReport {
    struct Row {
        /// A partition id, or a partition key.
        var label: String
        var events: Int64
        /// For a key: the partition it hashes to.
        var partition: Int?
    }

    var hub: String
    /// `partition` or `key`.
    var by: String
    var rows: [Row]
    /// Every event counted, including those of keys not shown.
    var total: Int64
    /// For `--by key`: events counted that carry no key.
    var withoutKey: Int64 = 0
    /// For `--by key`: how many different keys the counted events have.
    var distinctKeys: Int = 0

    /// The largest count over the mean; 1 is perfectly even.
    var skew: Double {
        guard !rows.isEmpty, total > 0 else { return 1 }
        let mean = Double(rows.reduce(0) { $0 + $1.events }) / Double(rows.count)
        return Double(rows.map(\.events).max() ?? 0) / mean
    }

    /// The standard deviation of the counts over their mean.
    var coefficientOfVariation: Double {
        guard rows.count > 1 else { return 0 }
        let counts = rows.map { Double($0.events) }
        let mean = counts.reduce(0, +) / Double(counts.count)
        guard mean > 0 else { return 0 }
        let variance = counts.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(counts.count)
        return variance.squareRoot() / mean
    }

    /// How the spread reads to a person.
    var verdict: String {
        if total == 0 { return "no events to judge" }
        if skew < 1.2 { return "balanced" }
        if skew < 2 { return "skewed" }
        return "heavily skewed"
    }

    static func byPartition(hub: HubSummary, host: any PluginHost) throws -> SkewReport {
        let partitions = try host.partitions(ofHub: hub.name)
        let rows = partitions.map { Row(label: String($0.partition), events: $0.eventCount) }
        return SkewReport(
            hub: hub.name, by: "partition", rows: rows, total: rows.reduce(0) { $0 + $1.events })
    }

    static func byKey(hub: HubSummary, last: Int, top: Int, host: any PluginHost) throws
        -> SkewReport
    {
        var counts: [String: (events: Int64, partition: Int)] = [:]
        var withoutKey: Int64 = 0
        var total: Int64 = 0
        for partition in 0..<hub.partitionCount {
            if host.isInterrupted { break }
            let events = try host.read(
                hub: hub.name, partition: partition, from: .last(Int64(last)), maxCount: last)
            total += Int64(events.count)
            for stored in events {
                guard let key = stored.event.partitionKey else {
                    withoutKey += 1
                    continue
                }
                counts[key, default: (0, partition)].events += 1
            }
        }
        let ranked = counts.sorted { ($1.value.events, $0.key) < ($0.value.events, $1.key) }
        let rows = ranked.prefix(top).map {
            Row(label: $0.key, events: $0.value.events, partition: $0.value.partition)
        }
        return SkewReport(
            hub: hub.name, by: "key", rows: Array(rows), total: total, withoutKey: withoutKey,
            distinctKeys: counts.count)
    }

    var json: PluginJSON {
        var members: [(String, PluginJSON)] = [
            ("hub", .string(hub)), ("by", .string(by)), ("events", .int(total)),
            ("skew", .double(SkewReport.rounded(skew))),
            ("coefficientOfVariation", .double(SkewReport.rounded(coefficientOfVariation))),
            ("verdict", .string(verdict)),
        ]
        if by == "key" {
            members.append(("distinctKeys", .int(Int64(distinctKeys))))
            members.append(("withoutKey", .int(withoutKey)))
        }
        members.append(("rows", .array(rows.map { row in
            var fields: [(String, PluginJSON)] = [
                (by, .string(row.label)), ("events", .int(row.events)),
                ("share", .double(SkewReport.rounded(share(of: row)))),
            ]
            if let partition = row.partition {
                fields.append(("partition", .string(String(partition))))
            }
            return .object(fields)
        })))
        return .object(members)
    }

    /// The row's part of every event counted, from 0 to 1.
    func share(of row: Row) -> Double {
        total == 0 ? 0 : Double(row.events) / Double(total)
    }

    static func rounded(_ value: Double) -> Double {
        (value * 1000).rounded() / 1000
    }
}
