import CSupport
import Foundation
import HubCore
import HubPluginAPI

/// The host API as one shell provides it to one plugin: calls go to the shell's log and output.
///
/// A host is made for each call into a plugin and runs on the shell's thread. Errors from the
/// log reach the plugin as `PluginError`s carrying the message hubsh itself would print.
final class ShellPluginHost: PluginHost {
    let context: ShellContext
    /// The plugin this host serves, named in its diagnostics and its checkpoints' owner.
    let plugin: String

    init(context: ShellContext, plugin: String) {
        self.context = context
        self.plugin = plugin
    }

    // MARK: - Namespace

    var namespace: String { context.log.namespace }

    func hubs() throws -> [HubSummary] {
        try bridged { try context.log.hubs().map(HubSummary.init) }
    }

    func hub(named name: String) throws -> HubSummary {
        try bridged { HubSummary(try context.log.hub(named: name)) }
    }

    func partitions(ofHub hub: String) throws -> [PartitionSummary] {
        try bridged { try context.log.partitionStates(hub: hub).map(PartitionSummary.init) }
    }

    // MARK: - Events

    func publish(_ events: [PluginEvent], toHub hub: String, partition: Int?) throws
        -> [EventLocation]
    {
        try bridged {
            let properties = try context.log.hub(named: hub)
            if let partition { try properties.check(partition: partition) }
            let prepared = try PublishHooks.apply(
                events.map(EventData.init), hub: hub, context: context)
            let checked = try SchemaEnforcement.apply(
                prepared, partitions: nil, partition: partition, hub: properties,
                context: context)
            let deadLettered = try checked.appendDeadLetters(durability: .durable, context: context)
            SchemaEnforcement.noteDeadLetters(
                deadLettered?.landed.count ?? 0, hub: properties.name,
                deadLetterHub: deadLettered?.hub, context: context)
            let routed = try context.router.route(
                checked.events, hub: properties, partition: partition)
            var landed: [EventMetadata] = []
            for batch in try Publish.batches(routed, hub: properties, maxCount: nil) {
                landed += try context.log.append(hub: hub, batch: batch, durability: .durable)
            }
            return landed.map(EventLocation.init)
        }
    }

    func read(hub: String, partition: Int, from position: ReadPosition, maxCount: Int) throws
        -> [StoredEvent]
    {
        try bridged {
            try context.log.hub(named: hub).check(partition: partition)
            return try context.log.read(
                hub: hub, partition: partition, from: EventPosition(position),
                maxCount: max(0, maxCount)
            ).map(StoredEvent.init)
        }
    }

    // MARK: - Consumer groups and checkpoints

    func consumerGroups(ofHub hub: String) throws -> [String] {
        try bridged { try context.log.consumerGroups(hub: hub).map(\.name) }
    }

    func checkpoints(hub: String, group: String) throws -> [CheckpointSummary] {
        try bridged {
            try context.log.checkGroup(hub: hub, group: group)
            return try context.log.checkpoints(hub: hub, group: group).map(CheckpointSummary.init)
        }
    }

    func setCheckpoint(hub: String, group: String, partition: Int, sequenceNumber: Int64) throws {
        try bridged {
            try context.log.hub(named: hub).check(partition: partition)
            try context.log.checkGroup(hub: hub, group: group)
            guard let event = try context.log.read(
                hub: hub, partition: partition,
                from: .sequenceNumber(sequenceNumber, inclusive: true), maxCount: 1
            ).first, event.sequenceNumber == sequenceNumber else {
                throw CommandFailure(
                    "partition \(partition) of hub '\(hub)' holds no sequence number"
                        + " \(sequenceNumber); a checkpoint names an event that is retained")
            }
            try context.log.setCheckpoints([
                Checkpoint(
                    hub: hub, group: group, partition: partition,
                    sequenceNumber: event.sequenceNumber, offset: event.offset,
                    updatedAt: Timestamp.now(), owner: "\(context.owner)/\(plugin)")
            ])
        }
    }

    // MARK: - Output

    func write(_ line: String) {
        context.output.line(line)
    }

    func writeJSON(_ value: PluginJSON) {
        context.output.json(JSONValue(value))
    }

    func writeTable(_ columns: [TableColumn], rows: [[String]]) {
        context.output.table(columns.map { Output.Column($0.title, numeric: $0.numeric) }, rows)
    }

    func log(_ level: PluginLogLevel, _ message: String) {
        let output = context.output
        switch level {
        case .debug: output.debug("\(plugin): \(message)")
        case .info: output.note(message)
        case .warning: output.warning(message)
        case .error: output.error(message)
        }
    }

    var terminal: TerminalTraits {
        let output = context.output
        var columns = 80
        if output.isTerminal {
            let measured = Int(hubsh_terminal_columns(1))
            if measured > 0 {
                columns = measured
            } else if let given = context.variable("COLUMNS").flatMap(Int.init), given > 0 {
                columns = given
            }
        }
        return TerminalTraits(
            isTerminal: output.isTerminal, useColor: output.useColor, columns: columns)
    }

    var isInterrupted: Bool { context.isInterrupted }

    // MARK: - Errors

    /// Runs `body`, turning hubsh's errors into the `PluginError` a plugin understands.
    private func bridged<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as HubError {
            throw PluginError(error.description)
        } catch let failure as CommandFailure {
            throw PluginError(failure.description)
        } catch let usage as UsageError {
            throw PluginUsageError(usage.message)
        }
    }
}
