import CSupport
import HubCore
import XCTest

@testable import HubShell

final class ShellTests: XCTestCase {
    /// Counts the runs of the `count` command.
    private final class Probe: @unchecked Sendable {
        var runs = 0
    }

    /// A shell with test commands: `fail` throws a HubError, `usage` a usage error, `quiet` a
    /// silent failure; `count` counts its runs and `interrupt` raises SIGINT as Ctrl-C would.
    private func shell(keepGoing: Bool = false, probe: Probe = Probe()) -> TestShell {
        TestShell(
            commands: [
                Command(CommandSpec(["fail"], summary: "fails")) { _, _ in
                    throw HubError.hubNotFound("nope")
                },
                Command(CommandSpec(["usage"], summary: "usage error")) { arguments, _ in
                    throw arguments.usageError("usage is wrong")
                },
                Command(CommandSpec(["count"], summary: "counts")) { _, _ in probe.runs += 1 },
                Command(CommandSpec(["quiet"], summary: "fails silently")) { _, _ in
                    throw CommandFailure(nil, status: 1)
                },
                Command(CommandSpec(["interrupt"], summary: "Ctrl-C")) { _, _ in
                    raise(SIGINT)
                },
                Command(CommandSpec(["group", "create"], summary: "creates a group")) { _, _ in },
                Command(CommandSpec(["group", "list"], summary: "lists groups")) { _, _ in },
            ],
            keepGoing: keepGoing)
    }

    // MARK: - Statuses

    func testSuccessfulScriptExitsZero() {
        let test = shell()
        XCTAssertEqual(test.run("echo hello   world\necho 'a  b'"), 0)
        XCTAssertEqual(test.output, "hello world\na  b\n")
        XCTAssertEqual(test.errors, "")
    }

    func testFailingCommandStopsScriptWithStatusOne() {
        let probe = Probe()
        let test = shell(probe: probe)
        XCTAssertEqual(test.run("count\nfail\ncount"), 1)
        XCTAssertEqual(probe.runs, 1)
        XCTAssertEqual(
            test.errors,
            "error: line 2: hub 'nope' does not exist (use 'hub list' to see the hubs)\n")
    }

    func testUsageErrorStopsScriptWithStatusTwo() {
        let probe = Probe()
        let test = shell(probe: probe)
        XCTAssertEqual(test.run("usage; count"), 2)
        XCTAssertEqual(probe.runs, 0)
        XCTAssertEqual(test.errors, "error: usage is wrong\n")
    }

    func testKeepGoingRunsEverythingAndReportsTheWorstKind() {
        let probe = Probe()
        let test = shell(keepGoing: true, probe: probe)
        XCTAssertEqual(test.run("fail\ncount\nusage\ncount\nfail"), 2)
        XCTAssertEqual(probe.runs, 2)
        XCTAssertEqual(test.errors.split(separator: "\n").count, 3)

        XCTAssertEqual(shell(keepGoing: true).run("fail; echo x; quiet"), 1)
    }

    func testCommandFailureWithoutMessagePrintsNothing() {
        let test = shell()
        XCTAssertEqual(test.run("quiet"), 1)
        XCTAssertEqual(test.errors, "")
    }

    func testExitStopsWithItsCode() {
        let probe = Probe()
        let test = shell(probe: probe)
        XCTAssertEqual(test.run("count; exit 3; count"), 3)
        XCTAssertEqual(probe.runs, 1)
        XCTAssertEqual(shell().run("exit"), 0)
        XCTAssertEqual(shell().run("exit 256"), 2)
    }

    func testExitWithoutCodeReportsTheLastStatus() {
        let test = shell(keepGoing: true)
        XCTAssertEqual(test.run("fail\nexit"), 1)
    }

    func testInterruptStopsScriptWith130() {
        let probe = Probe()
        let test = shell(probe: probe)
        XCTAssertEqual(test.run("count; interrupt; count"), 130)
        XCTAssertEqual(probe.runs, 1)
        test.context.clearInterrupt()
    }

    func testInterruptIsClearedBeforeEachCommand() {
        let probe = Probe()
        let test = shell(probe: probe)
        hubsh_install_sigint_handler()
        raise(SIGINT)
        XCTAssertEqual(test.run("count"), 0)
        XCTAssertEqual(probe.runs, 1)
    }

    func testSyntaxErrorRunsNothing() {
        let probe = Probe()
        let test = shell(probe: probe)
        XCTAssertEqual(test.run("count\necho 'open"), 2)
        XCTAssertEqual(probe.runs, 0)
        XCTAssertEqual(
            test.errors, "error: unclosed ' quote at line 2, column 6; add the closing '\n")
    }

    func testErrorsInScriptFilesStartWithTheirPlace() {
        let test = shell()
        XCTAssertEqual(test.run("echo ok\n  usage", file: "tour.hsh"), 2)
        XCTAssertEqual(test.errors, "error: tour.hsh:2:3: usage is wrong\n")

        let failing = shell()
        XCTAssertEqual(failing.run("\nfail", file: "tour.hsh"), 1)
        XCTAssertTrue(failing.errors.hasPrefix("error: tour.hsh:2:1: hub 'nope'"), failing.errors)
    }

    func testErrorsInScriptsOfSeveralLinesWithoutAFileStartWithTheLine() {
        let test = shell()
        XCTAssertEqual(test.run("echo ok\n\n  fail"), 1)
        XCTAssertTrue(test.errors.hasPrefix("error: line 3: hub 'nope'"), test.errors)

        let usage = shell()
        XCTAssertEqual(usage.run("echo ok\nusage"), 2)
        XCTAssertEqual(usage.errors, "error: line 2: usage is wrong\n")

        let oneLine = shell()
        XCTAssertEqual(oneLine.run("echo ok; fail"), 1)
        XCTAssertTrue(oneLine.errors.hasPrefix("error: hub 'nope'"), oneLine.errors)
    }

    func testTrailingBackslashFailsAlikeWithOrWithoutTheFinalNewline() {
        let withNewline = shell()
        XCTAssertEqual(withNewline.run("echo one\necho two \\\n"), 2)
        let without = shell()
        XCTAssertEqual(without.run("echo one\necho two \\"), 2)
        XCTAssertEqual(withNewline.output, "")
        XCTAssertEqual(withNewline.errors, without.errors)
        XCTAssertTrue(withNewline.errors.contains("at line 2, column 10"), withNewline.errors)
        XCTAssertEqual(shell().shell.execute(line: "echo x \\"), 2)
    }

    func testUnknownFlagPointsAtTheWord() {
        let test = shell()
        XCTAssertEqual(test.run("echo --nope", file: "a.hsh"), 2)
        XCTAssertEqual(
            test.errors, "error: a.hsh:1:6: unknown flag '--nope' for 'echo' (see 'echo --help')\n")
    }

    // MARK: - Commands

    func testUnknownCommandSuggestsTheClosest() {
        let test = shell()
        XCTAssertEqual(test.run("gruop list"), 2)
        XCTAssertEqual(
            test.errors,
            "error: unknown command 'gruop'; did you mean 'group'? (type 'help' for the list)\n")

        let far = shell()
        XCTAssertEqual(far.run("zzzzzz"), 2)
        XCTAssertEqual(far.errors, "error: unknown command 'zzzzzz' (type 'help' for the list)\n")
    }

    func testUnknownSubcommandSuggestsTheClosest() {
        let test = shell()
        XCTAssertEqual(test.run("group lsit"), 2)
        XCTAssertEqual(
            test.errors,
            "error: unknown command 'group lsit'; did you mean 'group list'?"
                + " (type 'help group' for its subcommands)\n")
    }

    func testFamilyWordAloneListsItsSubcommands() {
        let test = shell()
        XCTAssertEqual(test.run("group"), 2)
        XCTAssertEqual(
            test.errors,
            """
            error: 'group' needs a subcommand:
              group create  creates a group
              group list    lists groups

            """)
    }

    func testFamilyWordWithHelpListsItsSubcommands() {
        let test = shell()
        XCTAssertEqual(test.run("group --help"), 0)
        XCTAssertTrue(test.output.hasPrefix("'group' commands"), test.output)
    }

    func testDashDashHelpPrintsTheCommandsHelpWithoutRunningIt() {
        let probe = Probe()
        let test = shell(probe: probe)
        XCTAssertEqual(test.run("count --help"), 0)
        XCTAssertEqual(probe.runs, 0)
        let viaHelp = shell()
        XCTAssertEqual(viaHelp.run("help count"), 0)
        XCTAssertEqual(test.output, viaHelp.output)
    }

    func testEchoJoinsWordsAndPrintsJSONOnRequest() {
        let test = shell()
        XCTAssertEqual(test.run("echo\necho -- -5 x\necho --json 'say \"hi\"'"), 0)
        XCTAssertEqual(test.output, "\n-5 x\n\"say \\\"hi\\\"\"\n")
    }

    // MARK: - Variables

    func testSetMakesVariablesThatExpandAsOneWord() {
        let test = shell()
        XCTAssertEqual(test.run("set MSG 'a  b'; echo [$MSG] \"${MSG}!\""), 0)
        XCTAssertEqual(test.output, "[a  b] a  b!\n")
        XCTAssertEqual(test.context.variables["MSG"], "a  b")
    }

    func testExpansionSeesVariablesSetEarlierOnTheSameLine() {
        let test = shell()
        XCTAssertEqual(test.run("set X 1; echo $X; set X 2; echo $X"), 0)
        XCTAssertEqual(test.output, "1\n2\n")
    }

    func testShellVariableHidesEnvironmentVariable() {
        let test = shell()
        XCTAssertEqual(test.run("echo $HOME; set HOME /elsewhere; echo $HOME"), 0)
        let lines = test.output.split(separator: "\n")
        XCTAssertEqual(lines.last, "/elsewhere")
        XCTAssertNotEqual(lines.first, "/elsewhere")
    }

    func testUndefinedVariableIsAUsageErrorWithTheFix() {
        let test = shell()
        XCTAssertEqual(test.run("echo start\nhub show $HUB", file: "t.hsh"), 2)
        XCTAssertEqual(test.output, "start\n")
        XCTAssertEqual(
            test.errors, "error: t.hsh:2:10: variable 'HUB' is not set; use 'set HUB VALUE'\n")
    }

    func testSetValidatesTheName() {
        let test = shell()
        XCTAssertEqual(test.run("set 1X value"), 2)
        XCTAssertTrue(test.errors.contains("invalid variable name '1X'"), test.errors)
        XCTAssertEqual(shell().run("set X"), 2)
    }

    func testSetAloneListsVariablesQuotedWhereNeeded() {
        let test = shell()
        XCTAssertEqual(test.run("set B 'x y'; set A plain; set"), 0)
        XCTAssertEqual(test.output, "A=plain\nB='x y'\n")
        let json = shell()
        XCTAssertEqual(json.run("set A 1; set --json"), 0)
        XCTAssertEqual(json.output, "{\"A\":\"1\"}\n")
    }

    func testUnsetRemovesAVariable() {
        let test = shell()
        XCTAssertEqual(test.run("set X 1; unset X; unset NEVER_SET; echo $X"), 2)
        XCTAssertTrue(test.errors.contains("variable 'X' is not set"), test.errors)
    }

    func testUnsetOfAnEnvironmentVariableExplainsWhy() {
        let test = shell()
        XCTAssertEqual(test.run("unset HOME"), 1)
        XCTAssertTrue(test.errors.contains("comes from the environment"), test.errors)
    }

    // MARK: - Sleep

    func testSleepWaitsAndRejectsBadDurations() {
        let test = shell()
        let start = Date()
        XCTAssertEqual(test.run("sleep 50ms"), 0)
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(start), 0.045)
        let bad = shell()
        XCTAssertEqual(bad.run("sleep soon"), 2)
        XCTAssertTrue(bad.errors.contains("not 'soon'"), bad.errors)
    }

    // MARK: - Lines

    func testExecuteLineReturnsItsStatus() {
        let test = shell()
        XCTAssertEqual(test.shell.execute(line: "echo a; exit 4"), 4)
        XCTAssertEqual(test.shell.execute(line: "fail; echo not-run"), 1)
        XCTAssertEqual(test.output, "a\n")
        XCTAssertEqual(test.shell.execute(line: "   "), 0)
    }
}
