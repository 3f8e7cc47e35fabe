import XCTest

@testable import HubBench

final class LatencyHistogramTests: XCTestCase {
    func testPercentilesOfKnownValuesAreWithinTheRelativeError() {
        var histogram = LatencyHistogram()
        for value in 1...100_000 { histogram.record(UInt64(value) * 1000) }

        for percentile in [50.0, 90, 99, 99.9] {
            let exact = Double(percentile) * 1000 * 1000
            let reported = Double(histogram.value(atPercentile: percentile))
            XCTAssertGreaterThanOrEqual(reported, exact, "p\(percentile)")
            XCTAssertLessThanOrEqual(
                (reported - exact) / exact, LatencyHistogram.relativeError, "p\(percentile)")
        }
        XCTAssertEqual(histogram.count, 100_000)
        XCTAssertEqual(histogram.minimum, 1000)
        XCTAssertEqual(histogram.maximum, 100_000_000)
        XCTAssertEqual(histogram.value(atPercentile: 100), 100_000_000)
        XCTAssertEqual(histogram.mean, 50_000_500, accuracy: 1)
    }

    func testSmallValuesAreCountedExactly() {
        var histogram = LatencyHistogram()
        for value in [3, 3, 7, 200] as [UInt64] { histogram.record(value) }
        XCTAssertEqual(histogram.value(atPercentile: 50), 3)
        XCTAssertEqual(histogram.value(atPercentile: 75), 7)
        XCTAssertEqual(histogram.value(atPercentile: 99), 200)
    }

    func testPercentilesComeInOrderAndNeverPassTheMaximum() {
        var histogram = LatencyHistogram()
        var seed: UInt64 = 42
        for _ in 0..<10_000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1
            histogram.record((seed >> 40) * (seed >> 60 == 0 ? 1000 : 1))
        }
        let values = [50.0, 90, 99, 99.9, 100].map { histogram.value(atPercentile: $0) }
        XCTAssertEqual(values, values.sorted())
        XCTAssertLessThanOrEqual(values.last!, histogram.maximum)
        XCTAssertGreaterThanOrEqual(values.first!, histogram.minimum)
    }

    func testMergingThreadHistogramsEqualsRecordingEverythingInOne() {
        var all = LatencyHistogram()
        var parts = [LatencyHistogram](repeating: LatencyHistogram(), count: 4)
        for value in 0..<5000 {
            let latency = UInt64(value * value + 17)
            all.record(latency)
            parts[value % 4].record(latency)
        }
        var merged = LatencyHistogram()
        parts.forEach { merged.merge($0) }
        XCTAssertEqual(merged, all)
    }

    func testRecordingTimesCountsEachTime() {
        var histogram = LatencyHistogram()
        histogram.record(5_000_000, times: 1000)
        histogram.record(100, times: 1)
        XCTAssertEqual(histogram.count, 1001)
        XCTAssertEqual(histogram.value(atPercentile: 50), histogram.value(atPercentile: 99))
        XCTAssertEqual(histogram.value(atPercentile: 0.01), 100)
    }

    func testBucketsCoverEveryValueWithoutGapsOrOverlap() {
        var expectedLower: UInt64 = 0
        for index in 0..<(64 - LatencyHistogram.precisionBits + 1) << LatencyHistogram.precisionBits
        {
            let range = LatencyHistogram.bucketRange(index)
            XCTAssertEqual(range.lowerBound, expectedLower, "bucket \(index)")
            XCTAssertEqual(LatencyHistogram.bucketIndex(of: range.lowerBound), index)
            XCTAssertEqual(LatencyHistogram.bucketIndex(of: range.upperBound), index)
            if range.upperBound == .max { break }
            expectedLower = range.upperBound + 1
        }
        XCTAssertEqual(LatencyHistogram.bucketIndex(of: .max) + 1,
                       (64 - LatencyHistogram.precisionBits + 1) << LatencyHistogram.precisionBits)
    }

    func testAnEmptyHistogramReportsZeros() {
        let histogram = LatencyHistogram()
        XCTAssertTrue(histogram.isEmpty)
        XCTAssertEqual(histogram.value(atPercentile: 99), 0)
        XCTAssertEqual(histogram.mean, 0)
        XCTAssertTrue(histogram.buckets.isEmpty)
    }
}
