/// Horizontal bars drawn with block characters, in eighths of a column.
enum BarChart {
    /// Partial blocks, from one eighth to seven eighths of a column.
    static let partials: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar for `value` out of `maximum`, `width` columns long at the maximum. A value above
    /// zero gets at least a sliver, so that it never looks like nothing.
    static func bar(_ value: Int64, of maximum: Int64, width: Int) -> String {
        guard maximum > 0, value > 0 else { return "" }
        let eighths = max(1, Int((Double(value) / Double(maximum) * Double(width * 8)).rounded()))
        var bar = String(repeating: "█", count: eighths / 8)
        if eighths % 8 > 0 { bar.append(partials[eighths % 8 - 1]) }
        return bar
    }
}
