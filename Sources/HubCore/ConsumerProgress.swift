/// Where a consumer group stands in one partition: its checkpoint against the partition's state.
///
/// Lag is the number of retained events after the checkpoint; with no checkpoint it is every
/// retained event, and an empty partition has lag 0. A checkpoint older than the first retained
/// event means events were lost to retention before the group read them.
public struct ConsumerProgress: Sendable, Equatable {
    public var hub: String
    public var group: String
    public var state: PartitionState
    public var checkpoint: Checkpoint?

    public init(hub: String, group: String, state: PartitionState, checkpoint: Checkpoint?) {
        self.hub = hub
        self.group = group
        self.state = state
        self.checkpoint = checkpoint
    }

    public var partition: Int { state.partition }

    /// The first sequence number the group has not processed and that is still retained.
    public var resumeSequenceNumber: Int64 {
        guard let checkpoint else { return state.firstSequenceNumber }
        return max(checkpoint.sequenceNumber + 1, state.firstSequenceNumber)
    }

    public var lag: Int64 { max(0, state.nextSequenceNumber - resumeSequenceNumber) }

    /// Events after the checkpoint that retention removed before the group read them.
    public var lostToRetention: Int64 {
        guard let checkpoint else { return 0 }
        return max(0, state.firstSequenceNumber - (checkpoint.sequenceNumber + 1))
    }

    /// The progress of `group` in every partition of `hub`. The rows name the hub and the group
    /// as they were created, however the caller spelled them.
    public static func all(log: EventLog, hub: String, group: String) throws -> [ConsumerProgress] {
        let hub = try log.hub(named: hub).name
        let group = try log.consumerGroup(hub: hub, named: group).name
        let states = try log.partitionStates(hub: hub)
        let checkpoints = try log.checkpoints(hub: hub, group: group)
        var byPartition: [Int: Checkpoint] = [:]
        for checkpoint in checkpoints { byPartition[checkpoint.partition] = checkpoint }
        return states.map {
            ConsumerProgress(
                hub: hub, group: group, state: $0, checkpoint: byPartition[$0.partition])
        }
    }
}
