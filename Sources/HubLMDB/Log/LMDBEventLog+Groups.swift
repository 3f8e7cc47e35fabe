import HubCore

extension LMDBEventLog {
    public func createConsumerGroup(hub: String, name: String) throws -> ConsumerGroup {
        try Names.validateGroup(name)
        return try perform("create consumer group '\(name)' of hub '\(hub)'") {
            try writing { tables in
                let record = try tables.hubs.require(hub)
                if let other = try tables.groups.find(record, name) {
                    throw other == name
                        ? HubError.groupExists(hub: record.name, group: name)
                        : HubError.nameTakenInOtherCase(
                            kind: "consumer group", name: name, existing: other)
                }
                let group = ConsumerGroup(
                    hub: record.name, name: name, createdAt: options.clock())
                try tables.groups.insert(record, name, createdAt: group.createdAt)
                return group
            }
        }
    }

    /// The hub's consumer groups, ordered by name; `$default` comes first.
    public func consumerGroups(hub: String) throws -> [ConsumerGroup] {
        try perform("list the consumer groups of hub '\(hub)'") {
            try reading { tables in try tables.groups.all(try tables.hubs.require(hub)) }
        }
    }

    /// Removes the group and its checkpoints; `$default` cannot be removed.
    public func deleteConsumerGroup(hub: String, name: String) throws {
        try perform("delete consumer group '\(name)' of hub '\(hub)'") {
            try writing { tables in
                let record = try tables.hubs.require(hub)
                if Names.same(name, Names.defaultConsumerGroup) {
                    throw HubError.defaultGroupIsPermanent(hub: record.name)
                }
                let group = try tables.groups.require(record, name)
                try tables.checkpoints.removeGroup(record, group)
                try tables.groups.remove(record, group)
            }
        }
    }
}
