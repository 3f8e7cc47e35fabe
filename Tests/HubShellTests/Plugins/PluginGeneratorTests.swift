import HubCore
import HubPluginAPI
import XCTest

@testable import HubShell

/// `publish HUB --generator NAME` takes events from a plugin's generator, with its options.
final class PluginGeneratorTests: XCTestCase {
    private var plugins: PluginShell!

    /// `counter [--prefix P] [--keys N] [--limit N]`: numbered events; the seed lands in the
    /// first event's properties so tests can see it arrive.
    static let counter = PluginGenerator(
        "counter", summary: "numbered events",
        options: [
            PluginFlag("--prefix", value: "P", "text before the number",
                       completion: .words(["tick", "tock"])),
            PluginFlag("--keys", value: "N", "how many keys (default 2)"),
            PluginFlag("--limit", value: "N", "stop after N events"),
        ],
        make: { request in
            let keys = try request.options.int("--keys", default: 2, range: 1...100)
            let limit = try request.options.int("--limit", default: 1000, range: 1...1000)
            let prefix = request.options.string("--prefix") ?? request.hub.name
            return CountingProducer(prefix: prefix, keys: keys, limit: limit)
        })

    override func setUpWithError() throws {
        plugins = try PluginShell()
        _ = try plugins.log.createHub(HubSpec(name: "ticks", partitionCount: 2))
        try plugins.shell.install(TestPlugin("counting", generators: [Self.counter]), path: "")
    }

    func testGeneratorMakesCountEventsWithItsOptions() throws {
        let result = plugins.run("publish ticks --generator counter --count 4 --prefix tick")
        XCTAssertEqual(result.status, 0, result.errors)
        XCTAssertEqual(
            try plugins.bodies("ticks").sorted(), ["tick-0", "tick-1", "tick-2", "tick-3"])
        let keys = Set(try plugins.events("ticks").compactMap(\.data.partitionKey))
        XCTAssertEqual(keys, ["key-0", "key-1"])
    }

    func testGeneratorThatEndsEarlyPublishesWhatItMade() throws {
        let result = plugins.run("publish ticks --generator counter --count 10 --limit 3")
        XCTAssertEqual(result.status, 0, result.errors)
        XCTAssertEqual(try plugins.bodies("ticks").count, 3)
    }

    func testCommandLineFlagsWinOverWhatTheGeneratorSets() throws {
        plugins.run("publish ticks --generator counter --count 2 --partition 1 --property k=v")
        let events = try plugins.events("ticks")
        XCTAssertEqual(events.map(\.partition), [1, 1])
        XCTAssertEqual(events.map(\.data.partitionKey), [nil, nil])
        XCTAssertEqual(events.map { $0.data.properties.map(\.0) }, [["k"], ["k"]])
    }

    func testBadOptionValueIsAUsageError() {
        let result = plugins.run("publish ticks --generator counter --keys 0")
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.errors, "error: --keys must be between 1 and 100, not 0\n")
    }

    func testOptionsBelongToTheirGeneratorOnly() {
        let result = plugins.run("publish ticks --keys 3 hello")
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.errors.contains("unknown flag '--keys' for 'publish'"), result.errors)
    }

    func testUnknownGeneratorNamesTheLoadedOnes() {
        let result = plugins.run("publish ticks --generator nope")
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.errors, "error: no generator 'nope'; generators: counter\n")
    }

    func testHelpWithTheGeneratorShowsItsOptions() {
        let help = plugins.run("publish --generator counter --help").output
        XCTAssertTrue(help.contains("  --keys N  "), help)
        XCTAssertFalse(plugins.run("publish --help").output.contains("--keys"))
    }

    func testCompletionOffersGeneratorsTheirOptionsAndValues() {
        let completer = Completer(registry: plugins.test.registry, context: plugins.context)
        func complete(_ line: String) -> [String] {
            completer.complete(line: line, cursor: line.unicodeScalars.count)
        }
        XCTAssertEqual(complete("publish ticks --generator c"), ["counter"])
        XCTAssertEqual(complete("publish ticks --generator counter --l"), ["--limit"])
        XCTAssertEqual(complete("publish ticks --generator counter --prefix t"), ["tick", "tock"])
    }
}
