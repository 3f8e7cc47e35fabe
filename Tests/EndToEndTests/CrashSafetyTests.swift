import Foundation
import XCTest

/// `kill -9` in the middle of publishing loses nothing that was reported and leaves no partial
/// batch.
final class CrashSafetyTests: XCTestCase {
    var hubsh = Hubsh()

    override func tearDown() {
        hubsh.cleanUp()
    }

    func testKillDuringPublishKeepsReportedEventsContiguousAndBatchesWhole() throws {
        let batchSize = 10
        hubsh.script("hub create crash --partitions 3")
        var reported: [(partition: String, sequence: Int)] = []
        var nextBatch = 0

        for round in 0..<8 {
            // A script of many batches; each batch's events carry the batch id in their body.
            let lines = (0..<400).map { offset -> String in
                let batch = nextBatch + offset
                return "publish crash --count \(batchSize) --key k\(batch % 7) batch-\(batch)"
            }
            nextBatch += lines.count
            let script = Hubsh.temporaryDirectory("crash") + "/publish.hsh"
            try lines.joined(separator: "\n")
                .write(toFile: script, atomically: true, encoding: .utf8)

            let process = hubsh.start(["--json", "-f", script])
            Thread.sleep(forTimeInterval: 0.3 + 0.1 * Double(round % 4))
            kill(process.processIdentifier, SIGKILL)
            let result = hubsh.finish(process, timeout: 30)
            XCTAssertEqual(result.status, 9, "round \(round) should have been killed")
            // The last line may be cut off mid-write by the kill; only whole lines count.
            let complete = result.stdout.split(separator: "\n", omittingEmptySubsequences: true)
                .dropLast(result.stdout.hasSuffix("\n") ? 0 : 1)
            for line in complete {
                let object = try? JSONSerialization.jsonObject(with: Data(line.utf8))
                guard let event = object as? [String: Any],
                      let partition = event["partition"] as? String,
                      let sequence = event["sequenceNumber"] as? Int
                else {
                    XCTFail("round \(round): not a published event: \(line)")
                    continue
                }
                reported.append((partition, sequence))
            }
        }
        XCTAssertGreaterThan(reported.count, 0, "nothing was published before the kills")

        let read = hubsh.script("read crash --count 10000000 --json")
        XCTAssertEqual(read.status, 0, read.stderr)
        let events = read.jsonLines()
        var stored: [String: [Int]] = [:]
        var perBatch: [String: Int] = [:]
        for event in events {
            guard let partition = event["partition"] as? String,
                  let sequence = event["sequenceNumber"] as? Int,
                  let body = event["body"] as? String
            else {
                XCTFail("not a read event: \(event)")
                continue
            }
            stored[partition, default: []].append(sequence)
            perBatch[body, default: 0] += 1
        }

        // Every reported event is stored.
        for (partition, sequence) in reported {
            XCTAssertTrue(stored[partition]?.contains(sequence) ?? false,
                          "reported \(partition)/\(sequence) is missing")
        }
        // Sequence numbers are contiguous from 0 in every partition.
        for (partition, sequences) in stored {
            XCTAssertEqual(sequences.sorted(), Array(0..<sequences.count), "partition \(partition)")
        }
        // No batch is partly present.
        for (batch, count) in perBatch {
            XCTAssertEqual(count, batchSize, "\(batch) is partly present")
        }
        print("crash safety: \(reported.count) events reported, \(events.count) stored,"
              + " \(perBatch.count) whole batches over 8 kills")
    }

    /// Hubs are created, filled across their partitions and deleted while hubsh is killed; each
    /// step creates or drops partition databases in its transaction, so every hub left is
    /// whole: listed, readable in every partition, its sequence numbers contiguous.
    func testKillDuringHubCreateAndDeleteLeavesEveryHubWhole() throws {
        var created = 0
        for round in 0..<6 {
            var lines: [String] = []
            for _ in 0..<400 {
                let hub = "churn\(created)"
                created += 1
                lines.append("hub create \(hub) --partitions 8")
                lines.append("publish \(hub) --count 40 one-\(hub)")
                lines.append("publish \(hub) --count 40 two-\(hub)")
                if created % 3 != 0 { lines.append("hub delete \(hub)") }
            }
            let script = Hubsh.temporaryDirectory("churn") + "/churn.hsh"
            try lines.joined(separator: "\n")
                .write(toFile: script, atomically: true, encoding: .utf8)

            let process = hubsh.start(["-f", script])
            Thread.sleep(forTimeInterval: 0.2 + 0.1 * Double(round % 3))
            kill(process.processIdentifier, SIGKILL)
            let result = hubsh.finish(process, timeout: 30)
            XCTAssertEqual(result.status, 9, "round \(round) should have been killed")
        }

        let list = hubsh.script("hub list --json")
        XCTAssertEqual(list.status, 0, list.stderr)
        let hubs = list.jsonLines().compactMap { $0["name"] as? String }
        for hub in hubs {
            let read = hubsh.script("read \(hub) --count 100000 --json")
            XCTAssertEqual(read.status, 0, "\(hub): \(read.stderr)")
            var sequences: [String: [Int]] = [:]
            for event in read.jsonLines() {
                guard let partition = event["partition"] as? String,
                      let sequence = event["sequenceNumber"] as? Int
                else { continue }
                sequences[partition, default: []].append(sequence)
            }
            for (partition, numbers) in sequences {
                XCTAssertEqual(
                    numbers.sorted(), Array(0..<numbers.count), "\(hub) partition \(partition)")
            }
            // Each publish of 40 events is one batch: a hub holds 0, 40 or 80 events.
            let total = sequences.values.reduce(0) { $0 + $1.count }
            XCTAssertTrue([0, 40, 80].contains(total), "\(hub) holds \(total) events")
        }
        print("hub churn: \(hubs.count) hubs left after 6 kills")
    }
}
