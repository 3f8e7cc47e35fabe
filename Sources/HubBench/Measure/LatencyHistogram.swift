/// A histogram of latencies in nanoseconds, HDR style: every value is counted in a bucket
/// whose width is at most 1/128 of the values it holds, so every percentile it reports is
/// within 0.8% of the true one, from nanoseconds to centuries, in 59 KiB.
///
/// Buckets are log-linear. Values below 256 have a bucket each. Above, each power of two
/// `[2^k, 2^(k+1))` is cut into 128 equal buckets. A percentile is reported as the highest
/// value its bucket can hold (never below the true value), clamped to the largest value seen.
///
/// Histograms merge exactly: each producer thread records into its own, without locks, and
/// the run adds them up at the end.
///
///     var histogram = LatencyHistogram()
///     histogram.record(1_250_000)
///     histogram.value(atPercentile: 99)   // 1_253_375, within 0.8% of 1.25 ms
public struct LatencyHistogram: Sendable, Equatable {
    /// Each power of two is split into 2^precisionBits buckets.
    public static let precisionBits = 7
    /// The largest relative error of a reported value: the width of a bucket over its start.
    public static let relativeError = 1.0 / Double(1 << precisionBits)

    private static let subBuckets = 1 << precisionBits
    private static let bucketCount = (64 - precisionBits + 1) << precisionBits

    /// Counts per bucket; empty until the first value, so an unused histogram costs nothing.
    private var counts: [UInt64] = []
    public private(set) var count: UInt64 = 0
    /// The smallest and largest values recorded, exactly; 0 when empty.
    public private(set) var minimum: UInt64 = 0
    public private(set) var maximum: UInt64 = 0
    /// The sum of the values, for the mean.
    private var total: Double = 0

    public init() {}

    public var isEmpty: Bool { count == 0 }

    public var mean: Double { count == 0 ? 0 : total / Double(count) }

    /// Counts `value` `times` times (a batch's latency counts once per event of the batch).
    public mutating func record(_ value: UInt64, times: UInt64 = 1) {
        guard times > 0 else { return }
        if counts.isEmpty { counts = [UInt64](repeating: 0, count: Self.bucketCount) }
        counts[Self.bucketIndex(of: value)] &+= times
        if count == 0 || value < minimum { minimum = value }
        if value > maximum { maximum = value }
        count &+= times
        total += Double(value) * Double(times)
    }

    /// Adds every value of `other` to this histogram.
    public mutating func merge(_ other: LatencyHistogram) {
        guard !other.isEmpty else { return }
        if counts.isEmpty { counts = [UInt64](repeating: 0, count: Self.bucketCount) }
        for index in other.counts.indices where other.counts[index] > 0 {
            counts[index] &+= other.counts[index]
        }
        minimum = count == 0 ? other.minimum : min(minimum, other.minimum)
        maximum = max(maximum, other.maximum)
        count &+= other.count
        total += other.total
    }

    /// The value at `percentile` (0 to 100): the smallest value that at least that share of
    /// the recorded values do not exceed, up to the bucket's precision. 0 when empty.
    public func value(atPercentile percentile: Double) -> UInt64 {
        guard count > 0 else { return 0 }
        let share = min(max(percentile, 0), 100) / 100
        let rank = max(1, UInt64((share * Double(count)).rounded(.up)))
        var seen: UInt64 = 0
        for index in counts.indices where counts[index] > 0 {
            seen &+= counts[index]
            if seen >= rank {
                return min(max(Self.bucketRange(index).upperBound, minimum), maximum)
            }
        }
        return maximum
    }

    /// The non-empty buckets in value order: the values each can hold and how many it holds.
    public var buckets: [(values: ClosedRange<UInt64>, count: UInt64)] {
        counts.indices.compactMap { index in
            counts[index] > 0 ? (Self.bucketRange(index), counts[index]) : nil
        }
    }

    // MARK: - Buckets

    /// The bucket that counts `value`.
    static func bucketIndex(of value: UInt64) -> Int {
        guard value >= UInt64(subBuckets) << 1 else { return Int(value) }
        let highestBit = 63 - value.leadingZeroBitCount
        let shift = highestBit - precisionBits
        let offset = Int((value >> UInt64(shift)) & UInt64(subBuckets - 1))
        return (shift + 1) << precisionBits + offset
    }

    /// The values bucket `index` holds.
    static func bucketRange(_ index: Int) -> ClosedRange<UInt64> {
        guard index >= subBuckets << 1 else { return UInt64(index)...UInt64(index) }
        let shift = UInt64((index >> precisionBits) - 1)
        let offset = UInt64(index & (subBuckets - 1))
        let lower = (UInt64(subBuckets) + offset) << shift
        return lower...(lower &+ ((1 << shift) - 1))
    }
}
