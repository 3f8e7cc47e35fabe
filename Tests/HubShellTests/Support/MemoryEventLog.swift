import HubCore

/// A log of hubs and consumer groups held in memory, for tests of the shell that need names
/// from a log but no events: completion, mostly.
final class MemoryEventLog: EventLog, @unchecked Sendable {
    let namespace = "test"
    private(set) var hubList: [HubProperties] = []
    private var groups: [String: [ConsumerGroup]] = [:]
    /// When set, every call throws it, as a broken store would.
    var failure: HubError?

    func createHub(_ spec: HubSpec) throws -> HubProperties {
        if let failure { throw failure }
        try spec.validate()
        guard !hubList.contains(where: { $0.name == spec.name }) else {
            throw HubError.hubExists(spec.name)
        }
        let hub = HubProperties(
            name: spec.name, partitionCount: spec.partitionCount,
            retentionMillis: spec.retentionMillis, maxEventSize: spec.maxEventSize, createdAt: 0,
            replicas: spec.replicas)
        hubList.append(hub)
        groups[spec.name] = [
            ConsumerGroup(hub: spec.name, name: Names.defaultConsumerGroup, createdAt: 0)
        ]
        return hub
    }

    func hubs() throws -> [HubProperties] {
        if let failure { throw failure }
        return hubList
    }

    func hub(named name: String) throws -> HubProperties {
        if let failure { throw failure }
        guard let hub = hubList.first(where: { $0.name == name }) else {
            throw HubError.hubNotFound(name)
        }
        return hub
    }

    func updateHub(named name: String, retentionMillis: Int64?, maxEventSize: Int?) throws
        -> HubProperties
    {
        var hub = try hub(named: name)
        try retentionMillis.map { try HubSpec.validate(retentionMillis: $0) }
        try maxEventSize.map { try HubSpec.validate(maxEventSize: $0) }
        hub.retentionMillis = retentionMillis ?? hub.retentionMillis
        hub.maxEventSize = maxEventSize ?? hub.maxEventSize
        hubList = hubList.map { $0.name == hub.name ? hub : $0 }
        return hub
    }

    func deleteHub(named name: String) throws {
        _ = try hub(named: name)
        hubList.removeAll { $0.name == name }
        groups[name] = nil
    }

    func createConsumerGroup(hub: String, name: String) throws -> ConsumerGroup {
        _ = try self.hub(named: hub)
        let group = ConsumerGroup(hub: hub, name: name, createdAt: 0)
        groups[hub, default: []].append(group)
        return group
    }

    func consumerGroups(hub: String) throws -> [ConsumerGroup] {
        _ = try self.hub(named: hub)
        return groups[hub] ?? []
    }

    func deleteConsumerGroup(hub: String, name: String) throws {
        _ = try self.hub(named: hub)
        groups[hub]?.removeAll { $0.name == name }
    }

    // MARK: - Not needed by these tests

    func append(hub: String, batch: [RoutedEvent], durability: Durability) throws
        -> [EventMetadata]
    {
        throw HubError.storage("the in-memory test log keeps no events")
    }

    func read(hub: String, partition: Int, from position: EventPosition, maxCount: Int) throws
        -> [ReceivedEvent]
    {
        throw HubError.storage("the in-memory test log keeps no events")
    }

    func partitionStates(hub: String) throws -> [PartitionState] {
        try self.hub(named: hub).partitionIds.indices.map(PartitionState.empty)
    }

    func checkpoints(hub: String, group: String?) throws -> [Checkpoint] { [] }

    func setCheckpoints(_ checkpoints: [Checkpoint]) throws {
        throw HubError.storage("the in-memory test log keeps no checkpoints")
    }

    func replaceCheckpoints(
        hub: String, group: String, partitions: [Int]?, with checkpoints: [Checkpoint]
    ) throws {}

    func purge(hub: String, now: Int64) throws -> PurgeResult {
        PurgeResult(hub: hub, purged: [:])
    }
}
