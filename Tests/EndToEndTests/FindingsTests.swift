import Foundation
import XCTest

/// Behaviour that a newcomer's first session showed was missing or wrong.
final class FindingsTests: XCTestCase {
    var hubsh = Hubsh()

    override func tearDown() {
        hubsh.cleanUp()
    }

    func testReadJSONDumpPublishesBackAsEnvelopes() throws {
        hubsh.script("hub create src --partitions 2; hub create copy --partitions 2")
        hubsh.script(
            "publish src --key k1 --property n=1 --content-type text/plain one;"
                + " publish src --partition 1 --hex 00ff")
        let dump = hubsh.script("read src --json")
        let file = Hubsh.temporaryDirectory("dump") + "/dump.jsonl"
        try dump.stdout.write(toFile: file, atomically: true, encoding: .utf8)
        let replay = hubsh.script("publish copy --file \(file) --envelope")
        XCTAssertEqual(replay.status, 0, replay.stderr)
        let copied = hubsh.script("read copy --json").jsonLines()
        let original = dump.jsonLines()
        XCTAssertEqual(copied.count, 2)
        for key in ["partition", "partitionKey", "contentType", "body", "bodyBase64"] {
            XCTAssertEqual(
                copied.map { "\($0[key] ?? "-")" }, original.map { "\($0[key] ?? "-")" }, key)
        }
    }

    func testEnvelopeProblemsNameTheirLine() throws {
        hubsh.script("hub create env --partitions 3")
        let cases: [(String, String)] = [
            ("{\"body\":\"x\",\"partition\":\"5\"}", "partition 5 does not exist"),
            ("{\"body\":\"x\",\"body\":\"y\"}", "given twice"),
            ("{\"body\":\"x\",\"properties\":{\"a\":1,\"a\":2}}",
             "e.jsonl:3: property 'a' is given twice; give each property once\n"),
            ("{\"body\":\"x\",\"bodyBase64\":\"eA==\"}", "not both"),
            ("{\"body\":\"x\",\"key\":\"a\",\"partitionKey\":\"b\"}", "not both"),
        ]
        for (line, words) in cases {
            let file = Hubsh.temporaryDirectory("env") + "/e.jsonl"
            try "{\"body\":\"ok\"}\n\n\(line)\n"
                .write(toFile: file, atomically: true, encoding: .utf8)
            let result = hubsh.script("publish env --file \(file) --envelope")
            XCTAssertEqual(result.status, 1, line)
            XCTAssertTrue(result.stderr.contains("e.jsonl:3:"), result.stderr)
            XCTAssertTrue(result.stderr.contains(words), result.stderr)
        }
        XCTAssertEqual(hubsh.script("read env --json").jsonLines().count, 0)
    }

    func testHubAndGroupCreationCanBeRepeatedWithIfNotExists() {
        let twice = "hub create idem --partitions 2 --if-not-exists;"
            + " hub create idem --partitions 2 --if-not-exists;"
            + " group create idem g --if-not-exists; group create idem g --if-not-exists"
        let result = hubsh.script(twice)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("already exists; left as it is"), result.stdout)
        XCTAssertEqual(hubsh.script("group list idem --json").jsonLines().count, 2)
    }

    func testNamesDifferingOnlyInCaseClash() {
        hubsh.script("hub create orders; group create orders billing")
        let hub = hubsh.script("hub create Orders")
        XCTAssertEqual(hub.status, 1)
        XCTAssertTrue(hub.stderr.contains("differ only in case"), hub.stderr)
        let group = hubsh.script("group create orders Billing")
        XCTAssertEqual(group.status, 1)
        XCTAssertTrue(group.stderr.contains("differ only in case"), group.stderr)
    }

    func testHubsAndGroupsAreFoundInAnyCase() {
        hubsh.script("hub create t --partitions 1; group create t c1")
        let publish = hubsh.script("publish T x")
        XCTAssertEqual(publish.status, 0, publish.stderr)
        let read = hubsh.script("read T --json")
        XCTAssertEqual(read.jsonLines().count, 1, read.stderr)
        let consume = hubsh.script("consume t --group C1 -n 1 --json")
        XCTAssertEqual(consume.status, 0, consume.stderr)
        XCTAssertEqual(consume.jsonLines().count, 1)
        let checkpoints = hubsh.script("checkpoint list T --json").jsonLines()
        XCTAssertEqual(
            checkpoints.compactMap { $0["group"] as? String }.filter { $0 != "$default" }, ["c1"])
        let delete = hubsh.script("hub delete T")
        XCTAssertEqual(delete.stdout, "deleted hub 't'\n", delete.stderr)
        XCTAssertEqual(hubsh.script("hub list --json").stdout, "")
    }

    func testIfNotExistsWarnsAboutSettingsThatDifferFromTheAskedOnes() {
        hubsh.script("hub create orders --partitions 4 --retention 1d")
        let hub = hubsh.script("hub create orders --partitions 8 --retention 7d --if-not-exists")
        XCTAssertEqual(hub.status, 0, hub.stderr)
        XCTAssertEqual(hub.stdout, "")
        XCTAssertEqual(
            hub.stderr,
            "warning: hub 'orders' already exists with 4 partitions and retention 1d (asked: 8,"
                + " 7d); left as it is; change the retention with 'hub set orders --retention"
                + " 7d'; the partition count is fixed when a hub is created, as on Event Hubs'"
                + " standard tier; for another count, create a new hub with 'hub create NAME"
                + " --partitions N'\n")
        let same = hubsh.script("hub create ORDERS --partitions 4 --if-not-exists")
        XCTAssertEqual(same.stdout, "hub 'orders' already exists; left as it is\n")
        XCTAssertEqual(same.stderr, "")

        hubsh.script("schema group create shop --format json --compatibility backward")
        let group = hubsh.script(
            "schema group create shop --format avro --compatibility backward --if-not-exists")
        XCTAssertEqual(group.status, 0, group.stderr)
        XCTAssertEqual(
            group.stderr,
            "warning: schema group 'shop' already exists with format json (asked: avro); left"
                + " as it is\n")
    }

    func testBadFlagValuesAreUsageErrors() {
        hubsh.script("hub create h --partitions 1; group create h g")
        for command in ["hub create x --retention 1y", "hub create x --retention 30s",
                        "hub create x --max-event-size 0", "hub create x --partitions 0",
                        "publish h --property novalue x", "checkpoint reset h g --to bogus",
                        "read h --from earliest --exclusive", "publish h --seed 3 x"] {
            let result = hubsh.script(command)
            XCTAssertEqual(result.status, 2, "\(command): \(result.stderr)")
            XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        }
    }

    func testControlCharactersInKeysAndPropertiesAreShownEscaped() {
        hubsh.script("hub create esc --partitions 1")
        hubsh.script("publish esc --key 'k\u{1B}[2J' --property 'c=\u{1B}[31m' body")
        let text = hubsh.script("read esc")
        XCTAssertFalse(text.stdout.contains("\u{1B}"), text.stdout)
        XCTAssertTrue(text.stdout.contains("\\u{1b}[2J"), text.stdout)
        let json = hubsh.script("read esc --json").jsonLines()
        XCTAssertEqual(json.first?["partitionKey"] as? String, "k\u{1B}[2J")
    }

    func testTailStopsWhenItsHubIsDeletedAndCreatedAgain() {
        hubsh.script("hub create gone --partitions 2")
        let tail = hubsh.start(["-c", "tail gone --timeout 20s"])
        Thread.sleep(forTimeInterval: 1.0)
        hubsh.script("hub delete gone; hub create gone --partitions 8; publish gone x")
        let result = hubsh.finish(tail, timeout: 30)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("was deleted while it was being followed"),
                      result.stderr)
    }

    func testConsumeWarnsWhenAConsumerStillRunningJustCheckpointed() throws {
        hubsh.script("hub create shared --partitions 1; group create shared g; publish shared x")
        let first = hubsh.start(["-c", "consume shared --group g --follow --timeout 60s"])
        defer { first.interrupt(); _ = hubsh.finish(first) }
        try waitForCheckpoint(hub: "shared", group: "g")

        hubsh.script("publish shared y")
        let second = hubsh.script("consume shared --group g")
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stderr.contains("was checkpointed"), second.stderr)
        XCTAssertTrue(second.stderr.contains(":\(first.processIdentifier);"), second.stderr)
    }

    func testConsumeDoesNotWarnAboutAConsumerThatHasExited() {
        hubsh.script("hub create done --partitions 1; group create done g; publish done x")
        hubsh.script("consume done --group g --max 2")
        hubsh.script("publish done y")
        let second = hubsh.script("consume done --group g --max 2")
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertFalse(second.stderr.contains("warning"), second.stderr)
        XCTAssertTrue(second.stderr.contains("consumed 1 event"), second.stderr)
    }

    /// Waits until `group` has a checkpoint on `hub`, for at most 30 seconds.
    private func waitForCheckpoint(hub: String, group: String) throws {
        for _ in 0..<300 {
            let rows = hubsh.script("checkpoint list \(hub) \(group) --json").jsonLines()
            if rows.contains(where: { $0["sequenceNumber"] is Int }) { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw XCTSkip("the first consumer wrote no checkpoint within 30 seconds")
    }

    func testCtrlCWhilePublishReadsStandardInputStopsWith130() {
        hubsh.script("hub create stdin --partitions 1")
        let process = hubsh.start(["-c", "publish stdin --file -"])
        Thread.sleep(forTimeInterval: 0.7)
        kill(process.processIdentifier, SIGINT)
        let result = hubsh.finish(process, timeout: 20)
        XCTAssertEqual(result.status, 130, result.stderr)
        XCTAssertFalse(result.stderr.contains("Fatal error"), result.stderr)
        XCTAssertEqual(hubsh.script("read stdin --json").jsonLines().count, 0)
    }

    func testCtrlCDuringAPublishSaysHowManyOfTheAskedEventsWentOut() throws {
        hubsh.script("hub create many --partitions 2")
        let process = hubsh.start(
            ["--json", "-c", "publish many --count 1000000 --rate 1000/s --no-sync x"])
        Thread.sleep(forTimeInterval: 1)
        kill(process.processIdentifier, SIGINT)
        let result = hubsh.finish(process)

        XCTAssertEqual(result.status, 130, result.stderr)
        let last = try XCTUnwrap(result.jsonLines().last, result.stdout)
        XCTAssertEqual(last["interrupted"] as? Bool, true)
        XCTAssertEqual(last["requested"] as? Int, 1_000_000)
        let published = try XCTUnwrap(last["published"] as? Int)
        XCTAssertEqual(published, result.jsonLines().count - 1)
        XCTAssertTrue(result.stderr.contains("stopped early: "), result.stderr)
        XCTAssertTrue(result.stderr.contains(" of 1,000,000 events published"), result.stderr)
    }

    func testHugeRetentionIsAUsageErrorNotACrash() {
        let result = hubsh.script("hub create x --retention 106751991167d106751991167d")
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("invalid retention"), result.stderr)
    }

    func testRatePublishingGroupsEventsInsteadOfOneFlushEach() {
        hubsh.script("hub create paced --partitions 2")
        // 1000 events a second go out 20 at a time: one batch every 20 ms.
        let result = hubsh.script("publish paced --count 200 --rate 1000/s tick")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("200 events to hub 'paced' in 10 batches"),
                      result.stderr)
        let tiny = hubsh.script("publish paced --count 2 --rate 1e-300/s tick")
        XCTAssertEqual(tiny.status, 2, tiny.stderr)
    }

    func testEmptyDataFileIsRefusedInsteadOfStartingOver() throws {
        hubsh.script("hub create kept; publish kept x")
        try Data().write(to: URL(fileURLWithPath: hubsh.dataDirectory + "/data.mdb"))
        let result = hubsh.script("hub list")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("data.mdb is empty"), result.stderr)
        let size = try FileManager.default.attributesOfItem(
            atPath: hubsh.dataDirectory + "/data.mdb")[.size] as? Int
        XCTAssertEqual(size, 0, "the empty file is left for the person to look at")
    }

    func testIfNotExistsAcceptsAHubThatDiffersOnlyInCase() {
        hubsh.script("hub create orders; group create orders billing")
        let result = hubsh.script(
            "hub create Orders --if-not-exists; group create orders Billing --if-not-exists")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("hub 'orders' already exists"), result.stdout)
        XCTAssertTrue(result.stdout.contains("group 'billing' already exists"), result.stdout)
    }
}
