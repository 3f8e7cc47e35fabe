import HubCore

/// The twenty value streams of Kestrel Ridge Supply Co., a fictional outdoor-gear retailer
/// with web shop, app, stores, four warehouses and a delivery fleet.
///
/// `publish --sample NAME` and `samples/onboard.hsh` come from here:
///
///     let stream = try SampleCatalog.lookup("telemetry")     // warehouse-telemetry
///     print(SampleCatalog.listing())
public enum SampleCatalog {
    /// The company the samples describe.
    public static let company = "Kestrel Ridge Supply Co."

    /// 2026-11-02T08:00:00Z: the time sample events start at unless a caller gives another, so
    /// that a seed alone reproduces them.
    public static let referenceTime: Int64 = 1_793_606_400_000

    /// Every stream, in the order the onboarding script creates their hubs.
    public static let streams: [ValueStream] = [
        .orders, .payments, .inventory, .shipping, .returns,
        .customerProfile, .loyalty, .pricing, .catalog, .reviews,
        .clickstream, .search, .recommendations, .fraudAlerts, .supportTickets,
        .marketingCampaigns, .warehouseTelemetry, .fleetTracking, .invoicing, .notifications,
    ]

    public static var hubNames: [String] { streams.map(\.hub) }

    /// Hub names and aliases: every word `publish --sample` accepts.
    public static var names: [String] { streams.flatMap { [$0.hub] + $0.aliases } }

    /// The stream whose hub name or alias is `name`, ignoring case and treating `_` as `-`.
    public static func stream(named name: String) -> ValueStream? {
        let wanted = normalized(name)
        return streams.first { $0.hub == wanted || $0.aliases.contains(wanted) }
    }

    /// Like `stream(named:)`, but throws `SampleError.unknownStream` with a close name, if any.
    public static func lookup(_ name: String) throws -> ValueStream {
        if let stream = stream(named: name) { return stream }
        let wanted = normalized(name)
        // The closest word may be an alias; suggest its stream's name, the one the list shows.
        let suggestion = names
            .map { ($0, editDistance($0, wanted)) }
            .filter { $0.1 <= 2 || $0.0.hasPrefix(wanted) && !wanted.isEmpty }
            .min { $0.1 < $1.1 }
            .flatMap { stream(named: $0.0)?.hub }
        throw SampleError.unknownStream(name, suggestion: suggestion)
    }

    /// One line per stream, name, key field and summary in columns, for `publish --sample` help:
    ///
    ///     orders               orderId      Orders from the web shop, app, stores and ...
    public static func listing() -> String {
        let nameWidth = streams.map(\.hub.count).max() ?? 0
        let keyWidth = streams.map(\.keyField.count).max() ?? 0
        return streams.map { stream in
            padded(stream.hub, nameWidth) + "  " + padded(stream.keyField, keyWidth) + "  "
                + stream.summary
        }.joined(separator: "\n")
    }

    static func normalized(_ name: String) -> String {
        String(name.lowercased().map { $0 == "_" ? "-" : $0 })
    }

    static func padded(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    /// The Levenshtein distance: the fewest single-character edits that turn `a` into `b`.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let source = Array(a)
        let target = Array(b)
        var previous = Array(0...target.count)
        for (i, sourceCharacter) in source.enumerated() {
            var current = [i + 1]
            for (j, targetCharacter) in target.enumerated() {
                let substitution = previous[j] + (sourceCharacter == targetCharacter ? 0 : 1)
                current.append(min(substitution, previous[j + 1] + 1, current[j] + 1))
            }
            previous = current
        }
        return previous[target.count]
    }
}
