import Foundation
import XCTest

@testable import HubShell

/// The help texts compared literally: a change to a spec or to the layout shows up here.
final class HelpTests: XCTestCase {
    private func help(_ line: String) -> (status: Int32, text: String) {
        let test = TestShell(commands: DomainCommands.all)
        let status = test.run(line)
        XCTAssertEqual(test.errors, "")
        return (status, test.output)
    }

    func testHelpListsCommandsGroupedByFirstWord() {
        let (status, text) = help("help")
        XCTAssertEqual(status, 0)
        XCTAssertEqual(
            text,
            """
            Commands (type 'help COMMAND' or 'COMMAND --help' for details):

              hub create           create a hub with partitions and a retention
              hub list             list the hubs of this namespace with their size
              hub show             show a hub's settings, groups and partitions
              hub delete           delete a hub with its events, groups and checkpoints
              hub purge            remove events older than the hub's retention now
              hub set              change a hub's retention, event size or schema
              hub validate         check a hub's stored events against its schema

              group create         add a consumer group to a hub
              group list           list a hub's consumer groups
              group delete         delete a consumer group and its checkpoints

              publish              publish events to a hub
              read                 read events from a position, then stop
              tail                 follow new events as they are published
              consume              read as a consumer group and checkpoint the progress

              checkpoint list      show checkpoints and lag per partition
              checkpoint set       set a group's checkpoint in one partition
              checkpoint reset     move a group's checkpoints to a position

              lag                  show how many events each consumer group has not
                                   processed

              schema group create  create a schema group
              schema group list    list the schema groups
              schema register      register a schema file as a schema's next version
              schema list          list the registered schemas with their latest version
              schema show          print a schema version's definition
              schema check         say whether a schema file would be accepted
              schema validate      check event bodies against a schema

              deadletter list      list a hub's dead-lettered events and why
              deadletter replay    republish dead-lettered events that now pass

              bench publish        measure how fast events can be published
              bench read           measure how fast stored events are read
              bench e2e            measure the latency from publish to delivery
              bench baseline       measure the storage engine's raw append loop
              bench validate       measure the validation rate of a schema

            Shell commands:

              echo                 print the words, separated by spaces
              exit                 leave hubsh with an exit status
              help                 list the commands, or show one command's help
              open                 switch to another data directory or NATS cluster
              plugin disable       hide everything a plugin adds
              plugin enable        show again what a disabled plugin adds
              plugin info          show a plugin's commands, generators, formats and hooks
              plugin list          list the loaded plugins and what each adds
              plugin load          load a plugin library and add what it declares
              set                  set a variable, or list the variables
              sleep                wait for a while (Ctrl-C stops waiting)
              source               run the commands of a script file in this shell
              unset                remove a variable

            """)
    }

    func testHelpEchoShowsUsageDetailsFlagsAndExamples() {
        let (status, text) = help("help echo")
        XCTAssertEqual(status, 0)
        XCTAssertEqual(
            text,
            #"""
            usage: echo [WORDS...]

            print the words, separated by spaces

            Quote a word to keep its spaces: echo "a  b" prints a  b. A word that starts
            with '-' is read as a flag; put -- before such words.

            With --json the line is printed as one JSON string.

            Arguments:
              WORDS...    the words to print

            Flags:
              --json      print JSON for scripts instead of a table
              -h, --help  show this command's help

            Examples:
              echo hello
              echo "hub: $HUB"
              echo -- -5 is a position

            """#)
    }

    func testCheckpointSetHelpShowsItsRequiredFlagsWithoutBrackets() {
        let (status, text) = help("help checkpoint set")
        XCTAssertEqual(status, 0)
        XCTAssertEqual(
            text,
            """
            usage: checkpoint set HUB GROUP --partition P --seq N

            set a group's checkpoint in one partition

            The group resumes after the event with this sequence number; the event must
            still be retained.

            Arguments:
              HUB                the hub
              GROUP              the consumer group

            Flags:
              -p, --partition P  the partition
              --seq N            the last processed sequence number
              --json             print JSON for scripts instead of a table
              -h, --help         show this command's help

            Examples:
              checkpoint set orders billing --partition 0 --seq 41

            """)
    }

    func testConsumeAndCheckpointResetUsageShowTheirRequiredFlags() {
        let consume = help("consume --help").text
        XCTAssertTrue(
            consume.hasPrefix("usage: consume HUB --group GROUP [--partition P]"), consume)
        XCTAssertTrue(
            help("checkpoint reset --help").text.hasPrefix(
                "usage: checkpoint reset HUB GROUP --to POS [--partition P]\n"))
    }

    func testHubHelpListsTheFamily() {
        let (status, text) = help("hub --help")
        XCTAssertEqual(status, 0)
        XCTAssertEqual(
            text,
            """
            'hub' commands (type 'help hub COMMAND' for details):

              hub create    create a hub with partitions and a retention
              hub list      list the hubs of this namespace with their size
              hub show      show a hub's settings, groups and partitions
              hub delete    delete a hub with its events, groups and checkpoints
              hub purge     remove events older than the hub's retention now
              hub set       change a hub's retention, event size or schema
              hub validate  check a hub's stored events against its schema

            """)
        XCTAssertEqual(help("help hub").text, text)
    }

    func testHelpOfACommandEqualsItsDashDashHelp() {
        for name in ["hub create", "tail", "source", "set", "help"] {
            XCTAssertEqual(help("help \(name)").text, help("\(name) --help").text, name)
        }
    }

    func testHubCreateHelpWrapsLongFlagHelpUnderItself() {
        let text = help("hub create --help").text
        XCTAssertTrue(
            text.contains(
                """
                  --max-event-size BYTES  largest event or batch, such as 1MiB or 262144
                                          (default 1MiB)
                """),
            text)
        XCTAssertTrue(text.hasPrefix("usage: hub create NAME [--partitions N]"), text)
        XCTAssertTrue(
            text.contains(
                "  --replicas N            copies of each partition on a replicated engine, 1-5"),
            text)
        XCTAssertTrue(text.split(separator: "\n").allSatisfy { $0.count <= 80 }, text)
    }

    func testTailHelpAndTheReadmeGiveThePollIntervalTheCodeUses() throws {
        let interval = "polls every \(Follow.idleMillis) ms"
        let (_, text) = help("tail --help")
        XCTAssertTrue(text.contains(interval), text)
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let rows = try String(contentsOf: readme, encoding: .utf8)
            .split(separator: "\n").filter { $0.hasPrefix("| `tail HUB") }
        XCTAssertEqual(rows.count, 1)
        XCTAssertTrue(rows.allSatisfy { $0.contains(interval) }, "\(rows)")
    }

    func testTheReadmeCommandTablesNameEveryFlagOfEveryCommand() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| `") }
        // `bench e2e` takes the flags of `bench publish`, and its row says so.
        let sharing = ["bench e2e": "bench publish"]
        for command in DomainCommands.all {
            let name = command.spec.path.joined(separator: " ")
            let names = [name] + (sharing[name].map { [$0] } ?? [])
            let own = rows.filter { row in
                names.contains { row.contains("`\($0) ") || row.contains("`\($0)`") }
            }.joined(separator: "\n")
            XCTAssertFalse(own.isEmpty, "no README row for '\(name)'")
            // Every command takes --json and --help; the README says so once.
            let common = ["--json", "--help"]
            for flag in command.spec.flags where !flag.hidden && !common.contains(flag.name) {
                // `--partition` must not be found inside `--partitions`.
                let pattern = NSRegularExpression.escapedPattern(for: flag.name) + "(?![a-z-])"
                XCTAssertNotNil(
                    own.range(of: pattern, options: .regularExpression),
                    "the README's row for '\(name)' does not name \(flag.name)")
                if let short = flag.short {
                    XCTAssertTrue(text.contains("`\(short)`"), "the README does not name \(short)")
                }
            }
        }
    }

    func testHelpOfAnUnknownCommandSuggestsOne() {
        let test = TestShell(commands: DomainCommands.all)
        XCTAssertEqual(test.run("help hub crate"), 2)
        XCTAssertEqual(
            test.errors,
            "error: no command 'hub crate'; did you mean 'hub create'?"
                + " (type 'help' for the list)\n")
    }

    func testHelpJSONDescribesEachCommand() {
        let (status, text) = help("help echo --json")
        XCTAssertEqual(status, 0)
        XCTAssertEqual(
            text,
            #"{"command":"echo","usage":"echo [WORDS...]","#
                + #""summary":"print the words, separated by spaces"}"# + "\n")
    }
}
