import HubCore
import HubPluginAPI
import XCTest

@testable import HubShell

/// Publish hooks see every event first and may change it or refuse the whole publish.
final class PublishHookTests: XCTestCase {
    private var plugins: PluginShell!

    static let stamp = PublishHook("stamp", summary: "adds a stamp property") { event, place in
        event.setProperty("stamp", .string("\(place.hub)#\(place.index + 1)/\(place.count)"))
        return .accept
    }

    static let upper = PublishHook("upper", summary: "upper-cases text bodies") { event, _ in
        event.body = Array((event.text ?? "").uppercased().utf8)
        return .accept
    }

    static let keyed = PublishHook("keyed", summary: "keys events by their body") { event, _ in
        event.partitionKey = event.text
        return .accept
    }

    static let refuseSecret = PublishHook("no-secrets", summary: "refuses secrets") { event, _ in
        if event.text?.contains("secret") == true { return .reject("it mentions a secret") }
        if event.text == "boom" { throw PluginError("the hook broke") }
        return .accept
    }

    override func setUpWithError() throws {
        plugins = try PluginShell()
        _ = try plugins.log.createHub(HubSpec(name: "mail", partitionCount: 4))
    }

    func testHooksEnrichAndTransformInLoadOrder() throws {
        try plugins.shell.install(TestPlugin("a", hooks: [Self.upper]), path: "")
        try plugins.shell.install(TestPlugin("b", hooks: [Self.stamp]), path: "")
        XCTAssertEqual(plugins.run("publish mail --count 2 hello").status, 0)
        let events = try plugins.events("mail")
        XCTAssertEqual(
            events.map { String(decoding: $0.data.body, as: UTF8.self) }, ["HELLO", "HELLO"])
        let stamps = events.compactMap { $0.data.properties.first { $0.0 == "stamp" }?.1.text }
        XCTAssertEqual(stamps.sorted(), ["mail#1/2", "mail#2/2"])
    }

    func testHooksRunBeforeThePartitionIsChosen() throws {
        try plugins.shell.install(TestPlugin("k", hooks: [Self.keyed]), path: "")
        plugins.run("publish mail customer-42")
        let event = try XCTUnwrap(try plugins.events("mail").first)
        XCTAssertEqual(
            event.partition, PartitionKey.partition(for: "customer-42", partitionCount: 4))
    }

    func testOneRefusedEventPublishesNothing() throws {
        try plugins.shell.install(TestPlugin("guard", hooks: [Self.refuseSecret]), path: "")
        let file = try plugins.folder.write("lines.txt", "fine\nthe secret plan\nfine too\n")
        let result = plugins.run("publish mail --file \(file)")
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.errors,
            "error: hook 'no-secrets' of plugin 'guard' refused event 2: it mentions a secret;"
                + " nothing was published\n")
        XCTAssertEqual(try plugins.events("mail").count, 0)
    }

    func testAHookThatThrowsRefusesTheEvent() throws {
        try plugins.shell.install(TestPlugin("guard", hooks: [Self.refuseSecret]), path: "")
        let result = plugins.run("publish mail boom")
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(
            result.errors,
            "error: hook 'no-secrets' of plugin 'guard' refused the event: the hook broke;"
                + " nothing was published\n")
    }

    func testDisabledPluginsHooksDoNotRun() throws {
        try plugins.shell.install(TestPlugin("a", hooks: [Self.upper]), path: "")
        plugins.run("plugin disable a; publish mail quiet")
        XCTAssertEqual(try plugins.bodies("mail"), ["quiet"])
    }

    func testPublishesOfPluginsPassTheHooksToo() throws {
        let relay = PluginCommand(PluginCommandSpec(["relay"], summary: "publishes")) { _, host in
            _ = try host.publish([PluginEvent(text: "the secret")], toHub: "mail", partition: 0)
        }
        try plugins.shell.install(
            TestPlugin("relay", commands: [relay], hooks: [Self.refuseSecret]), path: "")
        let result = plugins.run("relay")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.errors.contains("refused the event: it mentions a secret"))
        XCTAssertEqual(try plugins.events("mail").count, 0)
    }
}
