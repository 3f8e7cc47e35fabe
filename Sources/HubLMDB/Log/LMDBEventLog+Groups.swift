import HubCore

extension LMDBEventLog {
    public func createConsumerGroup(hub: String, name: String) throws -> ConsumerGroup {
        try Names.validateGroup(name)
        return try perform("create consumer group '\(name)' of hub '\(hub)'") {
            try writing { tables in
                let record = try tables.hubs.require(hub)
                if try tables.groups.exists(record, name) {
                    throw HubError.groupExists(hub: hub, group: name)
                }
                let folded = name.lowercased()
                if let other = try tables.groups.all(record).first(where: {
                    $0.name.lowercased() == folded
                }) {
                    throw HubError.nameTakenInOtherCase(
                        kind: "consumer group", name: name, existing: other.name)
                }
                let group = ConsumerGroup(hub: hub, name: name, createdAt: options.clock())
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
                if name == Names.defaultConsumerGroup {
                    throw HubError.defaultGroupIsPermanent(hub: hub)
                }
                try tables.groups.require(record, name)
                try tables.checkpoints.removeGroup(record, name)
                try tables.groups.remove(record, name)
            }
        }
    }
}
