import Foundation
import HubBench

/// A latency histogram drawn for a terminal: one row per latency range, ranges growing
/// geometrically from the fastest value to the slowest, each with a bar, its share of the
/// values and the share at or below it.
///
///     ≤ 1.10 ms  ████████████████████████████████▌        61.2%   61.2%
///     ≤ 1.35 ms  ██████████▎                              19.5%   80.7%
enum LatencyChart {
    static let rows = 12
    static let barWidth = 40
    private static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    static func lines(_ histogram: LatencyHistogram) -> [String] {
        guard !histogram.isEmpty else { return [] }
        let limits = upperLimits(low: histogram.minimum, high: histogram.maximum)
        var counts = [UInt64](repeating: 0, count: limits.count)
        var row = 0
        for bucket in histogram.buckets {
            let value = min(bucket.values.upperBound, histogram.maximum)
            while row < limits.count - 1 && value > limits[row] { row += 1 }
            counts[row] += bucket.count
        }

        let used = counts.indices.filter { counts[$0] > 0 }
        guard let first = used.first, let last = used.last else { return [] }
        let labels = (first...last).map { "≤ " + Figures.duration(nanos: limits[$0]) }
        let labelWidth = labels.map(\.count).max() ?? 0
        let tallest = Double(counts.max() ?? 1)
        var cumulative: UInt64 = 0
        return (first...last).enumerated().map { offset, index in
            cumulative += counts[index]
            let bar = self.bar(Double(counts[index]) / tallest)
            let share = percent(counts[index], of: histogram.count)
            let atOrBelow = percent(cumulative, of: histogram.count)
            return Output.pad(labels[offset], labelWidth, right: true) + "  "
                + Output.pad(bar, barWidth, right: false) + "  "
                + Output.pad(share, 6, right: true) + "  " + Output.pad(atOrBelow, 6, right: true)
        }
    }

    /// The top of each row's range: `rows` limits from `low` to `high`, each the previous
    /// one times the same factor; one row when every value was the same.
    static func upperLimits(low: UInt64, high: UInt64) -> [UInt64] {
        let start = Double(max(low, 1))
        let end = Double(max(high, 1))
        guard end > start else { return [high] }
        let factor = pow(end / start, 1 / Double(rows))
        var limits = (1..<rows).map { UInt64((start * pow(factor, Double($0))).rounded(.up)) }
        limits.append(high)
        return limits
    }

    /// A bar `fraction` of `barWidth` long, to an eighth of a character.
    static func bar(_ fraction: Double) -> String {
        guard fraction > 0 else { return "" }
        let eighthsLong = Int((fraction * Double(barWidth * 8)).rounded())
        let full = String(repeating: "█", count: eighthsLong / 8)
        let tip = eighths[eighthsLong % 8]
        return full + tip + (eighthsLong == 0 ? "▏" : "")
    }

    static func percent(_ part: UInt64, of whole: UInt64) -> String {
        guard whole > 0 else { return "-" }
        return Figures.decimal(100 * Double(part) / Double(whole), places: 1) + "%"
    }
}
