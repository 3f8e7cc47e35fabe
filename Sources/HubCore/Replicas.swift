/// Where the copies of a partition live, on an engine that replicates partitions across
/// servers: which server leads (takes the appends) and how far each follower has come.
public struct PartitionReplicas: Sendable, Equatable {
    public var partition: Int
    /// The server that leads the partition now; nil while a leader is being elected.
    public var leader: String?
    /// The followers, as the leader sees them.
    public var followers: [Replica]

    public init(partition: Int, leader: String?, followers: [Replica]) {
        self.partition = partition
        self.leader = leader
        self.followers = followers
    }

    /// One follower of a partition.
    public struct Replica: Sendable, Equatable {
        public var server: String
        /// Caught up with the leader.
        public var current: Bool
        /// Not answering the leader.
        public var offline: Bool
        /// Operations the follower is behind the leader.
        public var lag: UInt64

        public init(server: String, current: Bool, offline: Bool, lag: UInt64) {
            self.server = server
            self.current = current
            self.offline = offline
            self.lag = lag
        }
    }
}

/// An engine that can say where each partition's replicas are. The shell asks
/// `log as? ReplicaReporting` and shows leaders in `hub show`; the embedded log, which keeps
/// one copy, does not conform.
public protocol ReplicaReporting: AnyObject {
    /// The replicas of every partition of `hub`, in partition order.
    func partitionReplicas(hub: String) throws -> [PartitionReplicas]
}
