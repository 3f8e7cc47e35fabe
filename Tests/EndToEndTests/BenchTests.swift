import Foundation
import XCTest

/// The bench commands through the built binary: the shape and sanity of what they report, on
/// small runs. Nothing here asserts a speed.
final class BenchTests: XCTestCase {
    var hubsh = Hubsh()

    override func tearDown() {
        hubsh.cleanUp()
    }

    /// The one JSON object a bench command printed.
    private func report(_ command: String, file: StaticString = #filePath, line: UInt = #line)
        throws -> [String: Any]
    {
        let result = hubsh.script(command, ["--json"])
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        let objects = result.jsonLines(file: file, line: line)
        XCTAssertEqual(objects.count, 1, result.stdout, file: file, line: line)
        return try XCTUnwrap(objects.first, file: file, line: line)
    }

    /// Checks the members every report has, and that its latencies come in order.
    private func checkShape(
        _ report: [String: Any], events: Int, size: Int, file: StaticString = #filePath,
        line: UInt = #line
    ) throws {
        XCTAssertEqual(report["events"] as? Int, events, file: file, line: line)
        XCTAssertEqual(report["bytes"] as? Int, events * size, file: file, line: line)
        XCTAssertGreaterThan(report["eventsPerSecond"] as? Double ?? 0, 0, file: file, line: line)
        XCTAssertNotNil(report["megabytesPerSecond"] as? Double, file: file, line: line)
        XCTAssertGreaterThan(report["seconds"] as? Double ?? 0, 0, file: file, line: line)
        XCTAssertGreaterThan(report["peakResidentBytes"] as? Int ?? 0, 0, file: file, line: line)
        XCTAssertEqual(report["interrupted"] as? Bool, false, file: file, line: line)
        let latency = try XCTUnwrap(
            report["latencyNanos"] as? [String: Any], file: file, line: line)
        let order = ["min", "p50", "p90", "p99", "p999", "max"].map { latency[$0] as? Int ?? -1 }
        XCTAssertEqual(order, order.sorted(), "\(latency)", file: file, line: line)
        XCTAssertGreaterThanOrEqual(order[0], 0, file: file, line: line)
        XCTAssertNotNil(latency["mean"], file: file, line: line)
        XCTAssertNotNil(report["latencyMeaning"] as? String, file: file, line: line)
    }

    func testBenchPublishReportsEveryEventAndTheBaselineAndRemovesItsHub() throws {
        let report = try report("bench publish --events 300 --batch 10 --no-sync --vs-baseline")
        try checkShape(report, events: 300, size: 100)
        XCTAssertEqual(report["benchmark"] as? String, "publish")
        XCTAssertEqual(report["throwawayHub"] as? Bool, true)
        let latency = report["latencyNanos"] as? [String: Any]
        XCTAssertEqual(latency?["count"] as? Int, 300)
        let commits = try XCTUnwrap(report["commits"] as? Int)
        XCTAssertTrue((1...300).contains(commits))
        let settings = report["settings"] as? [String: Any]
        XCTAssertEqual(settings?["batch"] as? Int, 10)
        XCTAssertEqual(settings?["durability"] as? String, "no-sync")
        XCTAssertEqual(settings?["roundRobin"] as? String, "batch")

        let baseline = try XCTUnwrap(report["baseline"] as? [String: Any])
        try checkShape(baseline, events: 300, size: 100)
        XCTAssertEqual(baseline["commits"] as? Int, 30)
        XCTAssertGreaterThan(report["ratioToBaseline"] as? Double ?? 0, 0)

        let hubs = hubsh.script("hub list --json")
        XCTAssertEqual(hubs.stdout, "")
        let left = try FileManager.default.contentsOfDirectory(atPath: hubsh.dataDirectory)
        XCTAssertEqual(left.filter { $0.hasPrefix("bench-baseline-") }, [])
    }

    func testBenchPublishWithManyProducersComparesWithFewerInTheSameRun() throws {
        let report = try report(
            "bench publish --events 64 --batch 1 --producers 8 --vs-producers 1 --rounds 2"
                + " --keys 5")
        try checkShape(report, events: 64, size: 100)
        let reference = try XCTUnwrap(report["reference"] as? [String: Any])
        XCTAssertEqual(reference["events"] as? Int, 8)
        XCTAssertGreaterThan(report["ratioToReference"] as? Double ?? 0, 0)
        XCTAssertEqual((report["rounds"] as? [Any])?.count, 2)
        XCTAssertLessThanOrEqual(report["commits"] as? Int ?? 65, 64)
    }

    func testBenchPublishTakesItsSharedCommitsApart() throws {
        let report = try report("bench publish --events 120 --batch 1 --producers 6 --sync")
        try checkShape(report, events: 120, size: 100)
        let commits = try XCTUnwrap(report["commits"] as? Int)
        let cycles = try XCTUnwrap(report["commitCycles"] as? [String: Any])
        // Every commit of this run was a leader's group: none failed and was tried alone.
        XCTAssertEqual(cycles["groups"] as? Int, commits)
        XCTAssertGreaterThan(cycles["committingNanos"] as? Int ?? 0, 0)
        for step in ["gatheringNanos", "betweenNanos"] {
            XCTAssertGreaterThanOrEqual(cycles[step] as? Int ?? -1, 0, step)
        }
        // The steps of a commit fit in the run's time.
        let steps = ["committingNanos", "gatheringNanos", "betweenNanos"]
            .reduce(0) { $0 + (cycles[$1] as? Int ?? 0) }
        let seconds = try XCTUnwrap(report["seconds"] as? Double)
        XCTAssertLessThanOrEqual(Double(steps), seconds * 1e9 * 1.01)
        XCTAssertGreaterThanOrEqual(report["contextSwitches"] as? Int ?? -1, 0)

        let text = hubsh.script("bench publish --events 40 --batch 1 --producers 4 --sync")
        XCTAssertEqual(text.status, 0, text.stderr)
        let row = text.stdout.split(separator: "\n").first {
            $0.drop { $0 == " " }.hasPrefix("per commit")
        }
        XCTAssertNotNil(row, text.stdout)
        for step in ["committing", "gathering", "between commits"] {
            XCTAssertTrue(row?.contains(step) ?? false, "\(row ?? "")")
        }
        XCTAssertTrue(text.stdout.contains("context switches per event"), text.stdout)
    }

    func testBenchReadDecodesEveryStoredEvent() throws {
        let report = try report("bench read --events 2500 --size 50 --partitions 3")
        try checkShape(report, events: 2500, size: 50)
        XCTAssertEqual(report["benchmark"] as? String, "read")
    }

    func testBenchReadOnAnExistingHubKeepsIt() throws {
        hubsh.script("hub create kept --partitions 2; publish kept --count 40 --no-sync x")
        let report = try report("bench read --hub kept")
        try checkShape(report, events: 40, size: 1)
        XCTAssertEqual(report["throwawayHub"] as? Bool, false)
        XCTAssertTrue(hubsh.script("hub list").stdout.contains("kept"))
    }

    func testBenchEndToEndInOneProcessDeliversEveryEvent() throws {
        let report = try report("bench e2e --events 200 --rate 2000/s --no-sync --producers 2")
        try checkShape(report, events: 200, size: 100)
        XCTAssertEqual(report["missing"] as? Int, 0)
        XCTAssertEqual((report["latencyNanos"] as? [String: Any])?["count"] as? Int, 200)
        let rate = try XCTUnwrap(report["publishRate"] as? [String: Any])
        XCTAssertEqual(rate["asked"] as? Double, 2000)
        XCTAssertGreaterThan(rate["reached"] as? Double ?? 0, 0)
        XCTAssertNotNil(rate["keptUp"] as? Bool)
    }

    func testBenchEndToEndSummarySaysHowEventsAreRouted() {
        let summary = { (flags: String) in
            let result = self.hubsh.script("bench e2e --events 20 --rate 5000/s --no-sync " + flags)
            XCTAssertEqual(result.status, 0, result.stderr)
            return result.stdout.split(separator: "\n").first.map(String.init) ?? ""
        }
        let plain = summary("")
        XCTAssertTrue(
            plain.hasSuffix(", 1 producer, round-robin by batch, no-sync, one process"), plain)
        let spread = summary("--round-robin event --partitions 2")
        XCTAssertTrue(spread.contains(", 2 partitions, 1 producer, round-robin by event, "), spread)
        let keyed = summary("--keys 1000 --producers 2")
        XCTAssertTrue(keyed.contains(", 2 producers, 1,000 keys, no-sync, "), keyed)
    }

    func testBenchEndToEndSaysWhenTheProducersFellShortOfTheAskedRate() throws {
        // No producer publishes ten million events a second, one append call each.
        let command = "bench e2e --rate 10000000/s --events 300 --no-sync"
        let report = try report(command)
        try checkShape(report, events: 300, size: 100)
        let rate = try XCTUnwrap(report["publishRate"] as? [String: Any])
        XCTAssertEqual(rate["asked"] as? Double, 10_000_000)
        let reached = try XCTUnwrap(rate["reached"] as? Double)
        XCTAssertGreaterThan(reached, 0)
        XCTAssertLessThan(reached, 9_500_000)
        XCTAssertEqual(rate["keptUp"] as? Bool, false)

        let text = hubsh.script(command)
        XCTAssertEqual(text.status, 0, text.stderr)
        let notes = text.stdout.split(separator: "\n").filter { $0.contains("could not keep up") }
        XCTAssertEqual(notes.count, 1, text.stdout)
        let note = notes.first.map(String.init) ?? ""
        XCTAssertTrue(note.hasPrefix("  note "), note)
        XCTAssertTrue(note.contains(" asked 10,000,000/s, reached "), note)
    }

    func testBenchEndToEndAcrossTwoProcessesDeliversEveryEvent() throws {
        let report = try report(
            "bench e2e --events 100 --rate 1000/s --no-sync --processes 2 --size 32")
        try checkShape(report, events: 100, size: 32)
        XCTAssertEqual(report["missing"] as? Int, 0)
        let publisher = try XCTUnwrap(report["publisher"] as? [String: Any])
        XCTAssertEqual(publisher["events"] as? Int, 100)
        XCTAssertEqual(publisher["benchmark"] as? String, "e2e-publish")
        let rate = try XCTUnwrap(report["publishRate"] as? [String: Any])
        XCTAssertEqual(rate["reached"] as? Double, publisher["eventsPerSecond"] as? Double)
        // The hub is this shell's throwaway, for the publisher's part of the report too.
        XCTAssertEqual(report["throwawayHub"] as? Bool, true)
        XCTAssertEqual(publisher["throwawayHub"] as? Bool, true)
        XCTAssertEqual(publisher["hub"] as? String, report["hub"] as? String)

        let text = hubsh.script("bench e2e --events 100 --rate 1000/s --no-sync --processes 2")
        XCTAssertEqual(text.status, 0, text.stderr)
        let line = text.stdout.split(separator: "\n").first { $0.contains("other process") }
        let figure = try XCTUnwrap(line, text.stdout).split(separator: " ").dropLast().last
        XCTAssertNotNil(
            figure.flatMap { $0.wholeMatch(of: /[0-9]{1,3}(,[0-9]{3})*/) }, String(line ?? ""))
    }

    func testCtrlCStopsATwoProcessRunAndItsPublisherAtOnce() throws {
        // 20 s of publishing at this rate: Ctrl-C comes long before the end.
        let run = hubsh.start(
            ["--json", "-c", "bench e2e --events 100000 --rate 5000/s --no-sync --processes 2"])
        let publisher = try XCTUnwrap(waitForPublisher(), "no publishing process started")
        Thread.sleep(forTimeInterval: 1)
        // What Ctrl-C at a terminal does: the publisher runs in a process group of its own, so
        // the signal reaches only the shell.
        kill(run.processIdentifier, SIGINT)
        let result = hubsh.finish(run)

        XCTAssertEqual(result.status, 130, result.stderr)
        XCTAssertFalse(result.stderr.contains("never reached"), result.stderr)
        XCTAssertFalse(isRunning(publisher), "the publishing process was left running")
        let report = try XCTUnwrap(result.jsonLines().first, result.stdout)
        XCTAssertEqual(report["interrupted"] as? Bool, true)
        XCTAssertEqual(report["missing"] as? Int, 0)
        XCTAssertLessThan(report["events"] as? Int ?? 100_000, 100_000)
        // The members of a finished run are all there, null where nothing was measured.
        XCTAssertTrue(report["publisher"] is NSNull, "a stopped publisher has no report")
        let rate = try XCTUnwrap(report["publishRate"] as? [String: Any])
        XCTAssertEqual(rate["asked"] as? Double, 5000)
        XCTAssertTrue(rate["reached"] is NSNull, "\(rate)")
        XCTAssertTrue(rate["keptUp"] is NSNull, "\(rate)")
        XCTAssertEqual(hubsh.script("hub list --json").stdout, "", "the throwaway hub is left")
    }

    func testCtrlCDuringRoundsReportsTheFinishedRoundsAsStopped() throws {
        // 100 rounds take far longer than the second before Ctrl-C.
        let run = hubsh.start(
            ["--json", "-c", "bench publish --events 20000 --batch 1 --no-sync --rounds 100"])
        Thread.sleep(forTimeInterval: 2)
        kill(run.processIdentifier, SIGINT)
        let result = hubsh.finish(run)

        XCTAssertEqual(result.status, 130, result.stderr)
        let report = try XCTUnwrap(result.jsonLines().first, result.stdout)
        XCTAssertEqual(report["interrupted"] as? Bool, true)
        let finished = try XCTUnwrap(report["roundsFinished"] as? Int)
        XCTAssertLessThan(finished, 100)
        let rounds = try XCTUnwrap(report["rounds"] as? [[String: Any]])
        // The median comes from finished rounds only; the stopped one stands apart.
        XCTAssertEqual(rounds.count, finished)
        XCTAssertEqual(rounds.map { $0["round"] as? Int }, (0..<finished).map { $0 + 1 })
        let stopped = try XCTUnwrap(report["stoppedRound"] as? [String: Any])
        XCTAssertEqual(stopped["round"] as? Int, finished + 1)
        if finished > 0 { XCTAssertEqual(report["events"] as? Int, 20000) }
    }

    func testCtrlCBeforeAnyRoundFinishedClaimsNoMedian() throws {
        // Two million durable appends of one event take far longer than the 2 s before Ctrl-C.
        let run = hubsh.start(
            ["--json", "-c", "bench publish --events 2000000 --batch 1 --rounds 3"])
        Thread.sleep(forTimeInterval: 2)
        kill(run.processIdentifier, SIGINT)
        let result = hubsh.finish(run)

        XCTAssertEqual(result.status, 130, result.stderr)
        let reports = result.jsonLines()
        XCTAssertEqual(reports.count, 1, result.stdout)
        let report = try XCTUnwrap(reports.first)
        XCTAssertEqual(report["interrupted"] as? Bool, true)
        XCTAssertEqual(report["roundsFinished"] as? Int, 0)
        XCTAssertEqual((report["rounds"] as? [Any])?.count, 0, "no round to take a median of")
        let stopped = try XCTUnwrap(report["stoppedRound"] as? [String: Any])
        XCTAssertEqual(stopped["round"] as? Int, 1)
    }

    func testCtrlCDuringTheFirstBaselineRoundStillReportsWhatWasMeasured() throws {
        // The baseline of two million durable one-record transactions runs long past Ctrl-C.
        let run = hubsh.start(
            ["--json", "-c",
             "bench publish --events 2000000 --batch 1 --rounds 3 --vs-baseline"])
        Thread.sleep(forTimeInterval: 2)
        kill(run.processIdentifier, SIGINT)
        let result = hubsh.finish(run)

        XCTAssertEqual(result.status, 130, result.stderr)
        XCTAssertFalse(result.stderr.contains("error"), result.stderr)
        let reports = result.jsonLines()
        XCTAssertEqual(reports.count, 1, result.stdout)
        let report = try XCTUnwrap(reports.first)
        XCTAssertEqual(report["interrupted"] as? Bool, true)
        XCTAssertEqual(report["events"] as? Int, 0, "hubsh's publish never began")
        let baseline = try XCTUnwrap(report["baseline"] as? [String: Any])
        XCTAssertEqual(baseline["interrupted"] as? Bool, true)
        XCTAssertTrue(report["ratioToBaseline"] is NSNull, "\(report)")
        XCTAssertEqual(report["roundsFinished"] as? Int, 0)
        let stopped = try XCTUnwrap(report["stoppedRound"] as? [String: Any])
        XCTAssertTrue(stopped["eventsPerSecond"] is NSNull, "\(stopped)")
    }

    func testAPublishingProcessStopsWhenItsShellIsKilled() throws {
        let run = hubsh.start(
            ["-c", "bench e2e --events 1000000 --rate 5000/s --no-sync --processes 2"])
        let publisher = try XCTUnwrap(waitForPublisher(), "no publishing process started")
        kill(run.processIdentifier, SIGKILL)
        _ = hubsh.finish(run)
        // Without its shell it would publish for 200 s; it stops at its next look instead.
        let deadline = Date().addingTimeInterval(30)
        while isRunning(publisher) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTAssertFalse(isRunning(publisher), "the publishing process outlived its shell")
        if isRunning(publisher) { kill(publisher, SIGKILL) }
    }

    func testBenchBaselineReportsTheRawLoop() throws {
        let report = try report("bench baseline --events 95 --batch 10 --sync")
        try checkShape(report, events: 95, size: 100)
        XCTAssertEqual(report["commits"] as? Int, 10)
    }

    func testTextReportShowsPercentilesAndADistributionChart() {
        let result = hubsh.script("bench publish --events 200 --batch 5 --no-sync")
        XCTAssertEqual(result.status, 0, result.stderr)
        for word in ["throughput", "events/s", "MB/s", "p50", "p90", "p99", "p99.9", "max",
                     "latency distribution", "peak resident"]
        {
            XCTAssertTrue(result.stdout.contains(word), "missing '\(word)' in\n\(result.stdout)")
        }
        let chartRows = result.stdout.split(separator: "\n").filter { $0.contains("≤ ") }
        XCTAssertFalse(chartRows.isEmpty)
        XCTAssertTrue(chartRows.last?.hasSuffix("100.0%") ?? false, result.stdout)
        // No progress line without a terminal.
        XCTAssertFalse(result.stderr.contains("\r"))
    }

    func testBenchFlagsAreCheckedBeforeAnythingRuns() {
        XCTAssertEqual(hubsh.script("bench publish --sync --no-sync").status, 2)
        XCTAssertEqual(hubsh.script("bench e2e --size 8").status, 2)
        XCTAssertEqual(hubsh.script("bench publish --events 0").status, 2)
        XCTAssertEqual(hubsh.script("bench publish --vs-baseline --vs-producers 1").status, 2)
        let unit = hubsh.script("bench publish --round-robin partition")
        XCTAssertEqual(unit.status, 2)
        XCTAssertTrue(
            unit.stderr.contains("--round-robin is batch or event, not 'partition'"), unit.stderr)
        let missing = hubsh.script("bench publish --hub nowhere")
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("hub 'nowhere' does not exist"), missing.stderr)
    }

    func testFlagsThatContradictEachOtherAreRefusedInOneLine() {
        let refusals = [
            ("bench publish --keys 10 --round-robin event", "--round-robin routes events"),
            ("bench e2e --keys 10 --round-robin batch", "--round-robin routes events"),
            ("bench publish --producers 4 --vs-baseline", "--vs-baseline compares one producer"),
            ("bench publish --producers 2 --vs-producers 2", "give fewer than the 2"),
            ("bench read --hub kept --size 10", "--size applies to a throwaway hub"),
            ("bench publish --events 1000000000000", "between 1 and 1,000,000,000"),
            ("bench publish --events 10 --producers 16", "more than the 10 events"),
            ("bench publish --events 99999999999999999999",
             "--events must be between 1 and 1,000,000,000, not 99999999999999999999"),
            ("bench validate shop/orders --sample orders --events 3 --threads 4",
             "--threads 4 is more than the 3 events"),
            ("bench validate orders --sample orders", "'orders' is not GROUP/NAME"),
        ]
        for (command, message) in refusals {
            let result = hubsh.script(command)
            XCTAssertEqual(result.status, 2, command)
            XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
            XCTAssertTrue(result.stderr.contains(message), "\(command): \(result.stderr)")
        }
    }

    func testABenchDoesNotWriteUnvalidatedEventsToAHubWithASchema() throws {
        let folder = NSTemporaryDirectory() + "hubsh-bench-schema-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let schema = folder + "/order.json"
        try #"{"type":"object","required":["id"]}"#.write(
            toFile: schema, atomically: true, encoding: .utf8)
        let setUp = hubsh.script("""
            hub create orders --partitions 2
            schema group create shop --format json
            schema register shop order \(schema)
            hub set orders --schema shop/order
            publish orders '{"id":"a"}'
            """)
        XCTAssertEqual(setUp.status, 0, setUp.stderr)
        for command in ["bench publish --hub orders --events 10", "bench e2e --hub orders"] {
            let refused = hubsh.script(command)
            XCTAssertEqual(refused.status, 1, command)
            XCTAssertTrue(
                refused.stderr.contains("validates its events against 'shop/order'"),
                refused.stderr)
        }
        hubsh.script("hub create small --max-event-size 1KiB")
        let tooBig = hubsh.script("bench publish --hub small --size 100 --batch 100")
        XCTAssertEqual(tooBig.status, 1)
        XCTAssertTrue(tooBig.stderr.contains("use a smaller --batch or --size"), tooBig.stderr)

        // One event over the limit: a smaller batch cannot help, so only --size is named.
        let oneTooBig = hubsh.script("bench publish --hub small --size 2000 --events 3")
        XCTAssertEqual(oneTooBig.status, 1)
        XCTAssertEqual(
            oneTooBig.stderr,
            "error: an event of this run is 2.0 KiB, over the maximum event size of hub 'small'"
                + " (1.0 KiB); use a smaller --size, or a hub with a larger --max-event-size\n")
        let stored = hubsh.script("read orders --count 100", ["--json"]).jsonLines()
        XCTAssertEqual(stored.count, 1, "only the valid event published before")
        // Reading writes nothing, so it may run on such a hub.
        try checkShape(try report("bench read --hub orders"), events: 1, size: 10)
    }

    func testReadingAnEmptyHubFailsInOneLine() throws {
        hubsh.script("hub create empty")
        let result = hubsh.script("bench read --hub empty")
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(result.stdout, "", "no report of a rate that was never measured")
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("hub 'empty' holds no events"), result.stderr)
        XCTAssertTrue(result.stderr.contains("leave out --hub"), result.stderr)
    }

    func testAPacedRunCountsTheIntervalOfItsLastBatch() throws {
        // Two batches of 20 at 20/s: sent at 0 s and 1 s, they stand for 2 s of the rate.
        let report = try report("bench e2e --events 40 --rate 20/s --batch 20 --no-sync")
        XCTAssertEqual(report["events"] as? Int, 40)
        XCTAssertGreaterThanOrEqual(report["seconds"] as? Double ?? 0, 2)
        XCTAssertLessThanOrEqual(report["eventsPerSecond"] as? Double ?? 1000, 20)
        let rate = try XCTUnwrap(report["publishRate"] as? [String: Any])
        XCTAssertLessThanOrEqual(rate["reached"] as? Double ?? 1000, 20)
    }

    func testABatchLargerThanTheRunIsNamedAsItRuns() throws {
        let summary = { (command: String) in
            let result = self.hubsh.script(command)
            XCTAssertEqual(result.status, 0, result.stderr)
            return result.stdout.split(separator: "\n").first.map(String.init) ?? ""
        }
        for command in [
            "bench publish --events 10 --batch 100 --no-sync",
            "bench e2e --events 10 --batch 100 --rate 5000/s --no-sync",
        ] {
            let line = summary(command)
            XCTAssertTrue(line.contains("batches of 10,"), "\(command): \(line)")
            let settings = try report(command)["settings"] as? [String: Any]
            XCTAssertEqual(settings?["batch"] as? Int, 10, command)
        }
        let line = summary("bench baseline --events 1 --no-sync")
        XCTAssertTrue(line.contains("1 record of 100 bytes in batches of 1,"), line)
    }

    func testOneOfAnythingIsSingularAndLargeFiguresAreGrouped() {
        let one = hubsh.script("bench publish --events 1 --size 1 --partitions 1 --no-sync")
        XCTAssertEqual(one.status, 0, one.stderr)
        for words in ["1 event of 1 byte in batches of 1, 1 partition, 1 producer",
                      " 1 event in ", "latency distribution of 1 value:"]
        {
            XCTAssertTrue(one.stdout.contains(words), "missing '\(words)' in\n\(one.stdout)")
        }
        let whole = hubsh.script("bench publish --events 20000 --batch 20000 --size 1 --no-sync")
        XCTAssertEqual(whole.status, 0, whole.stderr)
        XCTAssertTrue(whole.stdout.contains("(20,000.0 events per commit)"), whole.stdout)
    }

    func testRoundsOfABaselineComparisonNameTheBaseline() {
        let result = hubsh.script(
            "bench publish --events 50 --batch 10 --no-sync --vs-baseline --rounds 2")
        XCTAssertEqual(result.status, 0, result.stderr)
        let row = result.stdout.split(separator: "\n").first {
            $0.drop { $0 == " " }.hasPrefix("rounds")
        }
        XCTAssertTrue(
            row?.contains("times the baseline's events/s)") ?? false, String(row ?? ""))
    }

    func testBenchValidateTakesTheLatestVersionByName() throws {
        let orders = Hubsh.projectRoot.appendingPathComponent("samples/schemas/orders.schema.json")
        let setUp = hubsh.script(
            "schema group create shop --format json; schema register shop orders '\(orders.path)'")
        XCTAssertEqual(setUp.status, 0, setUp.stderr)
        let report = try report(
            "bench validate shop/orders --sample orders --events 20 --version latest")
        XCTAssertEqual((report["settings"] as? [String: Any])?["version"] as? Int, 1)
        let shown = hubsh.script("schema show shop orders --version latest")
        XCTAssertEqual(shown.status, 0, shown.stderr)
    }

    func testHelpLeavesOutTheFlagHubshPassesToItself() {
        let help = hubsh.script("bench e2e --help").stdout
        XCTAssertTrue(help.contains("--processes"), help)
        XCTAssertFalse(help.contains("[--role"), help)
        XCTAssertFalse(help.contains("\n  --role"), help)
        let usage = hubsh.script("bench validate --help").stdout
        XCTAssertTrue(usage.contains("SCHEMA --sample NAME"), usage)
    }

    // MARK: - Leftovers, signals and room

    func testTheNextRunRemovesWhatAKilledRunLeftAndKeepsThoseOfLiveRuns() throws {
        let live = "bench-\(getpid())-0000abcd"
        hubsh.script("hub create \(live)")
        let liveScratch = hubsh.dataDirectory + "/bench-baseline-\(getpid())-9"
        try FileManager.default.createDirectory(
            atPath: liveScratch, withIntermediateDirectories: false)
        let run = hubsh.start(
            ["-c", "bench publish --events 20000 --batch 1 --no-sync --rounds 100 --vs-baseline"])
        let pid = run.processIdentifier
        XCTAssertTrue(waitForHub(named: "bench-\(pid)-"), "the run made no throwaway hub")
        kill(pid, SIGKILL)
        _ = hubsh.finish(run)
        XCTAssertEqual(
            scratchDirectories(),
            ["bench-baseline-\(getpid())-9", "bench-baseline-\(pid)-1"].sorted())

        let next = hubsh.script("bench publish --events 10")
        XCTAssertEqual(next.status, 0, next.stderr)
        let line = next.stderr.split(separator: "\n").first { $0.hasPrefix("removed") }
        XCTAssertNotNil(line, next.stderr)
        XCTAssertTrue(line?.contains("hub bench-\(pid)-") ?? false, next.stderr)
        XCTAssertTrue(line?.contains("bench-baseline-\(pid)-1") ?? false, next.stderr)
        XCTAssertEqual(scratchDirectories(), ["bench-baseline-\(getpid())-9"])
        let hubs = hubsh.script("hub list --json").jsonLines().compactMap { $0["name"] as? String }
        XCTAssertEqual(hubs, [live])
    }

    func testARunGoingOnIsNotSweptByAnotherRunOnTheSameData() throws {
        let long = hubsh.start(
            ["--json", "-c", "bench publish --events 30000 --batch 1 --no-sync --rounds 8"])
        XCTAssertTrue(waitForHub(named: "bench-\(long.processIdentifier)-"))
        let short = hubsh.script("bench publish --events 10 --vs-baseline")
        XCTAssertEqual(short.status, 0, short.stderr)
        XCTAssertFalse(short.stderr.contains("removed"), short.stderr)

        let result = hubsh.finish(long)
        XCTAssertEqual(result.status, 0, result.stderr)
        let report = try XCTUnwrap(result.jsonLines().first, result.stdout)
        XCTAssertEqual(report["roundsFinished"] as? Int, 8)
    }

    func testTerminationSignalsStopARunThatThenCleansUpAndEndsByTheSignal() throws {
        for signal in [SIGTERM, SIGHUP] {
            let run = hubsh.start(
                ["--json", "-c",
                 "bench publish --events 20000 --batch 1 --no-sync --rounds 100 --vs-baseline"
                    + "; echo after"])
            XCTAssertTrue(waitForHub(named: "bench-\(run.processIdentifier)-"))
            kill(run.processIdentifier, signal)
            let result = hubsh.finish(run)

            // Killed by the signal after cleaning up: a parent shell shows 128 + signal.
            XCTAssertEqual(run.terminationReason, .uncaughtSignal, "signal \(signal)")
            XCTAssertEqual(result.status, signal, result.stderr)
            let report = try XCTUnwrap(result.jsonLines().first, result.stdout)
            XCTAssertEqual(report["interrupted"] as? Bool, true)
            XCTAssertFalse(result.stdout.contains("after"), "the script went on")
            XCTAssertEqual(hubsh.script("hub list --json").stdout, "", "signal \(signal)")
            XCTAssertEqual(scratchDirectories(), [], "signal \(signal)")
        }
    }

    func testTerminationOutsideABenchStillEndsTheShellAtOnce() {
        let run = hubsh.start(["-c", "sleep 60; echo after"])
        Thread.sleep(forTimeInterval: 0.5)
        kill(run.processIdentifier, SIGTERM)
        let result = hubsh.finish(run)
        XCTAssertEqual(run.terminationReason, .uncaughtSignal)
        XCTAssertEqual(result.status, SIGTERM)
        XCTAssertEqual(result.stdout, "")
    }

    func testARunThatWouldFillTheDiskIsRefusedBeforeItStoresAnything() {
        for command in [
            "bench read --events 1000000000 --size 100000",
            "bench publish --events 1000000000 --size 100000 --no-sync",
            "bench baseline --events 1000000000 --size 100000",
            "bench publish --events 10000000 --size 10000000 --batch 1 --vs-baseline",
        ] {
            let result = hubsh.script(command)
            XCTAssertEqual(result.status, 1, command)
            XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
            XCTAssertTrue(result.stderr.contains("free for the event log"), result.stderr)
            XCTAssertTrue(result.stderr.contains("use fewer --events"), result.stderr)
        }
        XCTAssertEqual(hubsh.script("hub list --json").stdout, "")
        XCTAssertEqual(scratchDirectories(), [])
    }

    func testABatchTooLargeForAnyHubIsRefusedBeforeAThrowawayHubIsMade() throws {
        let refused = hubsh.script("bench publish --size 268435456 --events 2")
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stderr.split(separator: "\n").count, 1, refused.stderr)
        XCTAssertTrue(
            refused.stderr.contains(
                "a batch of this run is 512.0 MiB, over the most a hub of this event log takes"
                    + " (256.0 MiB); use a smaller --batch or --size"),
            refused.stderr)
        let oneTooBig = hubsh.script("bench publish --size 268435456 --events 1 --keys 2")
        XCTAssertTrue(
            oneTooBig.stderr.contains(
                "an event of this run is 256.0 MiB, over the most a hub of this event log takes"
                    + " (256.0 MiB); use a smaller --size"),
            oneTooBig.stderr)
        XCTAssertEqual(hubsh.script("hub list --json").stdout, "")
        // bench read chooses its fill batches, so they shrink to fit large events.
        let read = try report("bench read --events 3 --size 2000000")
        try checkShape(read, events: 3, size: 2_000_000)
    }

    /// The raw-baseline scratch directories in the data directory, sorted.
    private func scratchDirectories() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: hubsh.dataDirectory))
        return (names ?? []).filter { $0.hasPrefix("bench-baseline-") }.sorted()
    }

    /// Waits up to 30 s for a hub whose name starts with `prefix`; false when none came.
    private func waitForHub(named prefix: String) -> Bool {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let names = hubsh.script("hub list --json").jsonLines().compactMap {
                $0["name"] as? String
            }
            if names.contains(where: { $0.hasPrefix(prefix) }) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    // MARK: - Processes

    /// The `bench e2e --role publisher` process working on this test's data directory, once
    /// it runs; nil when none started within 30 s.
    private func waitForPublisher() -> pid_t? {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let found = runningProcesses().first { _, command in
                command.contains("--role publisher") && command.contains(hubsh.dataDirectory)
            }
            if let found { return found.pid }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }

    /// True while `pid` is a process that has not exited (a zombie has).
    private func isRunning(_ pid: pid_t) -> Bool {
        runningProcesses().contains { $0.pid == pid }
    }

    /// The processes of this machine that have not exited, with their command lines.
    private func runningProcesses() -> [(pid: pid_t, command: String)] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry in
            guard let pid = pid_t(entry),
                let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let state = stat.split(separator: ")").last?.split(separator: " ").first,
                state != "Z",
                let arguments = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline")
            else { return nil }
            let command = String(decoding: arguments.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
            return (pid, command)
        }
    }
}
