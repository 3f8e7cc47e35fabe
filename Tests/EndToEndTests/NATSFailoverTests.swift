import Foundation
import XCTest

/// A stream leader killed with `kill -9` while hubsh publishes to a hub with 3 replicas: every
/// event hubsh reported as published is readable afterwards, sequence numbers stay contiguous,
/// and a tail that runs through the failover goes on delivering.
final class NATSFailoverTests: XCTestCase {
    func testKillingAPartitionLeaderLosesNoPublishedEvent() throws {
        let address = try NATSTestCluster.address()
        let cluster = try NATSTestCluster.control()
        var hubsh = Hubsh()
        defer { hubsh.cleanUp() }
        hubsh.engine = NATSTestCluster.freshNamespace(address)

        let created = hubsh.script("hub create fo --partitions 2 --replicas 3")
        XCTAssertEqual(created.status, 0, created.stderr)
        let leader = try partitionLeader(hubsh, hub: "fo", partition: 0)

        let tailFile = Hubsh.temporaryDirectory("tail") + "/tail.jsonl"
        let publishedFile = Hubsh.temporaryDirectory("publish") + "/published.jsonl"
        let tail = hubsh.start(
            ["--json", "-c", "tail fo --from earliest --timeout 120s"], outputFile: tailFile)
        let publisher = hubsh.start(
            ["--json", "-c", "publish fo --sample orders --seed 7 --count 3000 --rate 300/s"],
            outputFile: publishedFile)
        Thread.sleep(forTimeInterval: 3)
        try cluster.kill(leader)
        let published = hubsh.finish(publisher, timeout: 120)
        try cluster.restart(leader)

        // What hubsh said it published: one JSON line per event.
        let reported = Self.jsonLines(publishedFile).compactMap(Landed.init)
        XCTAssertGreaterThan(reported.count, 900, "too few events got through: \(published.stderr)")
        if published.status != 0 {
            // A publish may give up during the election, but then it must say how far it got.
            XCTAssertTrue(published.stderr.contains("published"), published.stderr)
        }

        // Everything stored, read back after the failover.
        var stored: [Landed] = []
        var eventIds: [String] = []
        for partition in 0..<2 {
            let read = hubsh.script(
                "read fo --partition \(partition) --from earliest --count 100000 --json")
            XCTAssertEqual(read.status, 0, read.stderr)
            let lines = read.jsonLines()
            eventIds += lines.compactMap { line in
                let body = (line["body"] as? String).map { Data($0.utf8) } ?? Data()
                let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any]
                return object?["eventId"] as? String
            }
            let events = lines.compactMap(Landed.init)
            XCTAssertEqual(
                events.map(\.sequenceNumber), Array(0..<Int64(events.count)),
                "partition \(partition): sequence numbers are not contiguous from 0")
            stored += events
        }
        let storedSet = Set(stored)
        for event in reported {
            XCTAssertTrue(
                storedSet.contains(event), "reported as published but not stored: \(event)")
        }
        // An event whose acknowledgement was lost with the leader may be stored without being
        // reported (at-least-once, as Event Hubs is); never more than the one batch that failed.
        XCTAssertEqual(eventIds.count, stored.count, "stored events without an eventId")
        XCTAssertEqual(Set(eventIds).count, eventIds.count, "an event is stored twice")
        XCTAssertLessThanOrEqual(
            stored.count - reported.count, 100, "far more stored than hubsh reported")

        // The tail went on through the failover: it saw every stored event, in order. On a
        // loaded machine it may still be catching up, so it gets a while to do so.
        let deadline = Date().addingTimeInterval(30)
        while Self.jsonLines(tailFile).count < stored.count && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.5)
        }
        tail.interrupt()
        let tailRun = hubsh.finish(tail, timeout: 30)
        let tailed = Self.jsonLines(tailFile).compactMap(Landed.init)
        for partition in 0..<2 {
            let seen = tailed.filter { $0.partition == partition }.map(\.sequenceNumber)
            let want = stored.filter { $0.partition == partition }.map(\.sequenceNumber)
            guard seen != want else { continue }
            let first = zip(seen, want).enumerated().first { $1.0 != $1.1 }?.offset
                ?? min(seen.count, want.count)
            XCTFail(
                "the tail saw \(seen.count) events of partition \(partition), \(want.count) are"
                    + " stored; first difference at position \(first):"
                    + " \(seen.dropFirst(first).prefix(5)) vs \(want.dropFirst(first).prefix(5));"
                    + " the tail said: \(tailRun.stderr.suffix(2000))")
        }
    }

    private static func jsonLines(_ path: String) -> [[String: Any]] {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    /// The server that leads a partition's stream, from `hub show --json`.
    private func partitionLeader(_ hubsh: Hubsh, hub: String, partition: Int) throws -> String {
        let shown = hubsh.script("hub show \(hub) --json")
        let object = shown.jsonLines().first
        let partitions = object?["partitions"] as? [[String: Any]] ?? []
        let leader = partitions.first { ($0["partition"] as? String) == String(partition) }?[
            "leader"] as? String
        return try XCTUnwrap(leader, "hub show gives no leader: \(shown.stdout)")
    }
}

/// Where one event landed, as `publish --json` and `read --json` print it.
private struct Landed: Hashable, CustomStringConvertible {
    var partition: Int
    var sequenceNumber: Int64

    init?(_ object: [String: Any]) {
        guard let partition = (object["partition"] as? String).flatMap(Int.init),
            let sequence = object["sequenceNumber"] as? Int64
                ?? (object["sequenceNumber"] as? Int).map(Int64.init)
        else { return nil }
        self.partition = partition
        self.sequenceNumber = sequence
    }

    var description: String { "partition \(partition) seq \(sequenceNumber)" }
}
