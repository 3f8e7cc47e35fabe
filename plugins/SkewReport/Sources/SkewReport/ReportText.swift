import HubPluginAPI

/// A skew report for a person: one row per partition or key with a bar, then the figures.
///
///     PARTITION  EVENTS  SHARE
///             0     312  31.2%  ████████████████████████▍
///             1     240  24.0%  ██████████████████▊
///     1000 events in 4 partitions of hub 'orders': skew 1.25 (skewed), coefficient of
///     variation 0.17
enum ReportText {
    static func write(_ report: SkewReport, to host: any PluginHost) {
        let terminal = host.terminal
        let maxEvents = report.rows.map(\.events).max() ?? 0
        let labelTitle = report.by == "key" ? "KEY" : "PARTITION"
        let keyed = report.by == "key"

        // The bar takes what the terminal has left after the other columns.
        let labelWidth = max(labelTitle.count, report.rows.map(\.label.count).max() ?? 0)
        let countWidth = max(6, String(maxEvents).count)
        let used = labelWidth + 2 + countWidth + 2 + 6 + 2 + (keyed ? 11 : 0)
        let barWidth = max(10, min(60, terminal.columns - used - 1))

        var rows: [[String]] = []
        for row in report.rows {
            var bar = BarChart.bar(
                row.events, of: maxEvents, width: barWidth)
            if terminal.useColor { bar = "\u{1B}[36m" + bar + "\u{1B}[0m" }
            var cells = [row.label, String(row.events), percent(report.share(of: row))]
            if keyed { cells.append(row.partition.map(String.init) ?? "") }
            cells.append(bar)
            rows.append(cells)
        }
        var columns = [
            TableColumn(labelTitle, numeric: !keyed), TableColumn("EVENTS", numeric: true),
            TableColumn("SHARE", numeric: true),
        ]
        if keyed { columns.append(TableColumn("PARTITION", numeric: true)) }
        columns.append(TableColumn(""))
        host.writeTable(columns, rows: rows)
        host.log(.info, summary(report))
    }

    static func summary(_ report: SkewReport) -> String {
        let figures = "skew \(fixed(report.skew)) (\(report.verdict)), coefficient of variation"
            + " \(fixed(report.coefficientOfVariation))"
        if report.by == "partition" {
            return "\(report.total) events in \(report.rows.count) partitions of hub"
                + " '\(report.hub)': \(figures)"
        }
        return "\(report.total) recent events of hub '\(report.hub)', \(report.distinctKeys)"
            + " keys (top \(report.rows.count) shown), \(report.withoutKey) without a key:"
            + " \(figures) among the keys shown"
    }

    static func percent(_ share: Double) -> String {
        let tenths = Int((share * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    static func fixed(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
