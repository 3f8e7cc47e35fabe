import HubCore

extension LMDBEventLog {
    /// Creates a hub with its partitions and its `$default` consumer group.
    ///
    /// The hub gets an internal id never used before, so none of a deleted namesake's events,
    /// groups or checkpoints can reappear in it.
    public func createHub(_ spec: HubSpec) throws -> HubProperties {
        try spec.validate()
        guard spec.replicas == 1 else {
            throw HubError.unsupported(
                "the embedded log keeps one copy of each partition; --replicas needs a"
                    + " replicated engine such as --engine nats://HOST:PORT")
        }
        return try perform("create hub '\(spec.name)'") {
            try writing { tables in
                if let other = try tables.hubs.find(spec.name) {
                    throw other.name == spec.name
                        ? HubError.hubExists(spec.name)
                        : HubError.nameTakenInOtherCase(
                            kind: "hub", name: spec.name, existing: other.name)
                }
                let properties = HubProperties(
                    name: spec.name, partitionCount: spec.partitionCount,
                    retentionMillis: spec.retentionMillis, maxEventSize: spec.maxEventSize,
                    createdAt: options.clock())
                let record = HubRecord(id: try tables.meta.takeHubId(), properties: properties)
                try tables.hubs.insert(record)
                for partition in 0..<spec.partitionCount {
                    try tables.partitions.store(record, .empty(partition))
                }
                try tables.groups.insert(
                    record, Names.defaultConsumerGroup, createdAt: properties.createdAt)
                return properties
            }
        }
    }

    /// Every hub, ordered by name.
    public func hubs() throws -> [HubProperties] {
        try perform("list hubs") {
            try reading { tables in try tables.hubs.all().map(\.properties) }
        }
    }

    public func hub(named name: String) throws -> HubProperties {
        try perform("read hub '\(name)'") {
            try reading { tables in try tables.hubs.require(name).properties }
        }
    }

    /// Rewrites the hub's record with the new settings in one write transaction, so a reader
    /// sees the old settings or the new ones, never a mix. Appends and purges read the record
    /// in their own transactions, so the next of each goes by the new settings.
    public func updateHub(named name: String, retentionMillis: Int64?, maxEventSize: Int?)
        throws -> HubProperties
    {
        try retentionMillis.map { try HubSpec.validate(retentionMillis: $0) }
        try maxEventSize.map { try HubSpec.validate(maxEventSize: $0) }
        return try perform("change hub '\(name)'") {
            try writing { tables in
                let record = try tables.hubs.require(name)
                var properties = record.properties
                properties.retentionMillis = retentionMillis ?? properties.retentionMillis
                properties.maxEventSize = maxEventSize ?? properties.maxEventSize
                guard properties != record.properties else { return properties }
                try tables.hubs.insert(HubRecord(id: record.id, properties: properties))
                return properties
            }
        }
    }

    /// Removes the hub and, in the same transaction, all its events, groups, checkpoints and
    /// partition states. Its partitions' databases are dropped, which frees their pages and
    /// their handles; no other transaction of this process runs meanwhile, since a dropped
    /// database's handle must not be in use.
    public func deleteHub(named name: String) throws {
        try perform("delete hub '\(name)'") {
            try writing(exclusive: true) { tables in
                let record = try tables.hubs.require(name)
                try tables.events.removeAll(record)
                try tables.checkpoints.removeAll(record)
                try tables.groups.removeAll(record)
                try tables.partitions.removeAll(record)
                try tables.hubs.remove(record.name)
            }
            // Removing every event went through every page of the hub.
            environment.releaseMappedPages()
        }
    }
}
