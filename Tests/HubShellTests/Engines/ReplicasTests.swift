import XCTest

@testable import HubShell

/// `hub create --replicas N` and where the replica count shows.
final class ReplicasTests: XCTestCase {
    func testReplicasShowInShowListAndJSON() {
        let test = TestShell(commands: DomainCommands.all)
        XCTAssertEqual(test.run("hub create orders --partitions 2 --replicas 3"), 0, test.errors)
        XCTAssertEqual(
            test.output,
            "created hub 'orders': 2 partitions, 3 replicas, retention 7d, max event size"
                + " 1.0 MiB\n")
        XCTAssertEqual(test.run("hub show orders"), 0, test.errors)
        XCTAssertTrue(test.output.contains("\n  replicas        3\n"), test.output)
        XCTAssertEqual(test.run("hub list"), 0, test.errors)
        XCTAssertTrue(test.output.contains("HUB     PARTITIONS  REPLICAS"), test.output)
        XCTAssertEqual(test.run("hub show orders --json; hub list --json"), 0, test.errors)
        let lines = test.output.split(separator: "\n").suffix(2)
        XCTAssertEqual(lines.filter { $0.contains(#""replicas":3"#) }.count, 2, test.output)
    }

    func testOneReplicaIsTheDefaultAndNotMentionedWhenCreating() {
        let test = TestShell(commands: DomainCommands.all)
        XCTAssertEqual(test.run("hub create orders --json"), 0, test.errors)
        XCTAssertTrue(test.output.contains(#""replicas":1"#), test.output)
        XCTAssertEqual(test.run("hub create other"), 0, test.errors)
        XCTAssertEqual(
            test.output.split(separator: "\n").last,
            "created hub 'other': 4 partitions, retention 7d, max event size 1.0 MiB")
    }

    func testReplicasOutOfRangeAreAUsageError() {
        let test = TestShell(commands: DomainCommands.all)
        XCTAssertEqual(test.run("hub create orders --replicas 6"), 2)
        XCTAssertTrue(test.errors.contains("--replicas"), test.errors)
        XCTAssertEqual(test.run("hub create orders --replicas 0"), 2)
        XCTAssertEqual(test.run("hub list --json"), 0)
        XCTAssertFalse(test.output.contains("orders"), test.output)
    }

    func testReplicasCompleteAsAFlagOfHubCreate() {
        let test = TestShell(commands: DomainCommands.all)
        let completer = Completer(registry: test.registry, context: test.context)
        let line = "hub create x --rep"
        XCTAssertEqual(
            completer.complete(line: line, cursor: line.unicodeScalars.count), ["--replicas"])
    }
}
