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
}
