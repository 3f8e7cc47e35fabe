/// Everything that can go wrong in the event log, with messages a user can act on.
///
/// Each case's `description` is one line that names the problem and, where there is one, what to
/// do about it: `hub 'orders' has 4 partitions; partition 7 does not exist (use 0-3)`.
public enum HubError: Error, Equatable, CustomStringConvertible, Sendable {
    case invalidHubName(String, reason: String)
    case invalidGroupName(String, reason: String)
    case hubExists(String)
    case hubNotFound(String)
    /// The hub being followed was deleted, and maybe created again under the same name.
    case hubReplaced(String)
    case groupExists(hub: String, group: String)
    /// Event Hubs names are case-insensitive: `Orders` and `orders` cannot both exist.
    case nameTakenInOtherCase(kind: String, name: String, existing: String)
    case groupNotFound(hub: String, group: String)
    case defaultGroupIsPermanent(hub: String)
    case invalidPartitionCount(Int)
    case partitionNotFound(hub: String, partition: Int, partitionCount: Int)
    case invalidRetention(String)
    case invalidMaxEventSize(String)
    case invalidReplicas(Int)
    /// The engine cannot do this at all: one line naming what and why, such as replicas on the
    /// embedded log.
    case unsupported(String)
    case eventTooLarge(index: Int, size: Int, max: Int, hub: String)
    case batchTooLarge(size: Int, max: Int, hub: String)
    case keyAndPartition
    case invalidPosition(String)
    case invalidSequenceNumber(Int64)
    case sequenceNumberAhead(hub: String, partition: Int, sequenceNumber: Int64, last: Int64)
    case invalidProperty(String)
    case storage(String)
    case readOnly(path: String)
    case corrupt(path: String, detail: String)
    /// The engine at `address` cannot be reached or does not answer; `detail` says how.
    case engineUnavailable(address: String, detail: String)
    /// A replicated engine stored only part of a batch: `landed` are the events it
    /// acknowledged, in batch order; the other `total - landed.count` were not acknowledged.
    case partiallyAppended(landed: [EventMetadata], total: Int, reason: String)

    public var description: String {
        switch self {
        case .invalidHubName(let name, let reason):
            return "invalid hub name '\(name)': \(reason)"
        case .invalidGroupName(let name, let reason):
            return "invalid consumer group name '\(name)': \(reason)"
        case .hubExists(let name):
            return "hub '\(name)' already exists (use 'hub show \(name)' to see it, or"
                + " --if-not-exists to accept it)"
        case .hubNotFound(let name):
            return "hub '\(name)' does not exist (use 'hub list' to see the hubs)"
        case .hubReplaced(let name):
            return "hub '\(name)' was deleted while it was being followed; start again to"
                + " follow the hub that now has that name, if any"
        case .groupExists(let hub, let group):
            return "consumer group '\(group)' already exists on hub '\(hub)'"
        case .nameTakenInOtherCase(let kind, let name, let existing):
            return "\(kind) '\(name)' would clash with '\(existing)': names differ only in"
                + " case, and Event Hubs treats them as the same name"
        case .groupNotFound(let hub, let group):
            return "consumer group '\(group)' does not exist on hub '\(hub)'"
                + " (use 'group list \(hub)' to see its groups)"
        case .defaultGroupIsPermanent(let hub):
            return "consumer group '$default' of hub '\(hub)' cannot be deleted"
        case .invalidPartitionCount(let count):
            return "a hub has 1 to 1024 partitions; \(count) is out of range"
        case .partitionNotFound(let hub, let partition, let count):
            return "hub '\(hub)' has \(count) partition\(count == 1 ? "" : "s");"
                + " partition \(partition) does not exist (use 0-\(count - 1))"
        case .invalidRetention(let text):
            return "invalid retention '\(text)': use 1m to 3650d, such as 30m, 36h, 1.5d, 7d"
                + " or 1d12h"
        case .invalidMaxEventSize(let text):
            return "invalid maximum event size '\(text)': use bytes from 1 to 268435456,"
                + " such as 1048576, 256KiB or 1MiB"
        case .invalidReplicas(let count):
            return "a hub has 1 to \(HubSpec.maxReplicas) replicas; \(count) is out of range"
        case .unsupported(let message):
            return message
        case .eventTooLarge(let index, let size, let max, let hub):
            return "event \(index + 1) is \(size) bytes, over the maximum event size of hub"
                + " '\(hub)' (\(max) bytes); nothing was published"
        case .batchTooLarge(let size, let max, let hub):
            return "batch is \(size) bytes, over the maximum size of hub '\(hub)' (\(max)"
                + " bytes); nothing was published (send fewer events per batch)"
        case .keyAndPartition:
            return "give either a partition key or a partition, not both"
        case .invalidPosition(let text):
            return "invalid position '\(text)': use earliest, latest, seq:N, offset:N,"
                + " time:ISO8601 or -N"
        case .invalidSequenceNumber(let seq):
            return "invalid sequence number \(seq): sequence numbers start at 0"
        case .sequenceNumberAhead(let hub, let partition, let seq, let last):
            let lastText = last < 0 ? "the partition is still empty" : "its last is \(last)"
            return "partition \(partition) of hub '\(hub)' has no sequence number \(seq);"
                + " \(lastText)"
        case .invalidProperty(let text):
            return "invalid property '\(text)': use key=value"
        case .storage(let message):
            return message
        case .readOnly(let path):
            return "data directory '\(path)' is read-only: give a writable one with --data DIR"
        case .corrupt(let path, let detail):
            return "data directory '\(path)' is not a readable hubsh store (\(detail));"
                + " move it aside or give another with --data DIR"
        case .engineUnavailable(let address, let detail):
            return "cannot reach the NATS cluster at \(address): \(detail); is it running?"
                + " (start one with 'bash .ci/nats-cluster start')"
        case .partiallyAppended(let landed, let total, let reason):
            return "published \(landed.count) of \(total) events"
                + " (\(HubError.ranges(of: landed))); the other \(total - landed.count) were"
                + " not acknowledged: \(reason); read the partition before publishing them again"
        }
    }
}

extension HubError {
    /// `partition 2: seq 104-140, partition 0: seq 7` for the events of a partial batch.
    static func ranges(of landed: [EventMetadata]) -> String {
        guard !landed.isEmpty else { return "none landed" }
        var byPartition: [Int: (Int64, Int64)] = [:]
        var order: [Int] = []
        for event in landed {
            if let (low, high) = byPartition[event.partition] {
                byPartition[event.partition] = (
                    min(low, event.sequenceNumber), max(high, event.sequenceNumber)
                )
            } else {
                byPartition[event.partition] = (event.sequenceNumber, event.sequenceNumber)
                order.append(event.partition)
            }
        }
        return order.map { partition in
            let (low, high) = byPartition[partition]!
            return "partition \(partition): seq " + (low == high ? "\(low)" : "\(low)-\(high)")
        }.joined(separator: ", ")
    }
}
