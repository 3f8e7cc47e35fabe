import HubCore
import HubPluginAPI
import XCTest

@testable import HubShell

/// `read` and `tail` print in a format a plugin adds, given with `--format NAME`.
final class PluginFormatTests: XCTestCase {
    private var plugins: PluginShell!

    static let pipes = PluginFormat(
        "pipes", summary: "seq|body between begin and end", make: { _ in PipeFormatter() })

    override func setUpWithError() throws {
        plugins = try PluginShell()
        _ = try plugins.log.createHub(HubSpec(name: "notes", partitionCount: 1))
        try plugins.shell.install(TestPlugin("piping", formats: [Self.pipes]), path: "")
        plugins.run("publish notes first; publish notes second")
    }

    func testReadPrintsHeaderEventsAndFooter() {
        let result = plugins.run("read notes --format pipes")
        XCTAssertEqual(result.status, 0, result.errors)
        XCTAssertEqual(result.output, "begin\n0|first\n1|second\nend\n")
    }

    func testReadOfNothingStillPrintsHeaderAndFooter() {
        XCTAssertEqual(
            plugins.run("read notes --from latest --format pipes").output, "begin\nend\n")
    }

    func testTailPrintsTheFooterWhenItStops() {
        let result = plugins.run("tail notes --from earliest --count 1 --format pipes")
        XCTAssertEqual(result.output, "begin\n0|first\nend\n")
    }

    func testBuiltInFormatsAreTextAndJSON() {
        XCTAssertEqual(
            plugins.run("read notes --format json --count 1").output,
            plugins.run("read notes --json --count 1").output)
        XCTAssertTrue(plugins.run("read notes --format text").output.contains("  first\n"))
    }

    func testFormatOverridesHubshsJSONButNotTheCommandsOwn() {
        plugins.context.output.jsonByDefault = true
        XCTAssertEqual(
            plugins.run("read notes --format pipes --count 1").output, "begin\n0|first\nend\n")
        let both = plugins.run("read notes --json --format pipes")
        XCTAssertEqual(both.status, 2)
        XCTAssertEqual(both.errors, "error: give --json or --format, not both\n")
    }

    func testUnknownFormatNamesTheAvailableOnes() {
        let result = plugins.run("read notes --format yaml")
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(
            result.errors,
            "error: no format 'yaml'; use text, json, pipes (plugins can add more: see"
                + " 'plugin list')\n")
    }

    func testCompletionOffersEveryFormat() {
        let completer = Completer(registry: plugins.test.registry, context: plugins.context)
        XCTAssertEqual(completer.complete(line: "tail notes --format ", cursor: 20),
                       ["json", "pipes", "text"])
    }
}
