import Foundation
import XCTest

/// The sample plugins, built in their own packages, loaded into the built hubsh and used for
/// everything they add.
final class PluginSampleTests: XCTestCase {
    var hubsh = Hubsh()
    var builds: PluginBuilds!

    override func setUpWithError() throws {
        builds = try PluginBuilds.get()
    }

    override func tearDown() {
        hubsh.cleanUp()
    }

    /// Runs `script` in a hubsh that loads every sample at start.
    @discardableResult
    private func withSamples(_ script: String) -> Hubsh.Result {
        hubsh.environment["HUBSH_PLUGIN_PATH"] = [
            builds.telemetry, builds.skewReport, builds.textFormats, builds.correlation,
        ].joined(separator: ":")
        return hubsh.script(script)
    }

    func testEverySampleLoadsAndListsWhatItAdds() {
        let result = withSamples("plugin list --json")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        let plugins = result.jsonLines()
        XCTAssertEqual(plugins.map { $0["name"] as? String }, [
            "telemetry", "skew-report", "text-formats", "correlation",
        ])
        XCTAssertEqual(plugins.map { $0["path"] as? String }, [
            builds.telemetry, builds.skewReport, builds.textFormats, builds.correlation,
        ])
        hubsh.environment["HUBSH_PLUGIN_PATH"] = ""
        let loaded = hubsh.script("plugin load '\(builds.textFormats)'")
        XCTAssertEqual(loaded.stdout, "loaded plugin 'text-formats' 1.0.0: formats csv, logfmt\n")
    }

    func testTelemetryGeneratorKeysEventsByDeviceAndRepeatsWithASeed() {
        let script = "hub create iot --partitions 4; publish iot --generator iot --count 300"
            + " --devices 12 --profile cold-chain --seed 42 --json"
        XCTAssertEqual(withSamples(script).status, 0)
        let events = withSamples("read iot --count 300 --json").jsonLines()
        XCTAssertEqual(events.count, 300)
        let keys = Set(events.compactMap { $0["partitionKey"] as? String })
        XCTAssertEqual(keys.count, 12)
        for event in events {
            let body = event["body"] as? String ?? ""
            let reading = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
            XCTAssertEqual(reading?["deviceId"] as? String, event["partitionKey"] as? String)
            if let temperature = reading?["temperature"] as? Double {
                XCTAssertTrue(
                    (-40.0 ... 0.0).contains(temperature), "\(temperature) °C in a freezer")
            }
            XCTAssertEqual(event["contentType"] as? String, "application/json")
        }

        // The same seed gives the same bodies in another namespace.
        var again = Hubsh()
        defer { again.cleanUp() }
        again.environment["HUBSH_PLUGIN_PATH"] = builds.telemetry
        again.script(script)
        let repeated = again.script("read iot --count 300 --json").jsonLines()
        XCTAssertEqual(
            repeated.compactMap { $0["body"] as? String }.sorted(),
            events.compactMap { $0["body"] as? String }.sorted())
    }

    func testSkewCommandReportsPartitionsAndKeysWithBars() {
        withSamples("hub create s --partitions 3; publish s --partition 0 --count 6 x;"
            + " publish s --partition 1 --count 2 y; publish s --key hot --count 5 z")
        let table = withSamples("skew s")
        XCTAssertEqual(table.status, 0, table.stderr)
        XCTAssertTrue(table.stdout.hasPrefix("PARTITION  EVENTS  SHARE"), table.stdout)
        XCTAssertTrue(table.stdout.contains("█"), table.stdout)
        XCTAssertTrue(table.stderr.contains("13 events in 3 partitions of hub 's': skew"),
                      table.stderr)

        let json = withSamples("skew s --by key --json").jsonLines()
        XCTAssertEqual(json.count, 1)
        XCTAssertEqual(json.first?["distinctKeys"] as? Int, 1)
        XCTAssertEqual(json.first?["withoutKey"] as? Int, 8)
        let rows = json.first?["rows"] as? [[String: Any]] ?? []
        XCTAssertEqual(rows.first?["key"] as? String, "hot")
        XCTAssertEqual(rows.first?["events"] as? Int, 5)
    }

    func testSkewCommandHasHelpAndChecksItsFlags() {
        let help = withSamples("help skew")
        XCTAssertTrue(help.stdout.hasPrefix("usage: skew HUB [--by WHAT] [--last N] [--top N]"),
                      help.stdout)
        let bad = withSamples("hub create s; skew s --by colour")
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(bad.stderr, "error: --by takes partition, key, not 'colour'\n")
    }

    func testFormatsPrintReadAndTailAsCSVAndLogfmt() {
        hubsh.environment["HUBSH_PLUGIN_PATH"] = builds.textFormats
        hubsh.script("hub create f --partitions 1;"
            + " publish f --key k1 --property n=1 'a,\"b\"'; publish f --key k2 plain;"
            + " publish f --property 'a=x;b=y' --hex 00ff")
        let csv = hubsh.script("read f --format csv").stdout.split(separator: "\n")
        XCTAssertEqual(csv.count, 4)
        XCTAssertEqual(
            csv.first,
            "partition,sequenceNumber,offset,enqueuedTime,partitionKey,contentType,properties,"
                + "bodyEncoding,body")
        XCTAssertTrue(csv[1].hasPrefix("0,0,0,2"), String(csv[1]))
        XCTAssertTrue(csv[1].hasSuffix("Z,k1,,n=1,text,\"a,\"\"b\"\"\""), String(csv[1]))
        // A ';' inside a value and a binary body cannot be mistaken for anything else.
        XCTAssertTrue(csv[3].hasSuffix("Z,,,a=x%3Bb%3Dy,base64,AP8="), String(csv[3]))

        let tail = hubsh.script("tail f --from earliest --count 2 --format logfmt")
        let lines = tail.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 2, tail.stderr)
        XCTAssertTrue(lines[1].hasPrefix("ts=2"), String(lines[1]))
        XCTAssertTrue(lines[1].contains("Z partition=0 seq=1 offset="), String(lines[1]))
        XCTAssertTrue(lines[1].hasSuffix(" key=k2 body=plain"), String(lines[1]))
    }

    func testHooksRefuseEmptyMaskCardsAndAddCorrelationIds() {
        let published = withSamples("hub create pay --partitions 1;"
            + " publish pay '{\"card\":\"4111111111111111\",\"ts\":1767571200000}'")
        XCTAssertEqual(published.status, 0, published.stderr)
        let event = hubsh.script("read pay --json").jsonLines().first ?? [:]
        XCTAssertEqual(event["body"] as? String,
                       "{\"card\":\"************1111\",\"ts\":1767571200000}")
        let properties = event["properties"] as? [String: Any] ?? [:]
        XCTAssertEqual((properties["correlationId"] as? String)?.count, 16)

        let refused = withSamples("publish pay ''")
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(
            refused.stderr,
            "error: hook 'refuse-empty' of plugin 'correlation' refused the event: its body is"
                + " empty; nothing was published\n")
    }

    func testSchemaValidatesTheEventsAsTheHooksLeftThem() throws {
        // The schema allows masked card numbers only: the raw number passes because the
        // mask-cards hook runs before validation.
        let schema = Hubsh.temporaryDirectory("hook-schema") + "/card.json"
        try #"{"properties":{"card":{"type":"string","pattern":"^[*]+[0-9]{4}$"}}}"#
            .write(toFile: schema, atomically: true, encoding: .utf8)
        let result = withSamples("""
            hub create pay --partitions 1
            schema group create cards --format json
            schema register cards card \(schema)
            hub set pay --schema cards/card
            publish pay '{"card":"4111111111111111"}'
            """)
        XCTAssertEqual(result.status, 0, result.stderr)
        let event = hubsh.script("read pay --json").jsonLines().first ?? [:]
        XCTAssertEqual(event["body"] as? String, "{\"card\":\"************1111\"}")
    }

    func testPluginPathAndDataFolderLoadAtStartAndNoPluginsSkipsThem() throws {
        let folder = Hubsh.temporaryDirectory("plugins")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(
            atPath: builds.textFormats, toPath: folder + "/libTextFormats.so")
        let dataHome = Hubsh.temporaryDirectory("xdg")
        defer { try? FileManager.default.removeItem(atPath: dataHome) }
        try FileManager.default.createDirectory(
            atPath: dataHome + "/hubsh/plugins", withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: builds.skewReport, toPath: dataHome + "/hubsh/plugins/libSkewReport.so")

        hubsh.environment["HUBSH_PLUGIN_PATH"] = builds.telemetry + ":" + folder
        hubsh.environment["XDG_DATA_HOME"] = dataHome
        let names = hubsh.script("plugin list --json").jsonLines().map { $0["name"] as? String }
        XCTAssertEqual(names, ["telemetry", "text-formats", "skew-report"])
        let skipped = hubsh.run(["--no-plugins", "-c", "plugin list"])
        XCTAssertEqual(skipped.stdout, "")
        XCTAssertTrue(skipped.stderr.contains("no plugins are loaded"), skipped.stderr)
    }

    func testDisabledPluginIsHiddenButListed() {
        let result = withSamples("plugin disable skew-report --json; plugin list --json; skew x")
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("unknown command 'skew'"), result.stderr)
        let entries = result.jsonLines().filter { $0["name"] as? String == "skew-report" }
        XCTAssertEqual(entries.map { $0["enabled"] as? Bool }, [false, false])
    }
}
