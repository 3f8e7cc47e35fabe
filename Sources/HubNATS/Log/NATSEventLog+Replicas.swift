import HubCore

extension NATSEventLog: ReplicaReporting {
    /// Each partition's stream leader and followers, as its stream info reports them.
    public func partitionReplicas(hub: String) throws -> [PartitionReplicas] {
        try performRetrying("read the replicas of hub '\(hub)'") {
            let record = try cachedHub(hub)
            return try (0..<record.properties.partitionCount).map { partition in
                let cluster = try jetStream.streamCluster(stream(record, partition))
                return PartitionReplicas(
                    partition: partition, leader: cluster?.leader,
                    followers: (cluster?.followers ?? []).map {
                        PartitionReplicas.Replica(
                            server: $0.name, current: $0.current, offline: $0.offline,
                            lag: $0.lag)
                    })
            }
        }
    }
}
