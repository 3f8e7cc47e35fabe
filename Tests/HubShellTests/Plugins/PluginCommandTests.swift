import HubCore
import HubPluginAPI
import XCTest

@testable import HubShell

/// A plugin's command parses, helps, completes and prints like a built-in one.
final class PluginCommandTests: XCTestCase {
    private var plugins: PluginShell!

    /// `greet HUB [--times N] [--style S]`: writes a greeting per hub, as text or JSON.
    static let greet = PluginCommand(
        PluginCommandSpec(
            ["greet"], summary: "greet a hub",
            details: ["Says hello to the hub as many times as asked."],
            arguments: [PluginArgument("HUB", "the hub", completion: .hub)],
            flags: [
                PluginFlag("--times", short: "-t", value: "N", "how often (default 1)"),
                PluginFlag(
                    "--style", value: "S", "plain or loud",
                    completion: .custom { request in
                        request.partial.hasPrefix("l") ? ["loud", "lively"] : ["plain", "loud"]
                    }),
            ],
            examples: ["greet orders --times 2"]),
        run: { arguments, host in
            let hub = try host.hub(named: arguments.string(at: 0) ?? "")
            let times = try arguments.int("--times", default: 1, range: 1...5)
            if arguments.string("--style") == "broken" {
                throw PluginError("the loudspeaker is broken")
            }
            for _ in 0..<times {
                if arguments.wantsJSON {
                    host.writeJSON(.object([
                        ("hub", .string(hub.name)),
                        ("partitions", .int(Int64(hub.partitionCount))),
                    ]))
                } else {
                    host.write("hello, \(hub.name)")
                }
            }
        })

    override func setUpWithError() throws {
        plugins = try PluginShell()
        _ = try plugins.log.createHub(HubSpec(name: "orders", partitionCount: 3))
        try plugins.shell.install(TestPlugin("greeter", commands: [Self.greet]), path: "")
    }

    func testCommandRunsWithItsArgumentsAndFlags() {
        let result = plugins.run("greet orders --times 2")
        XCTAssertEqual(result.status, 0, result.errors)
        XCTAssertEqual(result.output, "hello, orders\nhello, orders\n")
    }

    func testCommandPrintsJSONWithItsOwnFlagOrHubshs() {
        let own = plugins.run("greet orders --json")
        XCTAssertEqual(own.output, "{\"hub\":\"orders\",\"partitions\":3}\n")
        plugins.context.output.jsonByDefault = true
        XCTAssertEqual(plugins.run("greet orders").output, own.output)
    }

    func testHelpHasTheLayoutOfBuiltInHelp() {
        let result = plugins.run("greet --help")
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(
            result.output,
            """
            usage: greet HUB [--times N] [--style S]

            greet a hub

            Says hello to the hub as many times as asked.

            Arguments:
              HUB            the hub

            Flags:
              -t, --times N  how often (default 1)
              --style S      plain or loud
              --json         print JSON for scripts instead of a table
              -h, --help     show this command's help

            Examples:
              greet orders --times 2

            """)
        XCTAssertEqual(plugins.run("help greet").output, result.output)
    }

    func testHelpListsPluginCommandsInTheirOwnSection() {
        let text = plugins.run("help").output
        XCTAssertTrue(
            text.hasSuffix(
                "Commands from plugins (see 'plugin list'):\n\n"
                    + "  greet                greet a hub\n"),
            text)
    }

    func testWrongFlagIsAUsageErrorBeforeThePluginRuns() {
        let result = plugins.run("greet orders --tims 2")
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(
            result.errors, "error: unknown flag '--tims' for 'greet'; did you mean '--times'?\n")
    }

    func testPluginUsageErrorExitsWithTwo() {
        let result = plugins.run("greet orders --times 9")
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.errors, "error: --times must be between 1 and 5, not 9\n")
    }

    func testPluginFailureAndHostErrorsExitWithOne() {
        let failure = plugins.run("greet orders --style broken")
        XCTAssertEqual(failure.status, 1)
        XCTAssertEqual(failure.errors, "error: the loudspeaker is broken\n")
        let missing = plugins.run("greet nowhere")
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(
            missing.errors,
            "error: hub 'nowhere' does not exist (use 'hub list' to see the hubs)\n")
    }

    func testCompletionOffersItsWordsHubsAndCustomValues() {
        let completer = Completer(registry: plugins.test.registry, context: plugins.context)
        func complete(_ line: String) -> [String] {
            completer.complete(line: line, cursor: line.unicodeScalars.count)
        }
        XCTAssertEqual(complete("gre"), ["greet"])
        XCTAssertEqual(complete("greet or"), ["orders"])
        XCTAssertEqual(complete("greet orders --t"), ["--times"])
        XCTAssertEqual(complete("greet orders --style "), ["loud", "plain"])
        XCTAssertEqual(complete("greet orders --style l"), ["lively", "loud"])
    }
}
