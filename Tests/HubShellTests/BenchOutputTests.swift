import HubBench
import HubCore
import XCTest

@testable import HubShell

/// How bench results read: figures, the latency chart and the JSON object.
final class BenchOutputTests: XCTestCase {
    func testFiguresReadAsPeopleWriteThem() {
        XCTAssertEqual(Figures.grouped(1_234_567), "1,234,567")
        XCTAssertEqual(Figures.grouped(999), "999")
        XCTAssertEqual(Figures.grouped(-1000), "-1,000")
        XCTAssertEqual(Figures.decimal(0.905, places: 2), "0.91")
        XCTAssertEqual(Figures.duration(nanos: 850), "850 ns")
        XCTAssertEqual(Figures.duration(nanos: 12_345), "12.3 µs")
        XCTAssertEqual(Figures.duration(nanos: 1_250_000), "1.25 ms")
        XCTAssertEqual(Figures.duration(nanos: 2_100_000_000), "2.10 s")
        XCTAssertEqual(Figures.rate(85_210.4), "85,210")
        XCTAssertEqual(Figures.rate(0.6), "0.6")
        XCTAssertEqual(Figures.rate(3), "3")
    }

    func testLargeDecimalsAreGroupedAndOneIsSingular() {
        XCTAssertEqual(Figures.groupedDecimal(1_000_000, places: 1), "1,000,000.0")
        XCTAssertEqual(Figures.groupedDecimal(-1234.5, places: 1), "-1,234.5")
        XCTAssertEqual(Figures.groupedDecimal(0.25, places: 2), "0.25")
        XCTAssertEqual(Figures.count(1, "event"), "1 event")
        XCTAssertEqual(Figures.count(0, "event"), "0 events")
        XCTAssertEqual(Figures.count(2000, "record"), "2,000 records")
        XCTAssertEqual(Figures.count(1, "byte"), "1 byte")
    }

    func testProgressLineIsCutToTheTerminalWidth() {
        let line = "publish, 16 producers  1,809,000/12,000,000 events  15%  3,012,421 events/s"
        XCTAssertEqual(Output.fitted(line, columns: 40).unicodeScalars.count, 39)
        XCTAssertTrue(line.hasPrefix(Output.fitted(line, columns: 40)))
        XCTAssertEqual(Output.fitted(line, columns: 200), line)
        XCTAssertEqual(Output.fitted(line, columns: 0), line, "width unknown: as it is")
        var progress = RunControl.Progress(
            phase: BenchPublish.phase(PublishWorkload(events: 10)), done: 5, total: 10,
            elapsedNanos: 1_000_000_000)
        XCTAssertTrue(BenchSession.describe(progress).hasPrefix("publish  5/10 events  50%"))
        progress.phase = BenchPublish.phase(PublishWorkload(events: 10, producers: 3))
        XCTAssertTrue(BenchSession.describe(progress).hasPrefix("publish, 3 producers  5/10"))
        // Every phase of a run of rounds says which round it is in, the baseline's too.
        progress.phase = BenchPublish.inRound("baseline", 2, of: 3)
        XCTAssertTrue(BenchSession.describe(progress).hasPrefix("baseline, round 2 of 3  5/10"))
        XCTAssertEqual(BenchPublish.inRound("publish", 1, of: 1), "publish")
    }

    func testChartRowsShareEveryValueAndEndAtAHundredPercent() {
        var histogram = LatencyHistogram()
        for value in 1...10_000 { histogram.record(UInt64(value) * 997) }
        let rows = LatencyChart.lines(histogram)

        XCTAssertLessThanOrEqual(rows.count, LatencyChart.rows)
        XCTAssertGreaterThan(rows.count, 1)
        XCTAssertTrue(rows.last?.hasSuffix("100.0%") ?? false, rows.joined(separator: "\n"))
        let shares = rows.map { row -> Double in
            let words = row.split(separator: " ")
            return Double(words[words.count - 2].dropLast()) ?? -1
        }
        XCTAssertEqual(shares.reduce(0, +), 100, accuracy: 0.6)
        XCTAssertTrue(rows.allSatisfy { $0.contains("≤ ") })
    }

    func testChartOfOneRepeatedValueIsOneFullRow() {
        var histogram = LatencyHistogram()
        histogram.record(5000, times: 10)
        let rows = LatencyChart.lines(histogram)
        XCTAssertEqual(rows.count, 1)
        XCTAssertTrue(rows[0].contains(String(repeating: "█", count: LatencyChart.barWidth)))
        XCTAssertTrue(LatencyChart.lines(LatencyHistogram()).isEmpty)
    }

    func testReportJSONCarriesTheResultAndTheRatioToItsReference() throws {
        var latency = LatencyHistogram()
        latency.record(1_000_000, times: 100)
        let result = BenchResult(
            benchmark: "publish", events: 100, bytes: 10_000, elapsedNanos: 1_000_000_000,
            latency: latency, latencyMeaning: "per event", commits: 10, peakResidentBytes: 1)
        var reference = result
        reference.elapsedNanos = 2_000_000_000
        let report = BenchReport(
            summary: "test", settings: [("events", .int(100))], hub: nil, result: result,
            reference: .init(name: "baseline", description: "raw", result: reference))

        let json = report.json
        XCTAssertEqual(json["events"], .number("100"))
        XCTAssertEqual(json["eventsPerSecond"], .number("100.0"))
        XCTAssertEqual(json["ratioToBaseline"], .number("2.0000"))
        XCTAssertEqual(json["baseline"]?["description"], .string("raw"))
        let p99 = latency.value(atPercentile: 99)
        XCTAssertEqual(json["latencyNanos"]?["p99"], .number(String(p99)))
        XCTAssertEqual(json["settings"]?["events"], .number("100"))
    }

    /// A finished publish round at `rate` events/s, measured next to a baseline twice as fast.
    private func round(_ index: Int, rate: Int, interrupted: Bool = false)
        -> BenchPublish.Round
    {
        var result = BenchResult(
            benchmark: "publish", events: rate, bytes: rate, elapsedNanos: 1_000_000_000,
            latency: LatencyHistogram(), latencyMeaning: "", peakResidentBytes: nil)
        result.interrupted = interrupted
        var reference = result
        reference.events = rate * 2
        return BenchPublish.Round(index: index, hub: nil, result: result, reference: reference)
    }

    func testARoundCutShortIsNeverTakenForTheMedian() {
        let two = BenchPublish.Round.describe(
            [round(1, rate: 100), round(2, rate: 300)], of: 3,
            stopped: round(3, rate: 5, interrupted: true), reference: "baseline")
        XCTAssertEqual(
            two,
            "0.50  0.50 (median 0.50 times the baseline's events/s): 2 of 3 finished;"
                + " round 3 was stopped early and is not counted")
        let none = BenchPublish.Round.describe(
            [], of: 3, stopped: round(1, rate: 5, interrupted: true), reference: "baseline")
        XCTAssertEqual(
            none, "none of 3 finished: the figures above are of round 1, stopped early")
        XCTAssertFalse(none.contains("median"))
    }

    func testAStopBeforeHubshPublishedLeavesNoRatio() {
        var reference = BenchResult(
            benchmark: "baseline", events: 10, bytes: 10, elapsedNanos: 1_000_000,
            latency: LatencyHistogram(), latencyMeaning: "", peakResidentBytes: nil)
        reference.interrupted = true
        let report = BenchReport(
            summary: "test", settings: [], hub: nil, result: .nothing("publish"),
            reference: .init(name: "baseline", description: "raw", result: reference))
        XCTAssertNil(report.ratio)
        XCTAssertEqual(report.json["ratioToBaseline"], .null)
        XCTAssertEqual(report.json["interrupted"], .bool(true))
        XCTAssertEqual(report.json["peakResidentBytes"], .null)
        let stopped = BenchPublish.Round(index: 1, hub: nil, result: nil, reference: reference)
        XCTAssertEqual(stopped.json["eventsPerSecond"], .null)
        XCTAssertEqual(stopped.json["ratio"], .null)
        XCTAssertEqual(
            BenchReport.throughput(.nothing("publish")),
            "none measured: stopped before an event was done")
    }
}
