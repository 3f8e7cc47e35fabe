import Foundation
import XCTest

/// Consumer groups, checkpoints and lag through the built binary.
final class ConsumerGroupTests: XCTestCase {
    var hubsh = Hubsh()

    override func tearDown() {
        hubsh.cleanUp()
    }

    func testCheckpointAtLastEventThenRestartRedeliversNothing() {
        hubsh.script(
            "hub create cg --partitions 1; group create cg billing; publish cg --count 3 a")
        let first = hubsh.script("consume cg --group billing --json")
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(first.jsonLines().compactMap { $0["sequenceNumber"] as? Int }, [0, 1, 2])

        // A new process: nothing is delivered again, and it is not an error.
        let again = hubsh.script("consume cg --group billing --json")
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(again.jsonLines().count, 0)

        hubsh.script("publish cg next")
        let next = hubsh.script("consume cg --group billing --json").jsonLines()
        XCTAssertEqual(next.count, 1)
        XCTAssertEqual(next.first?["sequenceNumber"] as? Int, 3)
        XCTAssertEqual(next.first?["body"] as? String, "next")
    }

    func testLagOfEmptyPartitionIsZeroAndWithoutCheckpointIsEveryEvent() {
        hubsh.script("hub create lagging --partitions 2; publish lagging --partition 1 --count 5 x")
        let rows = hubsh.script("lag lagging --json").jsonLines()
        XCTAssertEqual(rows.count, 2)
        let byPartition = Dictionary(uniqueKeysWithValues: rows.map {
            ($0["partition"] as? String ?? "?", $0)
        })
        XCTAssertEqual(byPartition["0"]?["lag"] as? Int, 0)
        XCTAssertEqual(byPartition["1"]?["lag"] as? Int, 5)
        XCTAssertEqual(byPartition["1"]?["lastSequenceNumber"] as? Int, 4)
        XCTAssertTrue(byPartition["1"]?["sequenceNumber"] is NSNull)
        let keys: Set = ["hub", "group", "partition", "sequenceNumber", "offset", "updatedAt",
                         "lastSequenceNumber", "lag"]
        XCTAssertTrue(keys.isSubset(of: Set(rows[0].keys)), "\(rows[0].keys)")
    }

    func testConsumeWithMaxCheckpointsProgressAndLagFollows() {
        hubsh.script(
            "hub create flow --partitions 1; group create flow audit; publish flow --count 10 e")
        let partial = hubsh.script("consume flow --group audit --max 4 --json").jsonLines()
        XCTAssertEqual(partial.count, 4)
        let lag = hubsh.script("lag flow audit --json").jsonLines()
        XCTAssertEqual(lag.first?["sequenceNumber"] as? Int, 3)
        XCTAssertEqual(lag.first?["lag"] as? Int, 6)

        hubsh.script("checkpoint set flow audit --partition 0 --seq 8")
        XCTAssertEqual(hubsh.script("lag flow audit --json").jsonLines().first?["lag"] as? Int, 1)
        hubsh.script("checkpoint reset flow audit --to earliest")
        XCTAssertEqual(hubsh.script("lag flow audit --json").jsonLines().first?["lag"] as? Int, 10)
        hubsh.script("checkpoint reset flow audit --to latest")
        XCTAssertEqual(hubsh.script("lag flow audit --json").jsonLines().first?["lag"] as? Int, 0)
    }

    func testTailInAnotherProcessSeesNewEvents() {
        hubsh.script("hub create live --partitions 2")
        let tail = hubsh.start(["--json", "-c", "tail live --count 3 --timeout 20s"])
        // Give the tail time to take its starting position at `latest`.
        Thread.sleep(forTimeInterval: 1.0)
        let publish = hubsh.script("publish live --count 3 hello")
        XCTAssertEqual(publish.status, 0, publish.stderr)
        let result = hubsh.finish(tail, timeout: 30)
        XCTAssertEqual(result.status, 0, result.stderr)
        let bodies = result.jsonLines().compactMap { $0["body"] as? String }
        XCTAssertEqual(bodies, ["hello", "hello", "hello"])
    }

    func testZeroMeansNoLimitForReadTailAndConsume() {
        hubsh.script(
            "hub create zero --partitions 2; group create zero g; publish zero --count 150 x")
        XCTAssertEqual(hubsh.script("read zero --count 0 --json").jsonLines().count, 150)
        let tail = hubsh.script("tail zero --from earliest --count 0 --timeout 1s --json")
        XCTAssertEqual(tail.status, 0, tail.stderr)
        XCTAssertEqual(tail.jsonLines().count, 150)
        let consume = hubsh.script("consume zero --group g --max 0 --json")
        XCTAssertEqual(consume.status, 0, consume.stderr)
        XCTAssertEqual(consume.jsonLines().count, 150)
        let help = hubsh.script("tail --help; consume --help; read --help").stdout
        XCTAssertTrue(help.contains("stop after N events (0: no limit)"), help)
        XCTAssertTrue(help.contains("0 reads all of them"), help)
    }

    func testTimeoutZeroMeansNoTimeoutLikeCountZero() {
        hubsh.script("hub create nowait --partitions 1")
        let tail = hubsh.start(
            ["--json", "-c", "tail nowait --from earliest --count 1 --timeout 0"])
        // A tail that took 0 as "return at once" would be gone before the event comes.
        Thread.sleep(forTimeInterval: 1.0)
        XCTAssertEqual(hubsh.script("publish nowait late").status, 0)
        let result = hubsh.finish(tail, timeout: 30)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.jsonLines().compactMap { $0["body"] as? String }, ["late"])
        let help = hubsh.script("tail --help; consume --help").stdout
        XCTAssertEqual(help.components(separatedBy: "(0: no timeout)").count, 3, help)
    }

    func testGroupAndHubTypedInAnotherCaseAreShownAsCreated() {
        hubsh.script("hub create Orders --partitions 1; group create orders C1; publish orders a")
        let consume = hubsh.script("consume ORDERS -g c1")
        XCTAssertEqual(consume.status, 0, consume.stderr)
        XCTAssertTrue(
            consume.stderr.contains("consumed 1 event from hub 'Orders' as group 'C1'"),
            consume.stderr)

        let listed = hubsh.script("checkpoint list ORDERS c1", ["--json"]).jsonLines()
        XCTAssertEqual(listed.map { $0["hub"] as? String }, ["Orders"])
        XCTAssertEqual(listed.map { $0["group"] as? String }, ["C1"])
        let set = hubsh.script("checkpoint set orders c1 -p 0 --seq 0", ["--json"]).jsonLines()
        XCTAssertEqual(set.map { $0["group"] as? String }, ["C1"])
        let reset = hubsh.script("checkpoint reset orders c1 --to earliest", ["--json"])
        XCTAssertEqual(reset.jsonLines().map { $0["group"] as? String }, ["C1"])
        let lag = hubsh.script("lag ORDERS", ["--json"]).jsonLines()
        XCTAssertEqual(Set(lag.compactMap { $0["hub"] as? String }), ["Orders"])
        XCTAssertEqual(Set(lag.compactMap { $0["group"] as? String }), ["$default", "C1"])

        let deleted = hubsh.script("group delete orders c1")
        XCTAssertEqual(deleted.stdout, "deleted consumer group 'C1' from hub 'Orders'\n")
    }
}
