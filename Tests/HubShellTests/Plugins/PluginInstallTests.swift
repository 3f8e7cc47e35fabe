import HubCore
import HubPluginAPI
import XCTest

@testable import HubShell

/// What a plugin declares is checked before anything of it is added, and a plugin can be
/// hidden and shown again.
final class PluginInstallTests: XCTestCase {
    private var plugins: PluginShell!

    override func setUpWithError() throws {
        plugins = try PluginShell()
    }

    private func command(_ words: [String], flags: [PluginFlag] = []) -> PluginCommand {
        PluginCommand(PluginCommandSpec(words, summary: "does nothing", flags: flags)) { _, host in
            host.write("ran " + words.joined(separator: " "))
        }
    }

    /// The description of the error installing `plugin` throws.
    private func refusal(_ plugin: TestPlugin) -> String {
        do {
            try plugins.shell.install(plugin, path: "/plugins/lib\(plugin.name).so")
            return "installed"
        } catch {
            return "\(error)"
        }
    }

    func testCommandThatClashesWithABuiltInIsRefused() {
        XCTAssertEqual(
            refusal(TestPlugin("dup", commands: [command(["hub", "list"])])),
            "cannot load plugin 'dup' from /plugins/libdup.so: its command 'hub list' clashes"
                + " with the built-in command 'hub list'; nothing of the plugin was added")
    }

    func testCommandThatWouldShadowAFamilyIsRefused() {
        XCTAssertTrue(refusal(TestPlugin("x", commands: [command(["hub"])])).contains(
            "its command 'hub' clashes with the built-in command 'hub create'"))
        XCTAssertTrue(refusal(TestPlugin("y", commands: [command(["echo", "twice"])])).contains(
            "its command 'echo twice' clashes with the built-in command 'echo'"))
    }

    func testNewSubcommandOfABuiltInFamilyIsFine() {
        XCTAssertEqual(refusal(TestPlugin("stats", commands: [command(["hub", "stats"])])),
                       "installed")
        XCTAssertEqual(plugins.run("hub stats").output, "ran hub stats\n")
    }

    func testClashWithAnotherPluginIsRefusedAsAWhole() throws {
        try plugins.shell.install(TestPlugin("first", commands: [command(["report"])]), path: "")
        let second = TestPlugin(
            "second", commands: [command(["other"]), command(["report"])],
            formats: [PluginFormat("csv", summary: "") { _ in PipeFormatter() }])
        XCTAssertEqual(
            refusal(second),
            "cannot load plugin 'second' from /plugins/libsecond.so: its command 'report'"
                + " clashes with command 'report' of plugin 'first'; nothing of the plugin was"
                + " added")
        XCTAssertNil(plugins.test.registry.match(["other"]))
        XCTAssertEqual(plugins.context.plugins.formatNames, [])
    }

    func testGeneratorFormatAndHookNamesAreUniqueAcrossPlugins() throws {
        let format = PluginFormat("csv", summary: "") { _ in PipeFormatter() }
        try plugins.shell.install(TestPlugin("one", formats: [format]), path: "")
        XCTAssertTrue(refusal(TestPlugin("two", formats: [format])).contains(
            "its format 'csv' clashes with the format of plugin 'one'"))
    }

    func testPluginNamesAreUnique() throws {
        try plugins.shell.install(TestPlugin("same"), path: "/a/libsame.so")
        XCTAssertEqual(
            refusal(TestPlugin("same")),
            "cannot load plugin '/plugins/libsame.so': a plugin named 'same' is already loaded"
                + " from '/a/libsame.so'")
    }

    func testDeclarationsBreakingTheRulesAreRefused() {
        XCTAssertTrue(refusal(TestPlugin("Bad Name")).contains("its name must be"))
        XCTAssertTrue(refusal(TestPlugin("j", commands: [command(["j"], flags: [
            PluginFlag("--json", "mine")])])).contains("flag '--json' is taken"))
        let generator = PluginGenerator(
            "g", summary: "", options: [PluginFlag("--count", value: "N", "mine")]
        ) { _ in CountingProducer(prefix: "", keys: 1) }
        XCTAssertTrue(refusal(TestPlugin("g", generators: [generator])).contains(
            "generator 'g': flag '--count' is taken"))
        let text = PluginFormat("text", summary: "") { _ in PipeFormatter() }
        XCTAssertTrue(refusal(TestPlugin("t", formats: [text])).contains(
            "format 'text' is built into hubsh"))
    }

    func testDisableHidesAndEnableRestores() throws {
        try plugins.shell.install(TestPlugin("tools", commands: [command(["tool"])]), path: "")
        XCTAssertEqual(plugins.run("plugin disable tools").status, 0)
        let hidden = plugins.run("tool")
        XCTAssertEqual(hidden.status, 2)
        XCTAssertTrue(hidden.errors.contains("unknown command 'tool'"), hidden.errors)
        XCTAssertTrue(plugins.run("plugin list").output.contains("disabled"))
        XCTAssertEqual(plugins.run("plugin enable tools; tool").output,
                       "enabled plugin 'tools': command tool\nran tool\n")
    }

    func testWhatADisabledPluginAddsIsNamedWithHowToEnableIt() throws {
        let format = PluginFormat("csv", summary: "") { _ in PipeFormatter() }
        try plugins.shell.install(
            TestPlugin(
                "kit", commands: [command(["hello"])],
                generators: [PluginGeneratorTests.counter], formats: [format]),
            path: "")
        _ = try plugins.log.createHub(HubSpec(name: "h", partitionCount: 1))
        plugins.run("plugin disable kit")
        let hint = "plugin 'kit' adds it but is disabled ('plugin enable kit' shows it again)"
        for (line, start) in [
            ("hello", "unknown command 'hello'; "),
            ("read h --format csv", "no format 'csv'; "),
            ("publish h --generator counter", "no generator 'counter'; "),
        ] {
            let result = plugins.run(line)
            XCTAssertEqual(result.status, 2, line)
            XCTAssertEqual(result.errors, "error: " + start + hint + "\n", line)
        }
    }

    func testDisablingOrEnablingTwiceSucceedsWithANote() throws {
        try plugins.shell.install(TestPlugin("tools", commands: [command(["tool"])]), path: "")
        let enabled = plugins.run("plugin enable tools")
        XCTAssertEqual(enabled.status, 0, enabled.errors)
        XCTAssertEqual(enabled.errors, "plugin 'tools' was already enabled\n")
        plugins.run("plugin disable tools")
        let again = plugins.run("plugin disable tools")
        XCTAssertEqual(again.status, 0, again.errors)
        XCTAssertEqual(again.output, "")
        XCTAssertTrue(again.errors.contains("was already disabled"), again.errors)
        XCTAssertEqual(plugins.run("plugin enable tools; tool").status, 0)
    }

    func testAnUnknownGeneratorOptionPointsToTheGeneratorsHelp() throws {
        try plugins.shell.install(
            TestPlugin("counting", generators: [PluginGeneratorTests.counter]), path: "")
        _ = try plugins.log.createHub(HubSpec(name: "h", partitionCount: 1))
        let result = plugins.run("publish h --generator counter --bogus 1")
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(
            result.errors.contains("(see 'publish --generator counter --help')"), result.errors)
        let help = plugins.run("publish --generator counter --help")
        XCTAssertTrue(help.output.contains("--prefix P"), help.output)
    }

    func testListAndInfoDescribeWhatEachPluginAdds() throws {
        let format = PluginFormat("csv", summary: "comma separated") { _ in PipeFormatter() }
        try plugins.shell.install(
            TestPlugin("kit", summary: "a kit", commands: [command(["tool"])], formats: [format]),
            path: "/p/libkit.so")
        let json = plugins.run("plugin list --json").output
        XCTAssertTrue(json.hasPrefix("{\"name\":\"kit\",\"version\":\"2.0.0\",\"summary\":\"a kit\""
            + ",\"enabled\":true,\"path\":\"/p/libkit.so\",\"apiVersion\":"), json)
        let info = plugins.run("plugin info kit").output
        XCTAssertTrue(info.hasPrefix("plugin kit 2.0.0 (enabled)\na kit\nloaded from /p/libkit.so"),
                      info)
        XCTAssertTrue(info.contains("\nCommands:\n  tool  does nothing\n"), info)
        XCTAssertTrue(info.contains("  csv   comma separated"), info)
    }

    func testUnknownPluginNamesTheLoadedOnes() throws {
        try plugins.shell.install(TestPlugin("kit"), path: "")
        let result = plugins.run("plugin info kot")
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.errors, "error: no plugin 'kot' (loaded: kit)\n")
    }

    func testPluginNamesAreFoundInAnyCaseAndOtherSeparatorsGetTheRightName() throws {
        try plugins.shell.install(TestPlugin("text-formats"), path: "")
        let disabled = plugins.run("plugin disable TEXT-Formats")
        XCTAssertEqual(disabled.status, 0, disabled.errors)
        XCTAssertTrue(disabled.output.hasPrefix("disabled plugin 'text-formats'"), disabled.output)
        XCTAssertEqual(plugins.run("plugin enable Text-formats").status, 0)
        XCTAssertEqual(
            Completer(registry: plugins.shell.registry, context: plugins.shell.context)
                .complete(line: "plugin info TEXT", cursor: 16),
            ["text-formats"])

        for typed in ["TextFormats", "text_formats", "text.formats"] {
            let result = plugins.run("plugin disable \(typed)")
            XCTAssertEqual(result.status, 1, typed)
            XCTAssertEqual(
                result.errors,
                "error: no plugin '\(typed)'; did you mean 'text-formats'? (plugin names"
                    + " separate words with '-')\n")
        }
    }

    func testLoadingAFileThatIsNoPluginSaysWhy() throws {
        let text = try plugins.folder.write("libnotes.so", "just text\n")
        let cases = [
            (plugins.folder.path + "/missing.so", "no such file"),
            (text, "not a shared library (it has no ELF header)"),
            (plugins.folder.path, "it is a folder"),
        ]
        for (path, reason) in cases {
            let result = plugins.run("plugin load '\(path)'")
            XCTAssertEqual(result.status, 1)
            XCTAssertEqual(result.errors.split(separator: "\n").count, 1, result.errors)
            XCTAssertTrue(result.errors.contains(reason), result.errors)
        }
        XCTAssertEqual(plugins.context.plugins.all.count, 0)
    }
}
