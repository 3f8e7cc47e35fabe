import HubCore

/// `group create|list|delete`: consumer groups of a hub.
enum GroupCommands {
    static let all: [Command] = [create, list, delete]

    static let create = Command(
        CommandSpec(
            ["group", "create"], summary: "add a consumer group to a hub",
            details: [
                "Each consumer group reads the hub independently and keeps its own checkpoints."
                    + " A name has 1-50 letters, digits, '.', '-' or '_'."
            ],
            positionals: [
                Positional("HUB", "the hub", completion: .hub),
                Positional("GROUP", "the new group's name"),
            ],
            flags: [
                Flag(
                    "--if-not-exists",
                    "succeed without a change when the group exists (for repeatable scripts)"),
            ],
            examples: [
                "group create orders billing", "group create orders billing --if-not-exists",
            ]),
        run: { arguments, context in
            let hub = arguments.string(at: 0)
            let name = arguments.string(at: 1)
            if arguments.has("--if-not-exists"),
               let existing = try context.log.consumerGroups(hub: hub).first(where: {
                   Names.same($0.name, name)
               })
            {
                if context.output.wantsJSON(arguments) {
                    context.output.json(json(existing))
                } else {
                    context.output.line(
                        "consumer group '\(existing.name)' already exists on hub"
                            + " '\(existing.hub)'; left as it is")
                }
                return
            }
            let group = try context.log.createConsumerGroup(hub: hub, name: name)
            if context.output.wantsJSON(arguments) {
                context.output.json(json(group))
            } else {
                context.output.line("created consumer group '\(group.name)' on hub '\(group.hub)'")
            }
        })

    static let list = Command(
        CommandSpec(
            ["group", "list"], summary: "list a hub's consumer groups",
            positionals: [Positional("HUB", "the hub", completion: .hub)],
            examples: ["group list orders"]),
        run: { arguments, context in
            let groups = try context.log.consumerGroups(hub: arguments.string(at: 0))
            if context.output.wantsJSON(arguments) {
                groups.forEach { context.output.json(json($0)) }
                return
            }
            context.output.table(
                [.init("GROUP"), .init("CREATED")],
                groups.map { [$0.name, Timestamp.format($0.createdAt)] })
        })

    static let delete = Command(
        CommandSpec(
            ["group", "delete"], summary: "delete a consumer group and its checkpoints",
            positionals: [
                Positional("HUB", "the hub", completion: .hub),
                Positional("GROUP", "the group", completion: .group),
            ],
            examples: ["group delete orders billing"]),
        run: { arguments, context in
            // The hub and group as they were created: names are found in any case.
            let hub = try context.log.hub(named: arguments.string(at: 0)).name
            let group = try context.log.consumerGroup(hub: hub, named: arguments.string(at: 1))
                .name
            try context.log.deleteConsumerGroup(hub: hub, name: group)
            if context.output.wantsJSON(arguments) {
                context.output.json(.object([("hub", .string(hub)), ("deleted", .string(group))]))
            } else {
                context.output.line("deleted consumer group '\(group)' from hub '\(hub)'")
            }
        })

    static func json(_ group: ConsumerGroup) -> JSONValue {
        .object([
            ("hub", .string(group.hub)), ("name", .string(group.name)),
            ("createdAt", .string(Timestamp.format(group.createdAt))),
        ])
    }
}
