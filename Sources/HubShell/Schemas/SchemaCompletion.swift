import HubCore

/// Tab completion of schema group names, schema names and `GROUP/NAME`, from the registry.
/// Whatever the registry cannot tell completes nothing. The names are found in any case, as
/// the registry finds them: `schema list ord<Tab>` gives `Orders`.
enum SchemaCompletion {
    /// The schema groups.
    static let group = CompletionKind.names { _, _, context in
        guard let registry = context.log as? SchemaRegistry else { return [] }
        return ((try? registry.schemaGroups()) ?? []).map(\.name)
    }

    /// The schemas of the group given as the first positional argument.
    static let name = CompletionKind.names { given, _, context in
        guard let registry = context.log as? SchemaRegistry,
              let group = given.first(where: { !$0.hasPrefix("-") })
        else { return [] }
        return ((try? registry.latestSchemas(group: group)) ?? []).map(\.name)
    }

    /// Every schema as `GROUP/NAME`.
    static let qualified = CompletionKind.names { _, _, context in
        guard let registry = context.log as? SchemaRegistry else { return [] }
        return ((try? registry.latestSchemas(group: nil)) ?? []).map(\.qualifiedName)
    }
}
