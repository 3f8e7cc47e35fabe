import HubCore
import HubLMDB
import XCTest

@testable import HubShell

final class CompleterTests: XCTestCase {
    private var test: TestShell!
    private var completer: Completer!

    override func setUpWithError() throws {
        test = TestShell(commands: DomainCommands.all)
        _ = try test.log.createHub(HubSpec(name: "orders", partitionCount: 3))
        _ = try test.log.createHub(HubSpec(name: "orders-eu"))
        _ = try test.log.createHub(HubSpec(name: "payments"))
        _ = try test.log.createConsumerGroup(hub: "orders", name: "billing")
        completer = Completer(registry: test.registry, context: test.context)
    }

    /// Completions with the cursor at the end of `line`.
    private func complete(_ line: String) -> [String] {
        completer.complete(line: line, cursor: line.unicodeScalars.count)
    }

    func testFirstWordCompletesCommands() {
        XCTAssertEqual(complete("hu"), ["hub"])
        XCTAssertEqual(complete("s"), ["schema", "set", "sleep", "source"])
        XCTAssertTrue(complete("").contains("publish"))
    }

    func testSecondWordCompletesSubcommands() {
        XCTAssertEqual(complete("hub c"), ["create"])
        XCTAssertEqual(
            complete("hub "), ["create", "delete", "list", "purge", "set", "show", "validate"])
        XCTAssertEqual(complete("checkpoint re"), ["reset"])
    }

    func testFlagsOfTheMatchedCommand() {
        XCTAssertEqual(complete("hub create x --par"), ["--partitions"])
        XCTAssertEqual(complete("tail orders --e"), ["--exclusive"])
        XCTAssertFalse(complete("tail orders --from latest --").contains("--from"))
    }

    func testHubNamesComeFromTheLog() {
        XCTAssertEqual(complete("hub show ord"), ["orders", "orders-eu"])
        XCTAssertEqual(complete("tail p"), ["payments"])
    }

    func testGroupsAreThoseOfTheFirstPositionalHub() {
        XCTAssertEqual(complete("tail orders --group "), ["'$default'", "billing"])
        XCTAssertEqual(complete("tail orders -g b"), ["billing"])
        XCTAssertEqual(complete("tail payments --group b"), [])
    }

    func testQuotedPrefixMatchesTheQuotedValue() {
        XCTAssertEqual(complete("tail orders --group '$d"), ["'$default'"])
    }

    func testPartitionsOfTheHub() {
        XCTAssertEqual(complete("tail orders --partition "), ["0", "1", "2"])
        XCTAssertEqual(complete("tail nowhere --partition "), [])
    }

    func testPositions() {
        XCTAssertEqual(
            complete("tail orders --from "), ["earliest", "latest", "offset:", "seq:", "time:"])
        XCTAssertEqual(complete("tail orders --from=l"), ["--from=latest"])
    }

    func testPathsForFiles() throws {
        let folder = try TemporaryFolder()
        try folder.write("scripts/tour.hsh", "")
        try folder.write("scripts/.hidden", "")
        try folder.write("notes.txt", "")
        let scripts = folder.path + "/scripts/"
        XCTAssertEqual(complete("source \(folder.path)/s"), [scripts])
        XCTAssertEqual(complete("source \(scripts)"), [scripts + "tour.hsh"])
        XCTAssertEqual(complete("source \(scripts)."), [scripts + ".hidden"])
    }

    func testSampleStreamsComeFromTheCatalogue() {
        XCTAssertTrue(complete("publish orders --sample ").contains("warehouse-telemetry"))
        XCTAssertEqual(complete("publish orders --sample warehouse-t"), ["warehouse-telemetry"])
        // The twenty names the help and the errors list; aliases such as `clicks` are not.
        XCTAssertEqual(complete("publish orders --sample ").count, 20)
        XCTAssertEqual(complete("publish orders --sample cl"), ["clickstream"])
        XCTAssertEqual(complete("publish orders --sample re"),
                       ["recommendations", "returns", "reviews"])
    }

    func testHelpCompletesCommandWords() {
        XCTAssertEqual(complete("help hub s"), ["set", "show"])
        XCTAssertEqual(complete("help gr"), ["group"])
    }

    func testCompletionStartsOverAfterSemicolon() {
        XCTAssertEqual(complete("echo x; hu"), ["hub"])
        XCTAssertEqual(complete("echo x;hub sh"), ["show"])
    }

    func testCursorInTheMiddleCompletesTheWordBeforeIt() {
        let line = "hub sh orders"
        XCTAssertEqual(completer.complete(line: line, cursor: 6), ["show"])
        XCTAssertEqual(completer.completion(line: line, cursor: 6).wordStart, 4)
    }

    func testLogErrorsCompleteNothing() {
        test.log.failure = .storage("disk on fire")
        XCTAssertEqual(complete("hub show o"), [])
        XCTAssertEqual(complete("hub sh"), ["show"])
    }

    func testVariableNamesAfterDollar() {
        test.context.variables["HUB_NAME"] = "orders"
        test.context.variables["HUBBLE"] = "x"
        XCTAssertEqual(complete("hub show $HUB_"), ["$HUB_NAME"])
        XCTAssertEqual(complete("echo \"pre-$HUBB"), ["\"pre-$HUBBLE"])
        XCTAssertTrue(complete("echo $HO").contains("$HOME"))
    }

    func testNothingInsideAComment() {
        XCTAssertEqual(complete("echo a # hu"), [])
    }

    func testNothingAfterACommandWithoutArguments() {
        XCTAssertEqual(complete("hub list x"), [])
    }

    func testNamesComeFromTheEmbeddedLog() throws {
        let folder = try TemporaryFolder()
        let log = try LMDBEventLog.open(directory: folder.path + "/data")
        defer { log.close() }
        _ = try log.createHub(HubSpec(name: "clicks", partitionCount: 2))
        _ = try log.createConsumerGroup(hub: "clicks", name: "analytics")
        test.context.log = log
        XCTAssertEqual(complete("read cl"), ["clicks"])
        XCTAssertEqual(complete("consume clicks --group a"), ["analytics"])
        XCTAssertEqual(complete("read clicks --partition "), ["0", "1"])
    }

    func testHubAndGroupNamesCompleteInAnyCaseAsCreated() throws {
        _ = try test.log.createHub(HubSpec(name: "Clicks"))
        _ = try test.log.createConsumerGroup(hub: "Clicks", name: "Analytics")
        XCTAssertEqual(complete("read cl"), ["Clicks"])
        XCTAssertEqual(complete("hub show ORD"), ["orders", "orders-eu"])
        XCTAssertEqual(complete("consume Clicks --group a"), ["Analytics"])
        XCTAssertEqual(complete("consume Clicks --group=A"), ["--group=Analytics"])
        XCTAssertEqual(complete("consume Clicks --GR"), [], "flags keep their case")
        XCTAssertEqual(complete("HU"), [], "command words keep their case")
    }

    func testLineEditorReplacesTheTypedPrefixWithTheNamesSharedStart() {
        XCTAssertEqual(LineEditor.replacement(for: "ord", matches: ["Orders"]), "Orders")
        XCTAssertEqual(
            LineEditor.replacement(for: "ord", matches: ["Orders", "ORDERS-EU"]), "Orders")
        XCTAssertEqual(LineEditor.replacement(for: "ord", matches: ["Orders", "ordinal"]), "ord")
        XCTAssertEqual(LineEditor.replacement(for: "", matches: ["Abc", "abd"]), "")
        XCTAssertEqual(LineEditor.replacement(for: "o", matches: ["orders", "orders-eu"]), "orders")
    }

    func testLineEditorReplacesLibeditsWordWhenItStartsLater() throws {
        // libedit breaks words at every blank, even inside quotes: its word here is `fi`.
        let folder = try TemporaryFolder()
        try folder.write("my files/tour.hsh", "")
        let line = "source '\(folder.path)/my fi"
        let end = line.unicodeScalars.count
        let matches = LineEditor.matches(
            completer, line: line, word: "fi", start: end - 2, end: end)
        XCTAssertEqual(matches, ["files/'"])
    }

    func testLineEditorMatchesWhenWordsAgree() {
        XCTAssertEqual(
            LineEditor.matches(completer, line: "echo x; hub sh", word: "sh", start: 12, end: 14),
            ["show"])
        XCTAssertEqual(LineEditor.commonPrefix(["orders", "orders-eu"]), "orders")
    }

    func testLineEditorOffersNothingWhenItsBufferDisagrees() {
        XCTAssertEqual(
            LineEditor.matches(completer, line: "stale", word: "sh", start: 12, end: 14), [])
    }
}
