/// The commands that work on hubs and events, in the order `help` lists them.
public enum DomainCommands {
    public static let all: [Command] =
        HubCommands.all + [HubSet.command, HubValidate.command] + GroupCommands.all
        + [Publish.command, Read.command, Tail.command, Consume.command]
        + CheckpointCommands.all + [Lag.command]
        + SchemaGroupCommands.all
        + [SchemaRegister.command] + SchemaListing.all
        + [SchemaCheck.command, SchemaValidate.command]
        + [DeadLetterList.command, DeadLetterReplay.command]
        + BenchCommands.all
}
