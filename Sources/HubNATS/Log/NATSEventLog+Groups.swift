import HubCore

extension NATSEventLog {
    /// Writes the group's key only when no group of the hub has the name in any case.
    public func createConsumerGroup(hub: String, name: String) throws -> ConsumerGroup {
        try Names.validateGroup(name)
        return try perform("create consumer group '\(name)' of hub '\(hub)'") {
            let record = try requireHub(hub)
            let group = ConsumerGroup(hub: record.name, name: name, createdAt: options.clock())
            let key = Naming.groupKey(record, name)
            guard try groupsBucket.create(key, RecordJSON.encode(GroupRecord.json(group))) else {
                guard let entry = try groupsBucket.get(key) else {
                    throw HubError.groupExists(hub: record.name, group: name)
                }
                let existing = try GroupRecord.decode(entry.value, hub: record.name).name
                throw existing == name
                    ? HubError.groupExists(hub: record.name, group: name)
                    : HubError.nameTakenInOtherCase(
                        kind: "consumer group", name: name, existing: existing)
            }
            return group
        }
    }

    /// The hub's consumer groups, ordered by name; `$default` comes first.
    public func consumerGroups(hub: String) throws -> [ConsumerGroup] {
        try performRetrying("list the consumer groups of hub '\(hub)'") {
            try groups(of: try requireHub(hub))
        }
    }

    /// Removes the group's checkpoints, then the group; `$default` cannot be removed.
    public func deleteConsumerGroup(hub: String, name: String) throws {
        try perform("delete consumer group '\(name)' of hub '\(hub)'") {
            let record = try requireHub(hub)
            if Names.same(name, Names.defaultConsumerGroup) {
                throw HubError.defaultGroupIsPermanent(hub: record.name)
            }
            try requireGroup(record, name)
            let key = Naming.groupKey(record, name)
            for entry in try checkpointsBucket.entries(matching: key + ".*") {
                try checkpointsBucket.remove(entry.key)
            }
            try groupsBucket.remove(key)
        }
    }

    func groups(of record: HubRecord) throws -> [ConsumerGroup] {
        try groupsBucket.entries(matching: Naming.hubPrefix(record) + ".*")
            .map { try GroupRecord.decode($0.value, hub: record.name) }
            .sorted { Array($0.name.utf8).lexicographicallyPrecedes($1.name.utf8) }
    }

    /// The name the hub's group called `name` in any case was created with (its key holds
    /// the folded name); throws `groupNotFound` when the hub has no such group.
    @discardableResult
    func requireGroup(_ record: HubRecord, _ name: String) throws -> String {
        guard let entry = try groupsBucket.get(Naming.groupKey(record, name)) else {
            throw HubError.groupNotFound(hub: record.name, group: name)
        }
        return try GroupRecord.decode(entry.value, hub: record.name).name
    }
}
