/// The one interface between the shell and an engine that stores events.
///
/// The embedded LMDB log implements it; an engine on a distributed store can sit behind the same
/// protocol. Every method is safe to call from any thread, and every method is a short,
/// self-contained operation: an implementation holds no transaction open between calls, so an
/// idle consumer pins no storage.
///
/// Semantics every implementation keeps, as Event Hubs defines them:
/// - sequence numbers are per partition, start at 0, are contiguous and never reused;
/// - offsets grow with every event of a partition, and enqueued times never decrease;
/// - `append` lands the whole batch or nothing of it;
/// - `$default` exists in every hub and cannot be deleted.
public protocol EventLog: AnyObject, Sendable {
    /// The namespace this log serves, for the prompt and for messages.
    var namespace: String { get }

    // MARK: - Hubs

    func createHub(_ spec: HubSpec) throws -> HubProperties
    func hubs() throws -> [HubProperties]
    /// Throws `HubError.hubNotFound` when there is no such hub.
    func hub(named name: String) throws -> HubProperties
    /// Removes the hub with all its events, consumer groups and checkpoints.
    func deleteHub(named name: String) throws
    /// Changes the retention and the maximum event size of the hub `name` (found in any
    /// case); nil leaves a setting as it is. Returns the hub as it is now.
    ///
    /// The values are checked as `HubSpec.validate` checks them, and the partition count never
    /// changes (as on Event Hubs' standard tier). A shorter retention applies to the events
    /// already kept: the next purge removes what it expires. A smaller maximum leaves larger
    /// events already kept in place. Asking again for what a hub has is harmless, and on an
    /// engine that can fail halfway, asking again finishes what the failure left undone.
    func updateHub(named name: String, retentionMillis: Int64?, maxEventSize: Int?) throws
        -> HubProperties

    // MARK: - Consumer groups

    func createConsumerGroup(hub: String, name: String) throws -> ConsumerGroup
    func consumerGroups(hub: String) throws -> [ConsumerGroup]
    /// Removes the group and its checkpoints.
    func deleteConsumerGroup(hub: String, name: String) throws

    // MARK: - Events

    /// Appends `batch` in one transaction: every event lands, or none does.
    ///
    /// Each event's partition must exist; the batch and each event must fit the hub's maximum
    /// event size. Returns where each event landed, in the batch's order.
    func append(hub: String, batch: [RoutedEvent], durability: Durability) throws
        -> [EventMetadata]

    /// Up to `maxCount` events of one partition, starting at `position`, in sequence order.
    func read(hub: String, partition: Int, from position: EventPosition, maxCount: Int) throws
        -> [ReceivedEvent]

    /// Lends up to `maxCount` events of one partition, from `position` on and in sequence
    /// order, to `visit`, which returns false to stop early. Returns how many it visited.
    ///
    /// Meant for reading many events fast: an engine can hand out its stored bytes instead of
    /// building a `ReceivedEvent` per event. Positions work as in `read`. The extension gives
    /// every engine a version built on `read`.
    func scan(
        hub: String, partition: Int, from position: EventPosition, maxCount: Int,
        _ visit: (BorrowedEvent) throws -> Bool
    ) throws -> Int

    /// The state of every partition of the hub, read in one consistent snapshot.
    func partitionStates(hub: String) throws -> [PartitionState]

    // MARK: - Checkpoints

    /// The checkpoints of `group`, or of every group when nil, ordered by group and partition.
    func checkpoints(hub: String, group: String?) throws -> [Checkpoint]
    /// Writes one or more checkpoints in one transaction; the hub and group must exist.
    func setCheckpoints(_ checkpoints: [Checkpoint]) throws
    /// In one transaction, removes the checkpoints of `group` in `partitions` (every partition
    /// when nil) and then writes `checkpoints`, which must all belong to that hub and group.
    func replaceCheckpoints(
        hub: String, group: String, partitions: [Int]?, with checkpoints: [Checkpoint]) throws

    // MARK: - Retention

    /// Removes the events older than the hub's retention, as of `now` (milliseconds).
    func purge(hub: String, now: Int64) throws -> PurgeResult
}

extension EventLog {
    /// Removes the checkpoints of `group` in `hub`, so that it starts from its default position.
    public func clearCheckpoints(hub: String, group: String) throws {
        try replaceCheckpoints(hub: hub, group: group, partitions: nil, with: [])
    }

    /// Throws `groupNotFound` unless `group` exists on `hub`.
    public func checkGroup(hub: String, group: String) throws {
        _ = try consumerGroup(hub: hub, named: group)
    }

    /// The consumer group `name` of `hub`, with the spelling it was created with: names are
    /// found in any case (`c1` finds `C1`), and output should show them as created.
    /// Throws `groupNotFound` when the hub has no such group.
    public func consumerGroup(hub: String, named name: String) throws -> ConsumerGroup {
        guard let group = try consumerGroups(hub: hub).first(where: { Names.same($0.name, name) })
        else {
            throw HubError.groupNotFound(hub: hub, group: name)
        }
        return group
    }
}
