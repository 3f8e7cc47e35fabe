/// The named databases of one transaction, each behind the operations hubsh needs of it.
///
/// Valid only inside the transaction closure it was made in.
struct Tables {
    let meta: MetaTable
    let hubs: HubTable
    let groups: GroupTable
    let partitions: PartitionTable
    let events: EventTable
    let checkpoints: CheckpointTable
    let schemaGroups: SchemaGroupTable
    let schemas: SchemaTable

    init(_ txn: Transaction, _ databases: Databases) {
        meta = MetaTable(txn: txn, dbi: databases.meta)
        hubs = HubTable(txn: txn, dbi: databases.hubs)
        groups = GroupTable(txn: txn, dbi: databases.groups)
        events = EventTable(txn: txn)
        partitions = PartitionTable(txn: txn, dbi: databases.partitions, events: events)
        checkpoints = CheckpointTable(txn: txn, dbi: databases.checkpoints)
        schemaGroups = SchemaGroupTable(txn: txn, dbi: databases.schemaGroups)
        schemas = SchemaTable(txn: txn, dbi: databases.schemas, idDbi: databases.schemaIds)
    }
}
