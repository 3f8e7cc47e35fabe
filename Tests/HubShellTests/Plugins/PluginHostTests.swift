import HubCore
import HubPluginAPI
import XCTest

@testable import HubShell

/// The host API reaches the namespace the shell has open, with hubsh's own error messages.
final class PluginHostTests: XCTestCase {
    private var plugins: PluginShell!
    private var host: ShellPluginHost!

    override func setUpWithError() throws {
        plugins = try PluginShell()
        _ = try plugins.log.createHub(HubSpec(name: "orders", partitionCount: 2))
        _ = try plugins.log.createConsumerGroup(hub: "orders", name: "billing")
        host = ShellPluginHost(context: plugins.context, plugin: "probe")
    }

    func testHubsAndPartitionsDescribeTheNamespace() throws {
        XCTAssertEqual(try host.hubs().map(\.name), ["orders"])
        XCTAssertEqual(try host.hub(named: "orders").partitionCount, 2)
        _ = try host.publish([PluginEvent(text: "a"), PluginEvent(text: "b")], toHub: "orders",
                             partition: 1)
        let partitions = try host.partitions(ofHub: "orders")
        XCTAssertEqual(partitions.map(\.eventCount), [0, 2])
        XCTAssertNotNil(partitions[1].lastEnqueuedTime)
    }

    func testPublishedEventsReadBackWithTheirLocation() throws {
        var event = PluginEvent(
            text: "{\"id\":1}", partitionKey: "k-1", contentType: "application/json")
        event.setProperty("n", .int(7))
        let landed = try host.publish([event], toHub: "orders", partition: nil)
        let partition = PartitionKey.partition(for: "k-1", partitionCount: 2)
        XCTAssertEqual(landed.map(\.partition), [partition])

        let read = try host.read(hub: "orders", partition: partition, from: .earliest, maxCount: 10)
        XCTAssertEqual(read.map(\.event), [event])
        XCTAssertEqual(read.first?.location, landed.first)
        XCTAssertEqual(
            try host.read(hub: "orders", partition: partition, from: .latest, maxCount: 5), [])
    }

    func testGroupsAndCheckpoints() throws {
        _ = try host.publish((0..<3).map { PluginEvent(text: "e\($0)") }, toHub: "orders",
                             partition: 0)
        XCTAssertEqual(try host.consumerGroups(ofHub: "orders"), ["$default", "billing"])
        try host.setCheckpoint(hub: "orders", group: "billing", partition: 0, sequenceNumber: 1)
        let checkpoints = try host.checkpoints(hub: "orders", group: "billing")
        XCTAssertEqual(checkpoints.map(\.sequenceNumber), [1])
        XCTAssertTrue(checkpoints[0].owner.hasSuffix("/probe"), checkpoints[0].owner)
        XCTAssertEqual(plugins.run("lag orders billing --json").output.contains("\"lag\":1"), true)
    }

    func testErrorsCarryHubshsMessages() {
        XCTAssertThrowsError(try host.hub(named: "nope")) { error in
            XCTAssertEqual(
                (error as? PluginError)?.message,
                "hub 'nope' does not exist (use 'hub list' to see the hubs)")
        }
        XCTAssertThrowsError(try host.read(hub: "orders", partition: 5, from: .earliest,
                                           maxCount: 1)) { error in
            XCTAssertTrue("\(error)".contains("partition 5 does not exist (use 0-1)"))
        }
        XCTAssertThrowsError(
            try host.setCheckpoint(hub: "orders", group: "billing", partition: 0,
                                   sequenceNumber: 9))
    }

    func testOutputGoesWhereTheShellsOutputGoes() {
        host.write("plain")
        host.writeJSON(
            .object([("x", .double(1.5)), ("nan", .double(.nan)), ("ok", .bool(true))]))
        host.writeTable(
            [TableColumn("NAME"), TableColumn("N", numeric: true)], rows: [["a", "10"]])
        host.log(.warning, "careful")
        host.log(.debug, "hidden without --verbose")
        XCTAssertEqual(
            plugins.test.output,
            "plain\n{\"x\":1.5,\"nan\":null,\"ok\":true}\nNAME   N\na     10\n")
        XCTAssertEqual(plugins.test.errors, "warning: careful\n")
        XCTAssertEqual(
            host.terminal, TerminalTraits(isTerminal: false, useColor: false, columns: 80))
    }
}
