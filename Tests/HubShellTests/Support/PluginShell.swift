import HubCore
import HubLMDB
import HubPluginAPI
import XCTest

@testable import HubShell

/// A shell over an embedded log in a temporary folder, into which tests install plugins made in
/// code, without a library or the dynamic loader.
final class PluginShell {
    let folder: TemporaryFolder
    let test = TestShell(commands: DomainCommands.all)
    let log: LMDBEventLog
    private var seenOutput = 0
    private var seenErrors = 0

    init() throws {
        folder = try TemporaryFolder()
        log = try LMDBEventLog.open(directory: folder.path + "/data")
        test.context.log = log
    }

    deinit { log.close() }

    var shell: Shell { test.shell }
    var context: ShellContext { test.context }

    /// Runs `text` as a script; returns its status and only what this run printed.
    @discardableResult
    func run(_ text: String) -> (status: Int32, output: String, errors: String) {
        let status = test.run(text)
        let output = String(test.output.dropFirst(seenOutput))
        let errors = String(test.errors.dropFirst(seenErrors))
        seenOutput = test.output.count
        seenErrors = test.errors.count
        return (status, output, errors)
    }

    /// The bodies of every event of `hub`, in partition and sequence order.
    func bodies(_ hub: String) throws -> [String] {
        try events(hub).map { String(decoding: $0.data.body, as: UTF8.self) }
    }

    func events(_ hub: String) throws -> [ReceivedEvent] {
        let properties = try log.hub(named: hub)
        return try (0..<properties.partitionCount).flatMap {
            try log.read(hub: hub, partition: $0, from: .earliest, maxCount: 10_000)
        }
    }
}

/// A plugin made of whatever a test gives it.
final class TestPlugin: HubPlugin {
    let name: String
    let version = "2.0.0"
    let summary: String
    let commands: [PluginCommand]
    let generators: [PluginGenerator]
    let formats: [PluginFormat]
    let hooks: [PublishHook]

    init(
        _ name: String, summary: String = "a plugin for tests", commands: [PluginCommand] = [],
        generators: [PluginGenerator] = [], formats: [PluginFormat] = [],
        hooks: [PublishHook] = []
    ) {
        self.name = name
        self.summary = summary
        self.commands = commands
        self.generators = generators
        self.formats = formats
        self.hooks = hooks
    }
}

/// Makes `count` events `PREFIX-0`, `PREFIX-1`..., keyed `key-N` with N below `keys`.
final class CountingProducer: EventProducer {
    let prefix: String
    let keys: Int
    let limit: Int?
    private var made = 0

    init(prefix: String, keys: Int, limit: Int? = nil) {
        self.prefix = prefix
        self.keys = keys
        self.limit = limit
    }

    func next() -> PluginEvent? {
        if let limit, made >= limit { return nil }
        defer { made += 1 }
        return PluginEvent(text: "\(prefix)-\(made)", partitionKey: "key-\(made % keys)")
    }
}

/// Writes `seq|body` per event between a `begin` and an `end` line.
final class PipeFormatter: EventFormatter {
    func header() -> [String] { ["begin"] }

    func lines(for event: StoredEvent) -> [String] {
        ["\(event.sequenceNumber)|\(event.event.text ?? "?")"]
    }

    func footer() -> [String] { ["end"] }
}
