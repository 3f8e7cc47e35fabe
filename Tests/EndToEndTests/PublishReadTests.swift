import Foundation
import XCTest

/// Publishing and reading through the built binary, checked by its `--json` output.
final class PublishReadTests: XCTestCase {
    var hubsh = Hubsh()

    override func tearDown() {
        hubsh.cleanUp()
    }

    func testPublishedEventReadsBackWithKeyPropertiesAndContentType() {
        hubsh.script("hub create orders --partitions 4")
        let published = hubsh.script(
            "publish orders --key customer-42 --property eventType=OrderPlaced"
                + " --property priority=2 --property rush=true --content-type application/json"
                + " '{\"orderId\":\"o-1\"}'", ["--json"])
        XCTAssertEqual(published.status, 0, published.stderr)
        let metadata = published.jsonLines()
        XCTAssertEqual(metadata.count, 1)
        guard metadata.count == 1 else { return }
        XCTAssertEqual(
            Set(metadata.first?.keys ?? [:].keys),
            ["partition", "sequenceNumber", "offset", "enqueuedTime"])
        let partition = metadata[0]["partition"] as? String
        XCTAssertNotNil(partition)

        let read = hubsh.script("read orders --partition \(partition!) --json")
        XCTAssertEqual(read.status, 0, read.stderr)
        let events = read.jsonLines()
        XCTAssertEqual(events.count, 1)
        guard events.count == 1 else { return }
        XCTAssertEqual(events[0]["partitionKey"] as? String, "customer-42")
        XCTAssertEqual(events[0]["contentType"] as? String, "application/json")
        XCTAssertEqual(events[0]["body"] as? String, "{\"orderId\":\"o-1\"}")
        XCTAssertEqual(events[0]["sequenceNumber"] as? Int, 0)
        let properties = events[0]["properties"] as? [String: Any]
        XCTAssertEqual(properties?["eventType"] as? String, "OrderPlaced")
        XCTAssertEqual(properties?["priority"] as? Int, 2)
        XCTAssertEqual(properties?["rush"] as? Bool, true)
    }

    func testSameKeyGoesToSamePartitionAcrossRunsAndWithinOneBatch() throws {
        hubsh.script("hub create keyed --partitions 16")
        var partitions = Set<String>()
        for _ in 0..<3 {
            let run = hubsh.script("publish keyed --key device-7 reading", ["--json"])
            partitions.formUnion(run.jsonLines().compactMap { $0["partition"] as? String })
        }
        let file = Hubsh.temporaryDirectory("input") + "/same-key.jsonl"
        let lines = (0..<10).map { "{\"body\":\"r\($0)\",\"key\":\"device-7\"}" }
        try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
        let batch = hubsh.script("publish keyed --file \(file) --envelope", ["--json"])
        XCTAssertEqual(batch.status, 0, batch.stderr)
        let batchPartitions = batch.jsonLines().compactMap { $0["partition"] as? String }
        XCTAssertEqual(batchPartitions.count, 10)
        partitions.formUnion(batchPartitions)
        XCTAssertEqual(partitions.count, 1, "one key, one partition: \(partitions)")
    }

    func testLastThousandOfPartitionHolding150ReturnsAll150() {
        hubsh.script("hub create small --partitions 2; publish small --partition 1 --count 150 e")
        let read = hubsh.script("read small --partition 1 --from -1000 --count 5000 --json")
        XCTAssertEqual(read.status, 0, read.stderr)
        let sequences = read.jsonLines().compactMap { $0["sequenceNumber"] as? Int }
        XCTAssertEqual(sequences, Array(0..<150))
        let lastThree = hubsh.script("read small --partition 1 --from -3 --json").jsonLines()
        XCTAssertEqual(lastThree.compactMap { $0["sequenceNumber"] as? Int }, [147, 148, 149])
    }

    func testBinaryBodyComesBackExactly() {
        hubsh.script("hub create bin --partitions 1")
        let publish = hubsh.script("publish bin --hex 00FF0A0D00")
        XCTAssertEqual(publish.status, 0, publish.stderr)
        let events = hubsh.script("read bin --json").jsonLines()
        XCTAssertEqual(events.count, 1)
        guard events.count == 1 else { return }
        XCTAssertNil(events[0]["body"])
        let base64 = events[0]["bodyBase64"] as? String
        XCTAssertEqual(base64.flatMap { Data(base64Encoded: $0) }.map { [UInt8]($0) },
                       [0x00, 0xFF, 0x0A, 0x0D, 0x00])
    }

    func testBodiesThatAreNotPrintableTextShowAsHexAndTextShowsAsText() {
        hubsh.script("hub create shown --partitions 1")
        // A control character in valid UTF-8 (an Avro string's length byte), then a NUL byte,
        // an escape sequence, and last a text of two lines with CRLF.
        for hex in ["0278", "027800", "1b5b326a", "6f6e650d0a74776f"] {
            hubsh.script("publish shown --hex \(hex)")
        }
        let text = hubsh.script("read shown").stdout
        let bodies = text.split(separator: "\n").filter { $0.hasPrefix("  ") }
        XCTAssertEqual(
            bodies,
            ["  <2 bytes binary> 02 78", "  <3 bytes binary> 02 78 00",
             "  <4 bytes binary> 1b 5b 32 6a", "  one", "  two"],
            text)
    }

    func testPropertyValuesWithSpacesShowQuotedAndAPropertyGivenTwiceIsRefused() {
        hubsh.script("hub create props --partitions 1")
        let twice = hubsh.script("publish props --property k=v=w --property k=dup x")
        XCTAssertEqual(twice.status, 2, twice.stderr)
        XCTAssertTrue(twice.stderr.contains("property 'k' is given twice"), twice.stderr)
        XCTAssertEqual(hubsh.script("read props --json").jsonLines().count, 0)

        hubsh.script("publish props --property 'x=1 2' --property k=v=w --property e= x")
        let header = hubsh.script("read props").stdout.split(separator: "\n").first ?? ""
        XCTAssertTrue(header.hasSuffix("  x='1 2' k=v=w e=''"), String(header))
    }

    func testPropertiesWithControlCharactersShowInQuotingThatReadsBack() throws {
        hubsh.script("hub create rt --partitions 1; hub create back --partitions 1")
        let published = hubsh.script(
            "publish rt --property 'nl=a\nb' --property 't\tk=\u{1B}[31m\r' --property q='$x\"' x")
        XCTAssertEqual(published.status, 0, published.stderr)
        let header = hubsh.script("read rt").stdout.split(separator: "\n").first ?? ""
        let shown = header.components(separatedBy: "  ").last ?? ""
        XCTAssertEqual(shown, #"nl="a\nb" "t\tk"="\u{1b}[31m\r" q='$x"'"#, String(header))

        // What read shows, typed back as it is, means the same properties.
        let again = shown.split(separator: " ").map { " --property " + $0 }.joined()
        XCTAssertEqual(hubsh.script("publish back" + again + " x").status, 0)
        let properties = { (hub: String) in
            let event = self.hubsh.script("read \(hub) --json").jsonLines().first
            return event?["properties"] as? NSDictionary
        }
        XCTAssertNotNil(properties("back"))
        XCTAssertEqual(properties("back"), properties("rt"))
        XCTAssertEqual(properties("rt")?["nl"] as? String, "a\nb")
    }

    func testSampleEventsOccurNoLaterThanTheyAreEnqueued() {
        hubsh.script("hub create live --partitions 2")
        hubsh.script("publish live --sample orders --count 100")
        let events = hubsh.script("read live --json").jsonLines()
        XCTAssertEqual(events.count, 100)
        for event in events {
            let body = (event["body"] as? String).flatMap { Data($0.utf8) }
            let fields = body.flatMap { try? JSONSerialization.jsonObject(with: $0) }
            let occurred = (fields as? [String: Any])?["occurredAt"] as? String ?? "?"
            let enqueued = event["enqueuedTime"] as? String ?? ""
            // Both are ISO 8601 UTC with milliseconds: text order is time order.
            XCTAssertLessThanOrEqual(occurred, enqueued)
        }
    }

    func testPositionsSelectTheRightEvents() {
        hubsh.script("hub create pos --partitions 1; publish pos --count 10 x")
        func sequences(_ from: String, _ extra: String = "") -> [Int] {
            hubsh.script("read pos --from \(from) \(extra) --json").jsonLines()
                .compactMap { $0["sequenceNumber"] as? Int }
        }
        XCTAssertEqual(sequences("seq:7"), [7, 8, 9])
        XCTAssertEqual(sequences("seq:7", "--exclusive"), [8, 9])
        XCTAssertEqual(sequences("latest"), [])
        XCTAssertEqual(sequences("earliest", "--count 2"), [0, 1])
        let all = hubsh.script("read pos --json").jsonLines()
        guard all.count == 10, let offset = all[4]["offset"] as? Int,
              let time = all[0]["enqueuedTime"] as? String
        else { return XCTFail("expected 10 events, read \(all.count)") }
        XCTAssertEqual(sequences("offset:\(offset)"), [4, 5, 6, 7, 8, 9])
        XCTAssertEqual(sequences("offset:\(offset)", "--exclusive"), [5, 6, 7, 8, 9])
        XCTAssertEqual(sequences("time:\(time)").first, 0)
        XCTAssertEqual(sequences("time:2999-01-01T00:00:00Z"), [])
    }

    func testGitHubWebhookPayloadsReadBackByteForByte() throws {
        let folder = Hubsh.sharedTestData.appendingPathComponent("github-webhooks/payload-examples")
        let files = FileManager.default.enumerator(atPath: folder.path)!
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertGreaterThan(files.count, 20)
        hubsh.script("hub create github --partitions 1 --max-event-size 4MiB")
        let flags = files.map { "--body-file '\(folder.appendingPathComponent($0).path)'" }
        let publish = hubsh.script(
            "publish github --content-type application/json " + flags.joined(separator: " "),
            ["--json"])
        XCTAssertEqual(publish.status, 0, publish.stderr)
        XCTAssertEqual(publish.jsonLines().count, files.count)

        let read = hubsh.script("read github --count 1000 --json")
        let events = read.jsonLines()
        XCTAssertEqual(events.count, files.count)
        guard events.count == files.count else { return }
        for (index, file) in files.enumerated() {
            let expected = try Data(contentsOf: folder.appendingPathComponent(file))
            let body = events[index]["body"] as? String
            XCTAssertEqual(body.map { Data($0.utf8) }, expected, file)
        }
    }

    func testOversizeEventIsRefusedAndNothingIsPublished() throws {
        hubsh.script("hub create tiny --partitions 1 --max-event-size 64")
        let file = Hubsh.temporaryDirectory("input") + "/mixed.txt"
        try ["small", String(repeating: "x", count: 100), "small"].joined(separator: "\n")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let result = hubsh.script("publish tiny --file \(file)")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("mixed.txt:2: the event is 100 bytes"), result.stderr)
        XCTAssertTrue(result.stderr.contains("nothing was published"), result.stderr)
        let events = hubsh.script("read tiny --json").jsonLines()
        XCTAssertEqual(events.count, 0)
    }

    func testCountPublishesThatManyEventsRoundRobinOverPartitions() {
        hubsh.script("hub create rr --partitions 4")
        let result = hubsh.script("publish rr --count 40 tick", ["--json"])
        let partitions = result.jsonLines().compactMap { $0["partition"] as? String }
        XCTAssertEqual(partitions.count, 40)
        XCTAssertEqual(Set(partitions), ["0", "1", "2", "3"])
        for partition in ["0", "1", "2", "3"] {
            XCTAssertEqual(partitions.filter { $0 == partition }.count, 10)
        }
    }
}
